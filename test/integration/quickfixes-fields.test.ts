// Quick fixes for missing required fields, at the top level and in list
// items, applied in the editor: each adds its one field where it belongs and
// the problem goes away; a value only the user knows is added empty with the
// cursor in it, and the problem goes away once it is typed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, lens, open, removeFile, writeFile } from './support/lens';
import { apply, applyFix, diagnosticGone, fixesWith, linesOf, waitForDiagnostic } from './support/quickFixes';
import { onTestDay } from './support/day';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const HEAD_ONLY_FILE = onTestDay('incidents/2026-11-22-cache-warmup-stalled.md');
const HEAD_ONLY = `---
id: INC-2026-952
---

The fields come from the quick fixes.
`;

const ITEMS_FILE = onTestDay('incidents/2026-11-23-webhooks-retried-twice.md');
const ITEMS = onTestDay(`---
id: INC-2026-953
title: Payment webhooks retried twice
status: investigating
severity: SEV3
started: 2026-11-23T08:00:00Z
code:
  - lines: 1-3  # the retry loop
commits:
  - {role: fix}
  - sha: 3f2a9c1
factors:
  - kind: change
  - {text: One retry policy shared by two clients}
actions:
  - title: Alert on duplicate deliveries
    owner: Tomas Reyes
    due: 2099-01-15
    status: open
  - {id: A1, owner: Ravi Menon, status: done}
timeline:
  - kind: trigger
    text: Retry policy deployed
  - {at: 2026-11-23T08:20:00Z, text: Duplicate charges reported}
  - at: 2026-11-23T08:30:00Z
    kind: mitigation
---

Body stays as it is.
`);

/** Every test starts from its file as written, open in the active editor. */
function openEach(path: string, text: string): { editor: () => vscode.TextEditor } {
  let editor: vscode.TextEditor | undefined;
  setup(async () => {
    editor = await open(await writeFile(path, text));
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });
  suiteTeardown(async () => {
    await removeFile(path);
  });
  return { editor: () => editor ?? assert.fail('the file is open') };
}

/**
 * After a fix that leaves a value to write: the missing field is no longer
 * reported but the empty value is, the cursor is between its quotes, and
 * once something is typed there no problem is left.
 */
async function typeIntoPlaceholder(editor: vscode.TextEditor, line: number, prefix: string, typed: string, missing: string): Promise<void> {
  assert.equal(editor.document.lineAt(line).text, `${prefix}""`);
  assert.deepEqual(editor.selection.active, new vscode.Position(line, prefix.length + 1), 'the cursor is between the quotes');
  const uri = editor.document.uri;
  await diagnosticGone(uri, 'missing-field', missing);
  await waitForDiagnostic(uri, 'invalid-value', 'should not be empty');
  await vscode.commands.executeCommand('type', { text: typed });
  assert.equal(editor.document.lineAt(line).text, `${prefix}"${typed}"`);
  await diagnosticGone(uri, 'invalid-value', 'should not be empty');
}

suite('quick fixes for missing fields: title, status, severity, started', () => {
  const file = openEach(HEAD_ONLY_FILE, HEAD_ONLY);

  suiteSetup(async () => {
    await lens();
  });

  test('a missing title comes from the file name, after the id', async () => {
    const uri = file.editor().document.uri;
    await applyFix(uri, 'missing-field', 'Add a title from the file name', '`title`');
    assert.deepEqual(linesOf(file.editor().document, 0, 4), ['---', 'id: INC-2026-952', 'title: Cache warmup stalled', '---']);
    await diagnosticGone(uri, 'missing-field', '`title`');
  });

  test('a missing status is investigating, a missing severity SEV3', async () => {
    const uri = file.editor().document.uri;
    await applyFix(uri, 'missing-field', 'Add `status: investigating`', '`status`');
    await diagnosticGone(uri, 'missing-field', '`status`');
    await applyFix(uri, 'missing-field', 'Add `severity: SEV3`', '`severity`');
    assert.deepEqual(linesOf(file.editor().document, 0, 5), ['---', 'id: INC-2026-952', 'status: investigating', 'severity: SEV3', '---']);
    await diagnosticGone(uri, 'missing-field', '`severity`');
  });

  test('a missing started time is now', async () => {
    const uri = file.editor().document.uri;
    const fixes = await fixesWith(uri, 'missing-field', '`started`', /^Add `started: /);
    await apply(fixes.find((fix) => /^Add `started: .+` \(now\)$/.test(fix.title)));
    const line = file.editor().document.lineAt(2).text;
    assert.match(line.replace(/^started: /, ''), TIMESTAMP);
    assert.equal(file.editor().document.lineAt(3).text, '---');
    await diagnosticGone(uri, 'missing-field', '`started`');
  });
});

suite('quick fixes for missing fields in list items', () => {
  const file = openEach(ITEMS_FILE, ITEMS);
  const uri = () => file.editor().document.uri;
  const lines = (first: number, count: number) => linesOf(file.editor().document, first, count);

  suiteSetup(async () => {
    await lens();
  });

  test('a timeline entry without `at` gets now, first in the entry', async () => {
    const fixes = await fixesWith(uri(), 'missing-field', '`at` in `timeline[1]`', /^Add `at: /);
    const now = fixes.find((fix) => /^Add `at: .+` \(now\)$/.test(fix.title));
    assert.ok(now?.isPreferred, 'now is the preferred fix');
    await apply(now);
    const [first, ...rest] = lines(21, 3);
    assert.match(first.replace(/^ {2}- at: /, ''), TIMESTAMP);
    assert.deepEqual(rest, ['    kind: trigger', '    text: Retry policy deployed']);
    await diagnosticGone(uri(), 'missing-field', '`at` in `timeline[1]`');
  });

  test('a timeline entry without a kind offers each kind; the chosen one goes after `at`', async () => {
    const fixes = await fixesWith(uri(), 'missing-field', '`kind` in `timeline[2]`', /^Add `kind: /);
    assert.deepEqual(
      fixes.map((fix) => fix.title),
      ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'].map((kind) => `Add \`kind: ${kind}\``),
    );
    await applyFix(uri(), 'missing-field', 'Add `kind: observation`', '`kind` in `timeline[2]`');
    assert.deepEqual(lines(23, 1), [onTestDay('  - {at: 2026-11-23T08:20:00Z, kind: observation, text: Duplicate charges reported}')]);
    await diagnosticGone(uri(), 'missing-field', '`kind` in `timeline[2]`');
  });

  test('a timeline entry without text gets an empty one to type into', async () => {
    await applyFix(uri(), 'missing-field', 'Add an empty `text` to fill in', '`text` in `timeline[3]`');
    assert.deepEqual(lines(24, 2), [onTestDay('  - at: 2026-11-23T08:30:00Z'), '    kind: mitigation']);
    await typeIntoPlaceholder(file.editor(), 26, '    text: ', 'Retries turned off', '`text` in `timeline[3]`');
  });

  test('an action without an id gets the next free one, first in the item', async () => {
    await applyFix(uri(), 'missing-field', 'Add `id: A2` (the next free id)', '`id` in `actions[1]`');
    assert.deepEqual(lines(14, 5), ['actions:', '  - id: A2', '    title: Alert on duplicate deliveries', '    owner: Tomas Reyes', onTestDay('    due: 2099-01-15')]);
    await diagnosticGone(uri(), 'missing-field', '`id` in `actions[1]`');
  });

  test('an action without a title gets an empty one to type into, after the id', async () => {
    await applyFix(uri(), 'missing-field', 'Add an empty `title` to fill in', '`title` in `actions[2]`');
    const editor = file.editor();
    assert.equal(editor.document.lineAt(19).text, '  - {id: A1, title: "", owner: Ravi Menon, status: done}');
    assert.deepEqual(editor.selection.active, new vscode.Position(19, '  - {id: A1, title: "'.length), 'the cursor is between the quotes');
    await diagnosticGone(uri(), 'missing-field', '`title` in `actions[2]`');
    await vscode.commands.executeCommand('type', { text: 'Runbook step for retries' });
    assert.equal(editor.document.lineAt(19).text, '  - {id: A1, title: "Runbook step for retries", owner: Ravi Menon, status: done}');
    await diagnosticGone(uri(), 'invalid-value', 'should not be empty');
  });

  test('a code link without a path gets an empty one to type into, first in the link', async () => {
    await applyFix(uri(), 'missing-field', 'Add an empty `path` to fill in', '`path` in `code[1]`');
    assert.deepEqual(lines(8, 1), ['    lines: 1-3  # the retry loop']);
    await typeIntoPlaceholder(file.editor(), 7, '  - path: ', 'src/payments/retry.ts', '`path` in `code[1]`');
  });

  test('a commit without a sha gets an empty one, and one without a role offers each, `related` preferred', async () => {
    await applyFix(uri(), 'missing-field', 'Add an empty `sha` to fill in', '`sha` in `commits[1]`');
    assert.deepEqual(lines(9, 1), ['  - {sha: "", role: fix}']);
    await diagnosticGone(uri(), 'missing-field', '`sha` in `commits[1]`');
    const roles = await fixesWith(uri(), 'missing-field', '`role` in `commits[2]`', /^Add `role: /);
    assert.deepEqual(roles.filter((fix) => fix.isPreferred).map((fix) => fix.title), ['Add `role: related`']);
    await applyFix(uri(), 'missing-field', 'Add `role: related`', '`role` in `commits[2]`');
    assert.deepEqual(lines(10, 2), ['  - sha: 3f2a9c1', '    role: related']);
    await diagnosticGone(uri(), 'missing-field', '`role` in `commits[2]`');
  });

  test('a factor without a kind offers each kind; one without text gets an empty one after the kind', async () => {
    await applyFix(uri(), 'missing-field', 'Add `kind: config`', '`kind` in `factors[2]`');
    assert.deepEqual(lines(13, 1), ['  - {kind: config, text: One retry policy shared by two clients}']);
    await diagnosticGone(uri(), 'missing-field', '`kind` in `factors[2]`');
    await applyFix(uri(), 'missing-field', 'Add an empty `text` to fill in', '`text` in `factors[1]`');
    assert.deepEqual(lines(12, 3), ['  - kind: change', '    text: ""', '  - {kind: config, text: One retry policy shared by two clients}']);
    await diagnosticGone(uri(), 'missing-field', '`text` in `factors[1]`');
  });
});
