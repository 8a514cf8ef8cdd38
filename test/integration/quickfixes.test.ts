// Quick fixes: each is offered where the spec implies one, and applying it
// changes the text as a user would expect (and nothing else).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsOf, lens, open, removeFile, writeFile } from './support/lens';
import { apply, applyFix, diagnosticGone, fixesFor, localDateIn } from './support/quickFixes';
import { onTestDay } from './support/day';

const FILE = onTestDay('incidents/2026-11-21-quick-fix-target.md');

const TEXT = onTestDay(`---
title: Search results empty after reindex
status: monitoring
severity: SEV7
started: 2026-11-21T09:00:00Z
detected: 2026-11-21T09:10:00Z
servics: [search]
actions:
  - {id: A1, title: Alert on empty result rate, owner: Lee Wong, due: 2020-02-01, status: open}
timeline:
  - {at: 2026-11-21T09:10:00Z, kind: detection, text: Empty result alert}
  # the trigger came first
  - {at: 2026-11-21T09:00:00Z, kind: trigger, text: Reindex started}
---

Body stays as it is.
`);

suite('quick fixes', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await lens();
  });

  setup(async () => {
    uri = await writeFile(FILE, TEXT);
    document = (await open(uri)).document;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  suiteTeardown(async () => {
    await removeFile(FILE);
  });

  test('a missing id gets the next free id', async () => {
    const fixes = await fixesFor(uri, 'missing-field');
    await apply(fixes.find((f) => /next free id/.test(f.title)));
    assert.match(document.getText(), /^---\ntitle: Search results empty after reindex\n/);
    assert.match(document.getText(), /\nid: INC-\d{4}-\d{3}\n---/);
  });

  test('an unknown field is renamed to its suggestion', async () => {
    const fixes = await fixesFor(uri, 'unknown-field');
    await apply(fixes.find((f) => f.title.includes('`services`')));
    assert.equal(document.lineAt(6).text, 'services: [search]');
  });

  test('an invalid value is replaced by each allowed one', async () => {
    const fixes = await fixesFor(uri, 'invalid-value');
    assert.deepEqual(fixes.map((f) => f.title).filter((t) => t.startsWith('Change to')), ['Change to `SEV1`', 'Change to `SEV2`', 'Change to `SEV3`', 'Change to `SEV4`']);
    await apply(fixes.find((f) => f.title === 'Change to `SEV2`'));
    assert.equal(document.lineAt(3).text, 'severity: SEV2');
  });

  test('the timeline is sorted, comments travel with their entry', async () => {
    const fixes = await fixesFor(uri, 'timeline-order');
    await apply(fixes.find((f) => /Sort the timeline/.test(f.title)));
    assert.deepEqual([10, 11, 12].map((line) => document.lineAt(line).text), [
      '  # the trigger came first',
      onTestDay('  - {at: 2026-11-21T09:00:00Z, kind: trigger, text: Reindex started}'),
      onTestDay('  - {at: 2026-11-21T09:10:00Z, kind: detection, text: Empty result alert}'),
    ]);
  });

  test('an overdue action gets a new due date, or is marked done', async () => {
    const fixes = await fixesFor(uri, 'action-overdue');
    assert.ok(fixes.some((f) => /Move the due date to \d{4}-\d{2}-\d{2} \(in 14 days\)/.test(f.title)));
    await apply(fixes.find((f) => f.title === 'Mark the action done'));
    assert.match(document.lineAt(8).text, /status: done\}$/);
    await diagnosticsOf(uri, (l) => !l.some((d) => d.code === 'action-overdue'));
  });

  test('an overdue action\'s due date moves 14 days out', async () => {
    const due = localDateIn(14);
    await applyFix(uri, 'action-overdue', `Move the due date to ${due} (in 14 days)`);
    assert.equal(document.lineAt(8).text, `  - {id: A1, title: Alert on empty result rate, owner: Lee Wong, due: ${due}, status: open}`);
    await diagnosticGone(uri, 'action-overdue');
  });

  test('a missing mitigated time is added after detected', async () => {
    const fixes = await fixesFor(uri, 'status-without-time');
    await apply(fixes[0]);
    assert.match(document.lineAt(6).text, /^mitigated: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
  });

  test('undo restores the text after a fix', async () => {
    const before = document.getText();
    const fixes = await fixesFor(uri, 'invalid-value');
    await apply(fixes[0]);
    assert.notEqual(document.getText(), before);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });
});
