// Restricted Mode: the review panel shows the review, and its buttons and
// Export Review… say why they change nothing (and change nothing).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReviewPanel } from '../../src/webviews/review/host/reviewPanel';
import { closeAll, eventually, lens, uriOf } from './support/lens';
import { onTestDay } from './support/day';

// An example incident whose perspectives could take another group.
const FILE = onTestDay('incidents/2026-07-15-load-test-cache-evicted-baskets.md');

suite('review panel in an untrusted workspace', () => {
  suiteSetup(async () => {
    await lens();
    assert.equal(vscode.workspace.isTrusted, false);
  });

  suiteTeardown(closeAll);

  test('the review shows; inserting, setting the status and exporting change nothing', async () => {
    const uri = uriOf(FILE);
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    const panel = await vscode.commands.executeCommand<ReviewPanel | undefined>('incidentLens.openReview', uri);
    assert.ok(panel);
    await eventually(() => assert.ok(panel.isReady && panel.lastRender?.model.steps.length === 4), 20_000);

    const insert = await panel.receive({ type: 'insertPerspective', requestId: 1, version: document.version, group: 'Support' });
    assert.deepEqual(insert, { type: 'result', requestId: 1, outcome: 'failed', message: 'This folder is open in Restricted Mode, so the review only reads it. Trust the folder to make changes.' });
    const status = await panel.receive({ type: 'setReview', requestId: 2, version: document.version, status: 'draft' });
    assert.equal(status?.outcome, 'failed');
    assert.equal(document.getText(), before);

    const exported = await vscode.commands.executeCommand('incidentLens.exportReview', uri, { audience: 'team', format: 'md', destination: 'beside' });
    assert.equal(exported, undefined);
    await assert.rejects(async () => vscode.workspace.fs.stat(vscode.Uri.joinPath(uri, '..', 'INC-2026-011-review-team.md')));
  });
});
