// Quick fixes that reach past the front matter's own fields: a due date for
// an open action, the new lines of a code link whose code moved, and a
// service added to the catalog. Each is applied in the editor and its
// problem goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, lens, open, removeFile, uriOf, writeFile } from './support/lens';
import { applyFix, diagnosticGone, linesOf, localDateIn } from './support/quickFixes';
import { onTestDay } from './support/day';

const FILE = onTestDay('incidents/2026-11-24-ledger-sync-retried.md');
const CODE_FILE = 'src/payments/ledger-retry-policy.ts';
const CATALOG = 'incidents/catalog.yaml';

const TEXT = onTestDay(`---
id: INC-2026-954
title: Ledger sync retried too often
status: investigating
severity: SEV3
started: 2026-11-24T10:00:00Z
services: [payments, ledger]
code:
  - {path: ${CODE_FILE}, lines: 1-2, pattern: "export function backoffMs"}
actions:
  - {id: A1, title: Cap retries per delivery, owner: Tomas Reyes, status: open}
  - id: A2
    title: Page on retry storms
    owner: Ravi Menon
    status: in-progress
---

Body stays as it is.
`);

const CODE = `// Retry policy for ledger deliveries.

export const MAX_ATTEMPTS = 5;

export function backoffMs(attempt: number): number {
  return 2 ** attempt * 100;
}
`;

suite('quick fixes for due dates, moved code and the catalog', () => {
  let document: vscode.TextDocument;
  let catalogText: Uint8Array;

  suiteSetup(async () => {
    await lens();
    await writeFile(CODE_FILE, CODE);
    catalogText = await vscode.workspace.fs.readFile(uriOf(CATALOG));
  });

  setup(async () => {
    document = (await open(await writeFile(FILE, TEXT))).document;
  });

  teardown(async () => {
    await closeAll();
    await vscode.workspace.fs.writeFile(uriOf(CATALOG), catalogText);
  });

  suiteTeardown(async () => {
    await removeFile(FILE);
    await removeFile(CODE_FILE);
  });

  test('an open action without a due date gets one 14 days out, after the owner', async () => {
    const due = localDateIn(14);
    await applyFix(document.uri, 'action-missing-due', `Add a due date (${due})`, 'Action A1');
    assert.deepEqual(linesOf(document, 10, 1), [`  - {id: A1, title: Cap retries per delivery, owner: Tomas Reyes, due: ${due}, status: open}`]);
    await diagnosticGone(document.uri, 'action-missing-due', 'Action A1');
    await applyFix(document.uri, 'action-missing-due', `Add a due date (${due})`, 'Action A2');
    assert.deepEqual(linesOf(document, 11, 5), ['  - id: A2', '    title: Page on retry storms', '    owner: Ravi Menon', `    due: ${due}`, '    status: in-progress']);
    await diagnosticGone(document.uri, 'action-missing-due');
  });

  test('a code link whose code moved gets the lines where its pattern now is', async () => {
    await applyFix(document.uri, 'code-link-drifted', 'Update `lines` to 5-6');
    assert.deepEqual(linesOf(document, 8, 1), [`  - {path: ${CODE_FILE}, lines: 5-6, pattern: "export function backoffMs"}`]);
    await diagnosticGone(document.uri, 'code-link-drifted');
  });

  test('a service the catalog does not name is added to it', async () => {
    await applyFix(document.uri, 'unknown-service', 'Add "ledger" to the service catalog');
    const catalog = await vscode.workspace.openTextDocument(uriOf(CATALOG));
    const last = catalog.lineCount - 1;
    assert.deepEqual(linesOf(catalog, last - 3, 4), ['    code: [deploy/**, config/**, src/shared/**, .github/**]', '  ledger:', '    owners: []', '']);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), catalog.uri.toString(), 'the catalog is shown');
    assert.ok(await catalog.save());
    await diagnosticGone(document.uri, 'unknown-service');
  });
});
