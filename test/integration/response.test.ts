// Incident response commands in the real editor: declare, open, capture,
// status, roles, who to call, status updates. Edits go through the text
// document: only the lines they must change, undo restores, unsaved typing
// survives.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../src/extension';
import { nextDeclaredId, onTestDay, patternOnTestDay, testNowMs, testToday } from './support/day';
import { closeAll, diagnosticsOf, eventually, EXTENSION_ID, lens, open, removeFile, uriOf } from './support/lens';
import { ACTIVE_018, incidentFiles, MONITORING_017, read, run, settleOnExample, Snapshot, start, ui } from './support/response';

suite('incident response: commands', () => {
  let api: IncidentLensApi;
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    api = await lens();
    await snapshot.keep(ACTIVE_018, MONITORING_017);
    await settleOnExample();
  });

  teardown(async () => {
    await ui.escape();
    await snapshot.restore();
  });

  test('Declare Incident writes a valid, open incident file with the next free id in under 10 seconds', async () => {
    const before = await incidentFiles();
    const started = Date.now();
    const outcome = await run('incidentLens.declareIncident', { title: 'Basket totals wrong: some items at 0', severity: 'SEV2', services: ['checkout', 'pricing'] });
    const took = Date.now() - started;
    assert.ok(outcome.ok, outcome.message);
    assert.ok(took < 10_000, `took ${took} ms`);
    const created = (await incidentFiles()).filter((name) => !before.includes(name));
    assert.deepEqual(created, [`${testToday().iso}-basket-totals-wrong-some-items-at-0.md`]);
    const path = `incidents/${created[0]}`;
    try {
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uriOf(path).toString(), 'the new file is open');
      assert.equal(editor?.document.isDirty, false, 'and saved');
      const text = await read(path);
      assert.ok(text.startsWith(`---\nid: ${nextDeclaredId()}\ntitle: "Basket totals wrong: some items at 0"\nstatus: investigating\nseverity: SEV2\nstarted: ${testToday().iso}T`), text);
      assert.match(text, /\nservices: \[checkout, pricing\]\ntimeline:\n  - at: .*\n    kind: decision\n    text: Incident declared \(SEV2\)\n---\n/);
      // Valid: no errors or warnings, once the checks have run (they say that `pricing` is not in the catalog).
      const checked = await diagnosticsOf(uriOf(path), (list) => list.some((d) => d.code === 'unknown-service'));
      assert.deepEqual(checked.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => d.message), []);
      await eventually(() => assert.ok(api.response.incidents.describe(2).some((line) => line.includes(`${nextDeclaredId()}  Basket totals wrong`))));
    } finally {
      await closeAll();
      await removeFile(path);
    }
  });

  test('Declare Incident: Escape at the first question leaves nothing behind', async () => {
    const before = await incidentFiles();
    const outcome = start('incidentLens.declareIncident');
    await ui.shown(/^Declare incident \(1\/3\)$/);
    await ui.escape();
    assert.deepEqual(await outcome, { ok: false, message: 'cancelled' });
    assert.deepEqual(await incidentFiles(), before);
  });

  test('Declare Incident: severity and services answered in the real quick input, the file open in under 10 seconds', async () => {
    const before = await incidentFiles();
    const started = Date.now();
    const outcome = start('incidentLens.declareIncident', { title: 'Search suggestions missing' });
    await ui.shown(/^Declare incident \(2\/3\)$/);
    await ui.next(); // SEV2 is offered first; one down is SEV3
    await ui.accept();
    await ui.shown(/^Declare incident \(3\/3\)$/);
    await ui.next(3); // checkout, payments, cache, search
    await ui.toggle();
    await ui.accept();
    const result = await outcome;
    // Everything but the typing of the title: the two questions answered in the quick input, the file written and opened.
    const took = Date.now() - started;
    assert.ok(result.ok, result.message);
    assert.ok(took < 10_000, `took ${took} ms`);
    const created = (await incidentFiles()).filter((name) => !before.includes(name));
    try {
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(`incidents/${created[0]}`).toString(), 'the new file is open');
      assert.equal(created.length, 1);
      const text = await read(`incidents/${created[0]}`);
      assert.match(text, /\nseverity: SEV3\n/);
      assert.match(text, /\nservices: \[search\]\n/);
    } finally {
      await closeAll();
      for (const name of created) await removeFile(`incidents/${name}`);
    }
  });

  test('Open Incident… from the command palette: active ones first, newest first; Enter opens the file', async () => {
    await closeAll();
    await ui.palette('>Incident Lens: Open Incident');
    await ui.accept(); // runs the command from the palette
    await ui.shown(/^Open incident$/);
    await ui.next(); // the second-newest active incident
    await ui.accept();
    await eventually(() => assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(MONITORING_017).toString()));
  });

  test('Add Timeline Entry: in time order, kind guessed, the file saved', async () => {
    const outcome = await run('incidentLens.addTimelineEntry', { uri: uriOf(ACTIVE_018), text: 'Rolled back the release in eu-west', at: onTestDay('2026-11-25T09:10:00Z') });
    assert.ok(outcome.ok, outcome.message);
    const text = await read(ACTIVE_018);
    assert.match(text, patternOnTestDay(/text: Shift eu-west checkout traffic to eu-central, then roll back the release in eu-west\n  - at: 2026-11-25T09:10:00Z\n    kind: mitigation\n    text: Rolled back the release in eu-west\n  - at: 2026-11-25T09:20:00Z\n/));
    const document = await vscode.workspace.openTextDocument(uriOf(ACTIVE_018));
    assert.equal(document.isDirty, false);
  });

  test('Add Timeline Entry in the real input box, stamped now in the incident’s offset', async () => {
    await open(uriOf(ACTIVE_018));
    const outcome = start('incidentLens.addTimelineEntry', { draft: 'decision: keep eu-west drained until the fix ships' });
    await ui.shown(/^Add timeline entry · INC-2026-018$/);
    await ui.accept();
    const result = await outcome;
    assert.ok(result.ok, result.message);
    const text = await read(ACTIVE_018);
    const added = /\n  - at: (\d{4}-\d\d-\d\dT[\d:]+Z)\n    kind: decision\n    text: keep eu-west drained until the fix ships\n/.exec(text);
    assert.ok(added, 'the entry is in the file');
    assert.ok(Math.abs(Date.parse(added[1]) - testNowMs()) < 120_000, `stamped now: ${added[1]}`);
  });

  test('an edit while the document has unsaved changes keeps the typing; undo restores', async () => {
    const editor = await open(uriOf(ACTIVE_018));
    const original = editor.document.getText();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\nStill typing the summary'));
    const typed = editor.document.getText();
    assert.ok(editor.document.isDirty);
    const outcome = await run('incidentLens.addTimelineEntry', { uri: uriOf(ACTIVE_018), text: 'Errors back to 0.3%', kind: 'observation', at: onTestDay('2026-11-25T09:30:00Z') });
    assert.ok(outcome.ok, outcome.message);
    const after = editor.document.getText();
    assert.ok(after.endsWith('\nStill typing the summary'), 'the typing survives');
    assert.ok(after.includes(onTestDay('  - at: 2026-11-25T09:30:00Z\n    kind: observation\n    text: Errors back to 0.3%\n---')), 'the entry is added');
    assert.equal(editor.document.isDirty, true, 'still unsaved: saving is the user’s call');
    assert.equal(await read(ACTIVE_018), original, 'nothing written to disk');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), typed, 'undo removes the entry only');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  test('Set Status in the real quick pick: Enter takes the next stage and records it', async () => {
    await open(uriOf(ACTIVE_018));
    const outcome = start('incidentLens.setStatus');
    await ui.shown(/^Set status · INC-2026-018$/);
    await ui.accept();
    const result = await outcome;
    assert.ok(result.ok, result.message);
    const text = await read(ACTIVE_018);
    assert.match(text, /\nstatus: identified\n/);
    assert.match(text, /\n    kind: diagnosis\n    text: Status set to identified, the cause is known\n---/);
  });

  test('Set Status transitions fill the matching time once, and a move back says so', async () => {
    const uri = uriOf(ACTIVE_018);
    const monitoring = await run('incidentLens.setStatus', { uri, status: 'monitoring' });
    assert.match(monitoring.message ?? '', /mitigated set to now/);
    let text = await read(ACTIVE_018);
    assert.match(text, patternOnTestDay(/\ndetected: 2026-11-25T08:16:00Z\nmitigated: \d{4}-\d\d-\d\dT[\d:]+Z\nservices:/));
    const resolved = await run('incidentLens.setStatus', { uri, status: 'resolved' });
    assert.ok(resolved.ok);
    text = await read(ACTIVE_018);
    assert.match(text, /\nmitigated: .*\nresolved: \d{4}-\d\d-\d\dT[\d:]+Z\n/);
    assert.equal((text.match(/\nmitigated:/g) ?? []).length, 1);
    const back = await run('incidentLens.setStatus', { uri, status: 'investigating', confirmBackwards: true });
    assert.ok(back.ok);
    text = await read(ACTIVE_018);
    assert.match(text, /\nstatus: investigating\n/);
    assert.match(text, /text: Status back to investigating \(was resolved\)\n---/);
    assert.deepEqual(await run('incidentLens.setStatus', { uri, status: 'investigating' }), { ok: true, message: 'INC-2026-018 is already investigating.', uri: uri.toString() });
    assert.equal((await run('incidentLens.setStatus', { uri, status: 'closed' })).ok, false);
  });

  test('Assign Role in the real quick picks: a role, then a person from the incident', async () => {
    await open(uriOf(ACTIVE_018));
    const outcome = start('incidentLens.assignRole');
    await ui.shown(/^Assign role · INC-2026-018$/);
    await ui.accept(); // commander
    await ui.shown(/^Assign role · INC-2026-018 · commander$/);
    await ui.next(); // Priya Shah, then Lee Wong
    await ui.accept();
    const result = await outcome;
    assert.ok(result.ok, result.message);
    const text = await read(ACTIVE_018);
    assert.match(text, /\nroles:\n  commander: Lee Wong\n  communications: Lee Wong\n/);
  });

  test('Assign Role adds a role that was not there, on one new line', async () => {
    const before = await read(ACTIVE_018);
    const outcome = await run('incidentLens.assignRole', { uri: uriOf(ACTIVE_018), role: 'support lead', person: 'Dana Kim' });
    assert.ok(outcome.ok, outcome.message);
    const after = await read(ACTIVE_018);
    assert.equal(after, before.replace('  scribe: Ana Lima\n', '  scribe: Ana Lima\n  support lead: Dana Kim\n'));
  });

  test('Who to Call for a service: contacts in order, then the runbook, which opens', async () => {
    const outcome = start('incidentLens.whoToCall', 'checkout');
    await ui.shown(/^Who to call · checkout$/);
    await ui.next(2); // Priya Shah → Elif Demir → runbook
    await ui.accept();
    const result = await outcome;
    assert.equal(result.message, 'Opened docs/runbooks/checkout.md.');
    assert.deepEqual(result.details?.slice(0, 3), ['Priya Shah · chat @priya, phone +44 20 7946 0101', 'Elif Demir · chat @elif, phone +44 20 7946 0107', 'Runbook · docs/runbooks/checkout.md']);
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/docs/runbooks/checkout.md'));
  });

  test('Who to Call for the file in the editor: catalog services by code path, else CODEOWNERS', async () => {
    await open(uriOf('src/cache/ttl.ts'));
    const cache = start('incidentLens.whoToCall');
    await ui.shown(/^Who to call · cache$/);
    await ui.accept(); // the first contact: copies how to reach them
    const copied = await cache;
    assert.equal(copied.message, 'Copied how to reach Sam Ortiz.');
    assert.equal(await vscode.env.clipboard.readText(), 'Sam Ortiz: chat @sam, phone +44 20 7946 0120');
    const file = start('incidentLens.whoToCall', uriOf('package.json'));
    await ui.shown(/^Who to call · package\.json$/);
    await ui.escape();
    assert.deepEqual((await file).details, ['@larder/platform · CODEOWNERS for package.json (line 4)']);
  });

  test('Draft Status Update opens drafts for three audiences; the customer draft is checked and copyable', async () => {
    const outcome = await run('incidentLens.draftStatusUpdate', uriOf(ACTIVE_018));
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.details, ['service: checkout', 'jargon: eu-west']);
    const drafts = vscode.window.activeTextEditor?.document;
    assert.ok(drafts?.isUntitled);
    assert.equal(drafts.languageId, 'markdown');
    const text = drafts.getText();
    for (const heading of ['# Status update drafts · INC-2026-018', '## For responders (internal)', '## For executives', '## For customers', '> **Before you send this to customers**']) assert.ok(text.includes(heading), heading);
    const copy = await run('incidentLens.copyStatusUpdate', 'customers');
    assert.ok(copy.ok);
    const clipboard = await vscode.env.clipboard.readText();
    assert.match(clipboard, /^\*\*We are aware of a problem\.\*\* Some customers are affected by checkout errors in eu-west\./);
    assert.doesNotMatch(clipboard, /Before you send|Priya|INC-2026/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a file that is not an incident is refused kindly', async () => {
    const outcome = await run('incidentLens.addTimelineEntry', { uri: uriOf('README.md'), text: 'x' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.message ?? '', /not an incident/);
  });

  test('the manifest: the capture keybinding, a Declare link in the empty Incidents view, the Follow-ups view', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { keybindings: { command: string; key: string }[]; viewsWelcome: { view: string; contents: string }[]; views: Record<string, { id: string }[]> };
    };
    assert.ok(manifest.contributes.keybindings.some((k) => k.command === 'incidentLens.addTimelineEntry' && k.key === 'ctrl+alt+shift+t'));
    const welcome = manifest.contributes.viewsWelcome.filter((w) => w.view === 'incidentLens.incidents').map((w) => w.contents);
    assert.ok(welcome.some((contents) => contents.includes('command:incidentLens.declareIncident') || contents === '%view.incidents.welcome%'), welcome.join('\n'));
    assert.ok(manifest.contributes.views.incidentLens.some((view) => view.id === 'incidentLens.followUps'));
  });
});
