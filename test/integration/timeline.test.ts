// The timeline panel in the real editor: the command opens it beside the
// incident, the serializer can bring it back, and the document stays the
// model: intents become minimal edits of one entry, a stale intent changes
// nothing, and undo in the editor undoes what the panel did.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelinePanel } from '../../src/webviews/timeline/host/timelinePanel';
import { TIMELINE_VIEW_TYPE } from '../../src/webviews/timeline/protocol';
import { closeAll, eventually, lens, open, removeFile, writeFile } from './support/lens';

const FILE = 'incidents/2026-11-20-timeline-panel.md';

const TEXT = `---
id: INC-2026-501
title: Checkout latency spike after cache config rollout
status: reviewed
severity: SEV2
started: 2026-11-20T14:02:00Z
detected: 2026-11-20T14:09:00Z
mitigated: 2026-11-20T14:41:00Z
timeline:
  - {at: 2026-11-20T14:02:00Z, kind: trigger, who: deploy-bot, text: Cache config v42 rolled out}
  - {at: 2026-11-20T14:09:00Z, kind: detection, who: alerting, text: p99 latency alert for checkout}
  # from the status page history
  - {at: 2026-11-20T14:15:00Z, kind: communication, who: Lee Wong, text: "Status page: investigating"}
  - {at: 2026-11-20T14:41:00Z, kind: mitigation, who: Sam Ortiz, text: Rolled back to v41}
---

## Summary

The body is not the timeline.
`;

function lines(text: string): string[] {
  return text.split('\n');
}

/** Indexes of the lines that differ (same number of lines expected). */
function changed(before: string, after: string): number[] {
  const a = lines(before);
  const b = lines(after);
  assert.equal(b.length, a.length, 'no line added or removed');
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

suite('timeline panel', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  async function openPanel(): Promise<TimelinePanel> {
    const api = await lens();
    await vscode.commands.executeCommand('incidentLens.openTimeline');
    const panel = await eventually(() => {
      const found = api.timeline.panels.get(uri);
      assert.ok(found, 'a panel for the incident');
      return found;
    });
    // The handshake: the webview loads, says ready, and gets its first render.
    await eventually(() => assert.ok(panel.isReady && panel.lastRender, 'the webview said ready and got a render'), 20_000);
    return panel;
  }

  suiteSetup(async () => {
    await lens();
  });

  setup(async () => {
    uri = await writeFile(FILE, TEXT);
    document = (await open(uri)).document;
  });

  teardown(async () => {
    (await lens()).timeline.panels.get(uri)?.dispose();
    // Unsaved panel edits must not follow the file into the next test.
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAll();
    await removeFile(FILE);
  });

  test('Open Timeline opens one panel beside the incident, rendered from the file', async () => {
    const panel = await openPanel();
    assert.equal(panel.panel.viewType, 'incidentLens.timeline');
    assert.equal(panel.panel.title, 'Timeline · INC-2026-501');
    assert.notEqual(panel.panel.viewColumn, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One, 'beside the editor, not over it');
    const render = panel.lastRender!;
    assert.equal(render.version, document.version);
    assert.deepEqual(render.model.entries.map((entry) => entry.text), ['Cache config v42 rolled out', 'p99 latency alert for checkout', 'Status page: investigating', 'Rolled back to v41']);
    assert.ok(render.model.rows.some((row) => row.type === 'phase' && row.label === '7 min · time to detect'));
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(TIMELINE_VIEW_TYPE));
    assert.equal(tabs.length, 1);

    // Asking again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand('incidentLens.openTimeline', uri);
    assert.equal((await lens()).timeline.panels.all().filter((candidate) => candidate.uri.toString() === uri.toString()).length, 1);
  });

  test('the serializer is registered, and brings a panel back from its saved state', async () => {
    const api = await lens();
    // VS Code allows one serializer per view type: a second registration is refused.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, { deserializeWebviewPanel: async () => undefined }));
    const extension = vscode.extensions.getExtension('incident-lens.incident-lens')!;
    assert.ok((extension.packageJSON.activationEvents as string[]).includes('onWebviewPanel:incidentLens.timeline'), 'a reload activates the extension for the panel');

    const restored = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', vscode.ViewColumn.Beside, {});
    await api.timeline.serializer.deserializeWebviewPanel(restored, { uri: uri.toString(), kind: 'trigger' });
    const panel = api.timeline.panels.get(uri);
    assert.ok(panel && panel.panel === restored);
    await eventually(() => assert.equal(panel.lastRender?.model.header.id, 'INC-2026-501'), 20_000);

    const orphan = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', vscode.ViewColumn.Beside, {});
    // A restored panel is on screen before its serializer runs; closing one still opening upsets the workbench.
    await new Promise((resolve) => setTimeout(resolve, 300));
    let disposed = false;
    orphan.onDidDispose(() => (disposed = true));
    await api.timeline.serializer.deserializeWebviewPanel(orphan, { not: 'a state' });
    assert.ok(disposed, 'a panel whose state names no incident is closed');
  });

  test('an edit intent changes only that entry, and undo in the editor undoes it', async () => {
    const panel = await openPanel();
    const before = document.getText();
    const result = await panel.handle({ type: 'edit', requestId: 1, version: document.version, index: 2, changes: { text: 'Status page: identified, rollback under way' } });
    assert.equal(result.outcome, 'applied', result.message);
    assert.deepEqual(changed(before, document.getText()), [12]);
    assert.equal(lines(document.getText())[12], '  - {at: 2026-11-20T14:15:00Z, kind: communication, who: Lee Wong, text: "Status page: identified, rollback under way"}');
    await eventually(() => assert.equal(panel.lastRender?.model.entries[2].text, 'Status page: identified, rollback under way'));
    assert.equal(panel.lastRender?.focusIndex, 2, 'the panel keeps focus on the edited entry');

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
    await eventually(() => assert.equal(panel.lastRender?.model.entries[2].text, 'Status page: investigating'));
  });

  test('an entry whose new time is out of order moves into place, with its comment', async () => {
    const panel = await openPanel();
    const result = await panel.handle({ type: 'edit', requestId: 1, version: document.version, index: 2, changes: { at: '14:45' } });
    assert.equal(result.outcome, 'applied', result.message);
    const text = document.getText();
    assert.match(text, /Rolled back to v41\}\n {2}# from the status page history\n {2}- \{at: 2026-11-20T14:45:00Z, kind: communication/);
    await eventually(() => assert.deepEqual(panel.lastRender?.model.entries.map((entry) => entry.at.slice(11, 16)), ['14:02', '14:09', '14:41', '14:45']));
    assert.equal(panel.lastRender?.focusIndex, 3);
  });

  test('an intent against a stale version is refused: nothing is overwritten, the panel refreshes', async () => {
    const panel = await openPanel();
    const seen = document.version;
    // Someone types in the editor after the panel rendered.
    const typing = new vscode.WorkspaceEdit();
    typing.insert(uri, new vscode.Position(10, lines(TEXT)[10].indexOf('p99')), 'EU ');
    assert.ok(await vscode.workspace.applyEdit(typing));
    const typed = document.getText();

    const result = await panel.handle({ type: 'edit', requestId: 7, version: seen, index: 1, changes: { text: 'Overwritten?' } });
    assert.equal(result.outcome, 'stale');
    assert.equal(result.requestId, 7);
    assert.match(result.message, /nothing was changed/);
    assert.equal(document.getText(), typed, 'the typed text stays, the intent wrote nothing');
    await eventually(() => {
      assert.equal(panel.lastRender?.version, document.version);
      assert.equal(panel.lastRender?.model.entries[1].text, 'EU p99 latency alert for checkout');
    });
  });

  test('typing in the editor shows in the panel at once', async () => {
    const panel = await openPanel();
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(12, lines(TEXT)[12].indexOf('investigating')), 'still '));
    await eventually(() => assert.equal(panel.lastRender?.model.entries[2].text, 'Status page: still investigating'), 2_000);
  });

  test('delete removes the entry\'s lines and Undo in the panel puts them back', async () => {
    const panel = await openPanel();
    const before = document.getText();
    const deleted = await panel.handle({ type: 'delete', requestId: 1, version: document.version, index: 2 });
    assert.equal(deleted.outcome, 'applied', deleted.message);
    assert.equal(document.getText(), before.replace('  # from the status page history\n  - {at: 2026-11-20T14:15:00Z, kind: communication, who: Lee Wong, text: "Status page: investigating"}\n', ''));
    await eventually(() => assert.equal(panel.lastRender?.canUndoDelete, true));

    const undone = await panel.handle({ type: 'undoDelete', requestId: 2, version: document.version });
    assert.equal(undone.outcome, 'applied', undone.message);
    assert.equal(document.getText(), before);
  });

  test('add puts a new entry where its time belongs', async () => {
    const panel = await openPanel();
    const result = await panel.handle({ type: 'add', requestId: 1, version: document.version, entry: { at: '14:20', kind: 'action', who: 'Priya Shah', text: 'Paged the cache team' } });
    assert.equal(result.outcome, 'applied', result.message);
    assert.equal(lines(document.getText())[13], '  - {at: 2026-11-20T14:20:00Z, kind: action, who: Priya Shah, text: Paged the cache team}');
  });

  test('an edit from the panel shows the file when no editor does, so it can be saved or undone', async () => {
    const panel = await openPanel();
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    await vscode.window.tabGroups.close(tabs);
    assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString()));
    const result = await panel.handle({ type: 'edit', requestId: 1, version: document.version, index: 0, changes: { who: 'release-bot' } });
    assert.equal(result.outcome, 'applied', result.message);
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    assert.ok(shown, 'an editor shows the changed file');
    assert.notEqual(shown.viewColumn, panel.panel.viewColumn, 'beside the panel, not over it');
    assert.ok(shown.document.isDirty);
  });

  test('malformed messages from the webview are ignored', async () => {
    const panel = await openPanel();
    const before = document.getText();
    for (const message of [{ type: 'edit', version: 'latest', index: 0, changes: { text: 'x' } }, { type: 'delete', requestId: 1, version: document.version, index: -1 }, { type: 'script', code: 'x' }, null, 'delete']) {
      await panel.receive(message);
    }
    assert.equal(document.getText(), before);
  });
});
