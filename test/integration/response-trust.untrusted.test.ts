// Restricted Mode: the response views still show everything, read-only, and
// the commands that would write say why they do not (and write nothing).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../src/extension';
import { lens, uriOf } from './support/lens';
import { ACTIVE_018, incidentFiles, read, run, start, ui } from './support/response';

suite('incident response in an untrusted workspace', () => {
  let api: IncidentLensApi;

  suiteSetup(async () => {
    api = await lens();
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the views show the incidents and follow-ups', () => {
    api.response.incidents.refreshNow();
    assert.deepEqual(api.response.incidents.describe(1), ['Active (2)', 'Resolved, review pending (2)', 'Reviewed (6)']);
    assert.ok(api.response.followUps.followUps().length > 0);
  });

  test('Declare Incident says why it cannot, and creates nothing', async () => {
    const before = await incidentFiles();
    const outcome = await run('incidentLens.declareIncident', { title: 'Should not be written' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.message ?? '', /Restricted Mode.*cannot declare an incident.*Trust the folder/);
    assert.deepEqual(await incidentFiles(), before);
  });

  test('capture, status, roles and follow-up edits say why, and leave the file as it was', async () => {
    const uri = uriOf(ACTIVE_018);
    const text = await read(ACTIVE_018);
    const attempts: [string, unknown, RegExp][] = [
      ['incidentLens.addTimelineEntry', { uri, text: 'x' }, /add a timeline entry/],
      ['incidentLens.setStatus', { uri, status: 'monitoring' }, /change an incident’s status/],
      ['incidentLens.assignRole', { uri, role: 'scribe', person: 'x' }, /assign a role/],
      ['incidentLens.markActionDone', { uri, actionId: 'A1' }, /mark an action done/],
      ['incidentLens.setActionDue', { uri, actionId: 'A1' }, /change a due date/],
    ];
    for (const [command, argument, why] of attempts) {
      const outcome = await run(command, argument);
      assert.equal(outcome.ok, false, command);
      assert.match(outcome.message ?? '', why);
      assert.match(outcome.message ?? '', /Restricted Mode/);
    }
    assert.equal(await read(ACTIVE_018), text);
  });

  test('reading commands still work: Who to Call, Draft Status Update', async () => {
    const call = start('incidentLens.whoToCall', 'search');
    await ui.shown(/^Who to call · search$/);
    await ui.escape();
    assert.equal((await call).details?.[0], 'Mei Chen · chat @mei, phone +44 20 7946 0131');
    const drafts = await run('incidentLens.draftStatusUpdate', uriOf(ACTIVE_018));
    assert.ok(drafts.ok);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
