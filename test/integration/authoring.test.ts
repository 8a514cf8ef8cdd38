// Completion, hover, snippets and the grammar injection, as contributed to the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, EXTENSION_ID, lens, open, removeFile, writeFile } from './support/lens';
import { onTestDay } from './support/day';

const FILE = onTestDay('incidents/2026-11-22-authoring.md');

const TEXT = onTestDay(`---
id: INC-2026-950
title: Authoring test
status: investigating
severity: SEV3
started: 2026-11-22T10:00:00Z
services: [checkout]
roles: {commander: Priya Shah}
participants: [Dana Kim]
actions:
  - {id: A1, title: Something, owner: Sam Ortiz, due: 2026-12-30, status: open}
timeline:
  - at: 2026-11-22T10:00:00Z
    kind: 
    text: x
---
`);

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

suite('authoring', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await lens();
    uri = await writeFile(FILE, TEXT);
    await open(uri);
  });

  suiteTeardown(async () => {
    await closeAll();
    await removeFile(FILE);
  });

  test('status values are completed', async () => {
    const labels = await completionLabels(uri, new vscode.Position(3, 'status: '.length));
    for (const status of ['investigating', 'identified', 'monitoring', 'resolved', 'reviewed']) assert.ok(labels.includes(status), `${status} in ${labels.join(',')}`);
  });

  test('timeline kinds are completed inside the timeline', async () => {
    const labels = await completionLabels(uri, new vscode.Position(13, '    kind: '.length));
    assert.ok(labels.includes('mitigation') && labels.includes('detection'));
  });

  test('services come from the catalog', async () => {
    const labels = await completionLabels(uri, new vscode.Position(6, 'services: ['.length));
    assert.ok(labels.includes('checkout'), labels.join(','));
    assert.ok(labels.includes('search'), labels.join(','));
  });

  test('people already named in the incident are offered as owners', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(15, 0), 'review: {facilitator: }\n'));
    const labels = await completionLabels(uri, new vscode.Position(15, 'review: {facilitator: '.length));
    for (const person of ['Priya Shah', 'Dana Kim', 'Sam Ortiz']) assert.ok(labels.includes(person), labels.join(','));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('field names are completed with missing fields only', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(15, 0), 'det\n'));
    const labels = await completionLabels(uri, new vscode.Position(15, 3));
    assert.ok(labels.includes('detected'));
    assert.ok(!labels.includes('title'), 'title is already there');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('hovering a field explains it', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /When impact began/);
  });

  test('snippets and the grammar injection are contributed', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { snippets: { path: string }[]; grammars: { injectTo: string[]; scopeName: string }[] };
    };
    assert.ok(manifest.contributes.snippets.some((s) => s.path.endsWith('incident.code-snippets')));
    assert.ok(manifest.contributes.grammars.some((g) => g.injectTo.includes('text.html.markdown')));
  });

  test('the timeline entry snippet stamps the current time with an offset', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Timeline entry' });
    const text = editor.document.getText();
    assert.match(text, /^- at: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\n  kind: /);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
