// The review panel in the real editor: Open Review shows it beside the
// incident and the webview completes the ready handshake; the panel's own
// messages insert a missing perspective and set the review status as
// minimal edits (a stale one changes nothing); Export Review… writes the
// report next to the incident; the serializer brings a panel back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReviewPanel } from '../../src/webviews/review/host/reviewPanel';
import { closeAll, eventually, lens, open, removeFile, writeFile } from './support/lens';
import { onTestDay, patternOnTestDay } from './support/day';

const FILE = onTestDay('incidents/2026-11-20-review-panel.md');
const EXPORTED = 'incidents/INC-2026-502-review-team.html';

const TEXT = onTestDay(`---
id: INC-2026-502
title: Checkout latency spike after cache config rollout
status: resolved
severity: SEV2
started: 2026-11-20T14:02:00Z
detected: 2026-11-20T14:09:00Z
mitigated: 2026-11-20T14:41:00Z
resolved: 2026-11-20T15:30:00Z
factors:
  - {kind: change, text: TTL default changed without a rollout stage}
actions:
  - {id: A1, title: Canary stage for cache config, owner: Sam Ortiz, due: 2026-12-15, status: open}
timeline:
  - {at: 2026-11-20T14:02:00Z, kind: trigger, who: deploy-bot, text: Cache config v42 rolled out}
  - {at: 2026-11-20T14:09:00Z, kind: detection, who: alerting, text: p99 latency alert}
  - {at: 2026-11-20T14:41:00Z, kind: mitigation, who: Sam Ortiz, text: Rolled back to v41}
---

## Summary

Quotes expired every 30 seconds and checkout slowed. It was human error, some said.

## Perspectives

### Engineering

Sam: nothing looked wrong from Redis.

### Support

Dana: customers saw a spinner.

## Learnings

Shared defaults hide their users.
`);

/** Runs `run` with the editor's warning dialogs answered by `answer`, keeping what they asked (the extension and this suite share one vscode API object). */
async function answering<T>(answer: string | undefined, asked: string[], run: () => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as { showWarningMessage: (message: string, ...rest: unknown[]) => Thenable<string | undefined> };
  const original = window.showWarningMessage;
  window.showWarningMessage = (message: string) => {
    asked.push(message);
    return Promise.resolve(answer);
  };
  try {
    return await run();
  } finally {
    window.showWarningMessage = original;
  }
}

suite('review panel', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  async function openPanel(): Promise<ReviewPanel> {
    await lens();
    const panel = await vscode.commands.executeCommand<ReviewPanel | undefined>('incidentLens.openReview', uri);
    assert.ok(panel, 'Open Review returns the panel');
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
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAll();
    await removeFile(FILE);
    await removeFile(EXPORTED);
  });

  test('Open Review shows the panel beside the incident, with a strict page', async () => {
    const panel = await openPanel();
    assert.equal(panel.panel.title, 'Review · INC-2026-502');
    assert.notEqual(panel.panel.viewColumn, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One, 'beside the editor');
    const html = panel.panel.webview.html;
    assert.match(html, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce && html.includes(`<script nonce="${nonce}"`), 'the only script carries the nonce');
    const roots = panel.panel.webview.options.localResourceRoots ?? [];
    assert.deepEqual(
      roots.map((root) => root.path.split('/').pop()),
      ['media'],
    );
    const model = panel.lastRender?.model;
    assert.ok(model);
    assert.deepEqual(
      model.steps.map((step) => [step.number, step.done]),
      [
        [1, true],
        // Engineering and Support are written: one group beyond the responders, two are asked for.
        [2, false],
        [3, false],
        [4, false],
      ],
    );
    assert.equal(model.blame[0]?.phrase, 'human error');
    // Asking twice shows the same panel.
    assert.equal(await vscode.commands.executeCommand('incidentLens.openReview', uri), panel);
  });

  test('inserts a missing perspective from the panel, as a minimal edit', async () => {
    const panel = await openPanel();
    const before = document.getText();
    const result = await panel.receive({ type: 'insertPerspective', requestId: 1, version: document.version, group: 'Communications' });
    assert.deepEqual(result, { type: 'result', requestId: 1, outcome: 'applied', message: '' });
    const after = document.getText();
    assert.equal(after, before.replace('\n## Learnings', '\n### Communications\n\n## Learnings'), 'two lines added, nothing else');
    // The panel re-renders from the document: the new heading waits to be written.
    await eventually(() => {
      const checks = panel.lastRender?.model.steps[1].checks ?? [];
      assert.ok(checks.some((check) => check.label === 'Communications: not written yet'));
    });
    // The cursor sits under the new heading, ready to write.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.lineAt(editor.selection.active.line - 1).text, '### Communications');
  });

  test('a stale intent changes nothing', async () => {
    const panel = await openPanel();
    const before = document.getText();
    const result = await panel.receive({ type: 'insertSection', requestId: 2, version: document.version - 1, section: 'Open questions' });
    assert.equal(result?.outcome, 'stale');
    assert.equal(document.getText(), before);
    // Malformed messages are dropped without an answer.
    assert.equal(await panel.receive({ type: 'insertSection', requestId: 3, version: document.version, section: '<img src=x>' }), undefined);
    assert.equal(document.getText(), before);
  });

  test('sets the review status from the panel; done marks the incident reviewed', async () => {
    const panel = await openPanel();
    const result = await panel.receive({ type: 'setReview', requestId: 4, version: document.version, status: 'done', facilitator: 'Ana Lima', held: '2026-11-24' });
    assert.equal(result?.outcome, 'applied', result?.message);
    const text = document.getText();
    assert.match(text, /\nstatus: reviewed\n/);
    assert.match(text, /\nreview:\n {2}status: done\n {2}facilitator: Ana Lima\n {2}held: 2026-11-24\nfactors:/);
    await eventually(() => assert.deepEqual(panel.lastRender?.model.review, { status: 'done', facilitator: 'Ana Lima', held: '2026-11-24' }));
    assert.equal(panel.lastRender?.model.steps[2].done, true);
  });

  test('review status: done waits for a facilitator, a date and a resolved incident; reopening it asks first', async () => {
    const panel = await openPanel();
    const before = document.getText();
    const refused = await panel.receive({ type: 'setReview', requestId: 5, version: document.version, status: 'done' });
    assert.deepEqual(refused, { type: 'result', requestId: 5, outcome: 'failed', message: 'A done review names its facilitator and the day it was held.' });
    assert.equal(document.getText(), before, 'nothing written');

    const done = await panel.receive({ type: 'setReview', requestId: 6, version: document.version, status: 'done', facilitator: 'Ana Lima', held: '2026-11-24' });
    assert.equal(done?.outcome, 'applied', done?.message);
    assert.match(document.getText(), /\nstatus: reviewed\n/);

    const asked: string[] = [];
    const reopen = () => panel.receive({ type: 'setReview', requestId: 7, version: document.version, status: 'in-review' });
    const declined = await answering(undefined, asked, reopen);
    assert.deepEqual(asked, ['This review is done. Reopen it as in review?']);
    assert.equal(declined?.outcome, 'failed');
    assert.equal(declined?.message, 'Nothing was changed: the review is still done.');
    assert.match(document.getText(), /\nstatus: reviewed\n/);

    const reopened = await answering('Reopen the review', asked, reopen);
    assert.equal(reopened?.outcome, 'applied', reopened?.message);
    assert.match(document.getText(), /\nstatus: resolved\n/);
    assert.match(document.getText(), /\n {2}status: in-review\n {2}facilitator: Ana Lima\n/);
  });

  test('review status: a change shows the file when no editor does, so it can be saved or undone', async () => {
    const panel = await openPanel();
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    await vscode.window.tabGroups.close(tabs);
    assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString()));
    const result = await panel.receive({ type: 'setReview', requestId: 8, version: document.version, status: 'draft' });
    assert.equal(result?.outcome, 'applied', result?.message);
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    assert.ok(shown, 'an editor shows the changed file');
    assert.notEqual(shown.viewColumn, panel.panel.viewColumn, 'beside the panel, not over it');
    assert.ok(shown.document.isDirty);
  });

  test('inserts a missing factors list from the panel, with its placeholder selected to type over', async () => {
    const removal = new vscode.WorkspaceEdit();
    removal.delete(uri, new vscode.Range(9, 0, 11, 0));
    assert.ok(await vscode.workspace.applyEdit(removal));
    assert.doesNotMatch(document.getText(), /factors:/);
    const panel = await openPanel();
    await eventually(() => assert.deepEqual(panel.lastRender?.model.steps[3].checks.find((check) => check.id === 'factors')?.targets, [{ kind: 'insertFactors' }]));
    const result = await panel.receive({ type: 'insertFactors', requestId: 9, version: document.version });
    assert.equal(result?.outcome, 'applied', result?.message);
    assert.match(document.getText(), patternOnTestDay(/\nresolved: 2026-11-20T15:30:00Z\nfactors:\n {2}- \{kind: other, text: Describe one condition that lined up\}\nactions:/));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.getText(editor.selection), 'Describe one condition that lined up');
  });

  test('exports the team report next to the incident', async () => {
    await openPanel();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('incidentLens.exportReview', uri, { audience: 'team', format: 'html', destination: 'beside' });
    assert.ok(written);
    assert.equal(written.path.split('/').pop(), 'INC-2026-502-review-team.html');
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
    assert.match(html, /<h1>INC-2026-502 · Checkout latency spike after cache config rollout<\/h1>/);
    assert.match(html, /<h2>Timeline<\/h2>/);
    assert.doesNotMatch(html, /<script|<img|<link/i);
  });

  test('the serializer the extension registered brings a panel back for the incident its state names', async () => {
    const api = await lens();
    // VS Code takes one serializer per view type, and calls it after a reload: the extension's is the one registered.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer('incidentLens.review', { deserializeWebviewPanel: async () => undefined }));
    const restored = vscode.window.createWebviewPanel('incidentLens.review', 'Review', vscode.ViewColumn.Beside, {});
    await api.review.serializer.deserializeWebviewPanel(restored, { uri: uri.toString() });
    const panel = api.review.panels.get(uri);
    assert.ok(panel?.panel === restored, 'the extension\'s own panels took it');
    await eventually(() => assert.ok(panel.isReady && panel.lastRender?.model.header.id === 'INC-2026-502'), 20_000);
    assert.equal(await vscode.commands.executeCommand('incidentLens.openReview', uri), panel, 'Open Review shows the restored panel');

    // A state that names no incident: the blank panel is closed, not kept.
    const stray = vscode.window.createWebviewPanel('incidentLens.review', 'Review', vscode.ViewColumn.Beside, {});
    let closed = false;
    stray.onDidDispose(() => (closed = true));
    await api.review.serializer.deserializeWebviewPanel(stray, { something: 'else' });
    assert.ok(closed);
  });
});
