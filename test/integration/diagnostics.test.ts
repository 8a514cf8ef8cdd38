// Diagnostics in the Problems view, live on unsaved text, from the real
// extension in a real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, describeDiagnostic, diagnosticsOf, lens, open, removeFile, writeFile } from './support/lens';

const BROKEN = `---
id: INC-2026-900
title: Checkout errors after a config push
status: resolved
severity: SEV9
sevrity: SEV2
started: 2026-11-20T14:02:00Z
detected: 2026-11-20T13:00:00Z
services: [checkout, teleport]
actions:
  - {id: A1, title: Canary stage, owner: Sam Ortiz, due: 2020-01-15, status: open}
  - id: A2
    title: Alert on queue age
    status: open
timeline:
  - {at: 2026-11-20T14:09:00Z, kind: detection, text: Alert fired}
  - {at: 2026-11-20T14:02:00Z, kind: trigger, text: Config pushed}
code:
  - path: src/does/not/exist.ts
  - path: ../outside.ts
---

## Narrative
It was human error.
`;

suite('diagnostics', () => {
  const path = 'incidents/2026-11-20-integration-broken.md';

  suiteSetup(async () => {
    await lens();
  });

  suiteTeardown(async () => {
    await closeAll();
    await removeFile(path);
  });

  test('every problem is reported at its place, with its code', async () => {
    const uri = await writeFile(path, BROKEN);
    await open(uri);
    const list = await diagnosticsOf(uri, (l) => l.some((d) => d.code === 'blame-language') && l.some((d) => d.code === 'code-path-missing'));
    const shown = list.map(describeDiagnostic).sort();
    for (const expected of [
      'status-without-time@4:9-4:17',
      'invalid-value@5:11-5:15',
      'unknown-field@6:1-6:8',
      'lifecycle-order@8:11-8:31',
      'unknown-service@9:22-9:30',
      'action-overdue@11:58-11:68',
      'action-missing-owner@12:5-12:11',
      'action-missing-due@12:5-12:11',
      'timeline-order@17:10-17:30',
      'code-path-missing@19:11-19:32',
      'code-path-outside@20:11-20:24',
      'blame-language@24:8-24:19',
    ]) {
      assert.ok(shown.includes(expected), `expected ${expected} in ${shown.join(', ')}`);
    }
    const severity = list.find((d) => d.code === 'invalid-value');
    assert.equal(severity?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(severity?.message ?? '', /Allowed: SEV1, SEV2, SEV3, SEV4/);
    assert.equal(list.find((d) => d.code === 'unknown-field')?.message, 'Unknown field `sevrity`. Did you mean `severity`?');
  });

  test('diagnostics follow unsaved typing', async () => {
    const uri = await writeFile(path, BROKEN);
    const editor = await open(uri);
    await diagnosticsOf(uri, (l) => l.some((d) => d.code === 'unknown-field'));
    await editor.edit((edit) => edit.replace(new vscode.Range(5, 0, 5, 7), 'tags: [x]\n#'));
    const after = await diagnosticsOf(uri, (l) => !l.some((d) => d.code === 'unknown-field'));
    assert.ok(editor.document.isDirty, 'the text is not saved');
    assert.ok(after.some((d) => d.code === 'invalid-value'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a file that stops being an incident loses its diagnostics', async () => {
    const uri = await writeFile(path, BROKEN);
    const editor = await open(uri);
    await diagnosticsOf(uri, (l) => l.length > 0);
    const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
    await editor.edit((edit) => edit.replace(all, '# Just notes\n\nNo front matter here.\n'));
    await diagnosticsOf(uri, (l) => l.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the example incidents have no errors', async () => {
    const api = await lens();
    const state = api.workspace.all()[0];
    assert.ok(state.index.incidents().length >= 8, 'the example workspace has its incidents');
    const errors = [...state.index.allDiagnostics()].flatMap(([file, list]) => list.filter((d) => d.severity === 'error').map((d) => `${file}: ${d.code}`));
    const madeByTests = /integration-broken|quick-fix-target|authoring/;
    assert.deepEqual(errors.filter((e) => !madeByTests.test(e)), []);
  });
});
