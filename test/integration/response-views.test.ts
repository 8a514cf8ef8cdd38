// The Incidents view, the Follow-ups view and the status bar item, for the
// example workspace, in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentLensApi } from '../../src/extension';
import type { FollowUpNode } from '../../src/editor/response/followUpsView';
import { dateOnTestDay, dueDayOnTestDay, onTestDay, patternOnTestDay, utcLabelOnTestDay } from './support/day';
import { closeAll, eventually, lens, open, uriOf } from './support/lens';
import { ACTIVE_018, MONITORING_017, read, REVIEWED_014, run, settleOnExample, Snapshot } from './support/response';

const DURATION = String.raw`\d+( h( \d+ min)?| min| d( \d+ h)?)`;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

suite('incident response: views', () => {
  let api: IncidentLensApi;
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    api = await lens();
    await snapshot.keep(ACTIVE_018, MONITORING_017, REVIEWED_014);
    await settleOnExample();
  });

  teardown(async () => {
    await run('incidentLens.groupIncidentsBy', 'status');
    await vscode.commands.executeCommand('incidentLens.ungroupFollowUps');
    await vscode.commands.executeCommand('incidentLens.hideClosedFollowUps');
    await snapshot.restore();
  });

  test('the Incidents view groups the example by status: active first, newest first; the badge counts the active ones', async () => {
    const tree = api.response.incidents;
    tree.refreshNow();
    const lines = tree.describe(2);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const row = (text: string, age = '') => new RegExp(`^${escape(text)}${age}$`);
    const expected = [
      row('Active (2)'),
      row('  INC-2026-018  Checkout errors in eu-west · SEV1 · ', DURATION),
      row('  INC-2026-017  Search slow after a change to search cache keys · SEV2 · ', DURATION),
      row('Resolved, review pending (2)'),
      row('  INC-2026-016  Checkout unavailable in eu-west for 18 minutes during a deploy · SEV2 · ', `${DURATION} ago`),
      row('  INC-2026-015  Customers received the same delivery push notification up to four times · SEV3 · ', `${DURATION} ago`),
      row('Reviewed (6)'),
      ...['014', '013', '012', '011', '010', '009'].map((n) => new RegExp(`^  INC-2026-${n}  .* · SEV\\d · ${DURATION} ago$`)),
    ];
    assert.equal(lines.length, expected.length, lines.join('\n'));
    lines.forEach((line, i) => assert.match(line, expected[i]));
    await eventually(() => assert.deepEqual(api.incidentsView.badge, { value: 2, tooltip: '2 active incidents' }), 5_000);
  });

  test('an incident’s rows: lifecycle times, roles, timeline, actions, code links; each opens at its line', async () => {
    const tree = api.response.incidents;
    tree.refreshNow();
    const active = tree.getChildren()[0];
    const incident = tree.getChildren(active)[0];
    const rows = tree.getChildren(incident).map((node) => [labelOf(tree.getTreeItem(node)), String(tree.getTreeItem(node).description)]);
    assert.deepEqual(rows, [
      ['Started', utcLabelOnTestDay('2026-11-25T08:12:00Z')],
      ['Detected', `${utcLabelOnTestDay('2026-11-25T08:16:00Z')} · +4 min`],
      ['Roles', 'Priya Shah, Lee Wong, Elif Demir, Ana Lima'],
      ['Timeline', `8 entries · last ${utcLabelOnTestDay('2026-11-25T09:20:00Z')}`],
      ['Code links', '1'],
    ]);
    const rolesNode = tree.getChildren(incident)[2];
    const scribe = tree.getChildren(rolesNode)[3];
    // Open Incident at Line, as the view runs it: the row selected and Enter pressed.
    assert.equal(tree.getTreeItem(scribe).command?.command, 'incidentLens.revealInIncident');
    await api.incidentsView.reveal(scribe, { select: true, focus: true });
    await eventually(() => assert.deepEqual(api.incidentsView.selection, [scribe], 'the scribe row is selected'));
    await vscode.commands.executeCommand('list.select');
    await eventually(() => {
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uriOf(ACTIVE_018).toString());
      assert.equal(editor.document.lineAt(editor.selection.start.line).text, '  scribe: Ana Lima');
      assert.equal(editor.document.getText(editor.selection), 'scribe:');
    });
    const codeNode = tree.getChildren(tree.getChildren(incident)[4])[0];
    await runItemCommand(tree.getTreeItem(codeNode));
    await eventually(() => {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.ok(editor.document.uri.path.endsWith('/src/checkout/orders.ts'));
      assert.equal(editor.selection.start.line, 36);
    });
    const started = tree.getChildren(incident)[0];
    await runItemCommand(tree.getTreeItem(started));
    await eventually(() => assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.start.line).text, onTestDay('started: 2026-11-25T08:12:00Z')));
  });

  test('actions under a reviewed incident, overdue marked', () => {
    const tree = api.response.incidents;
    const reviewed = tree.getChildren()[2];
    const ttl = tree.getChildren(reviewed).find((node) => labelOf(tree.getTreeItem(node)).startsWith('INC-2026-014'))!;
    const actions = tree.getChildren(ttl).find((node) => labelOf(tree.getTreeItem(node)) === 'Actions')!;
    assert.match(String(tree.getTreeItem(actions).description), /^1 overdue · 2 done · 1 open · 1 in-progress$/);
    const a2 = tree.getTreeItem(tree.getChildren(actions)[1]);
    assert.equal(labelOf(a2), 'A2  Canary stage for cache config and cache library changes');
    assert.equal((a2.iconPath as vscode.ThemeIcon).id, 'warning');
  });

  test('grouping switches to severity and service from the title bar command', async () => {
    const tree = api.response.incidents;
    await run('incidentLens.groupIncidentsBy', 'severity');
    assert.deepEqual(tree.getChildren().map((group) => labelOf(tree.getTreeItem(group))), ['SEV1 (2)', 'SEV2 (4)', 'SEV3 (3)', 'SEV4 (1)']);
    await run('incidentLens.groupIncidentsBy', 'service');
    const services = tree.getChildren().map((group) => labelOf(tree.getTreeItem(group)));
    assert.deepEqual(services, ['cache (6)', 'checkout (6)', 'notifications (2)', 'payments (1)', 'platform (1)', 'search (2)']);
    // An incident under two services has an id per group.
    const ids = tree.getChildren().flatMap((group) => tree.getChildren(group).map((node) => tree.getTreeItem(node).id));
    assert.equal(new Set(ids).size, ids.length);
  });

  test('refreshes on file changes keep ids, and a change the view does not show redraws nothing', async () => {
    const tree = api.response.incidents;
    tree.refreshNow();
    const idsOf = () => tree.getChildren().flatMap((group) => [tree.getTreeItem(group).id, ...tree.getChildren(group).map((node) => tree.getTreeItem(node).id)]);
    const before = idsOf();
    let fired = 0;
    const listener = tree.onDidChangeTreeData(() => fired++);
    try {
      // A change in the body only: nothing the view shows.
      const text = await read(MONITORING_017);
      const index = api.workspace.all()[0].index;
      const readBefore = index.get(MONITORING_017)?.incident;
      assert.ok(readBefore);
      await vscode.workspace.fs.writeFile(uriOf(MONITORING_017), new TextEncoder().encode(`${text}\nA note in the body.\n`));
      // First the change has arrived (the index read the file again), then the view does what it does on a change.
      await eventually(() => assert.notEqual(index.get(MONITORING_017)?.incident, readBefore, 'the index read the new text'));
      tree.refreshNow();
      assert.equal(fired, 0, 'no redraw');
      await run('incidentLens.addTimelineEntry', { uri: uriOf(MONITORING_017), text: 'Cache hit ratio 93%', kind: 'observation', at: onTestDay('2026-11-24T20:00:00Z') });
      await eventually(() => assert.ok(fired >= 1, 'redrawn'));
      assert.deepEqual(idsOf(), before, 'same ids, so expanded rows stay expanded');
      const monitoring = tree.getChildren(tree.getChildren()[0])[1];
      const timeline = tree.getChildren(monitoring).find((node) => labelOf(tree.getTreeItem(node)) === 'Timeline')!;
      assert.match(String(tree.getTreeItem(timeline).description), /^9 entries/);
    } finally {
      listener.dispose();
    }
  });

  test('Follow-ups: overdue first, then by due date; done and dropped hidden until asked', async () => {
    const view = api.response.followUps;
    const rows = view.getChildren() as FollowUpNode[];
    const items = rows.map((row) => view.getTreeItem(row));
    assert.deepEqual(
      items.slice(0, 3).map((item) => [labelOf(item).split('  ')[0], String(item.description)]),
      [
        ['A4', 'Ravi Menon · due 26 d ago · INC-2026-012'],
        ['A2', 'Sam Ortiz · due 3 d ago · INC-2026-014'],
        ['A4', `Bea Clarke · due ${dueDayOnTestDay('2026-12-04')} · INC-2026-013`],
      ],
    );
    const dues = rows.map((row) => row.followUp.action.dueMs ?? Infinity);
    assert.deepEqual(dues, [...dues].sort((a, b) => a - b), 'by due date');
    assert.ok(rows.every((row) => !row.followUp.closed));
    assert.equal(rows.length, 10);
    await vscode.commands.executeCommand('incidentLens.showClosedFollowUps');
    const all = view.getChildren() as FollowUpNode[];
    assert.ok(all.length > rows.length);
    assert.ok(all.slice(rows.length).every((row) => row.followUp.closed), 'closed ones last');
  });

  test('Follow-ups grouped by owner on request', async () => {
    const view = api.response.followUps;
    await vscode.commands.executeCommand('incidentLens.groupFollowUpsByOwner');
    const owners = view.getChildren().map((node) => [labelOf(view.getTreeItem(node)), String(view.getTreeItem(node).description)]);
    assert.deepEqual(owners[0], ['Bea Clarke', '1']);
    assert.ok(owners.some(([owner, description]) => owner === 'Sam Ortiz' && /overdue/.test(description)));
    const sam = view.getChildren().find((node) => labelOf(view.getTreeItem(node)) === 'Sam Ortiz')!;
    assert.match(String(view.getTreeItem(view.getChildren(sam)[0]).description), /^due 3 d ago · INC-2026-014$/);
  });

  test('Follow-ups row actions: mark done, set a due date, open the incident at the action', async () => {
    const view = api.response.followUps;
    const row = () => (view.getChildren() as FollowUpNode[]).find((node) => node.followUp.incident.id === 'INC-2026-014' && node.followUp.action.id === 'A2');
    const first = row();
    assert.ok(first);
    assert.equal(view.getTreeItem(first).contextValue, 'followUp.open');
    await run('incidentLens.openFollowUp', first);
    await eventually(() => assert.match(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.start.line).text ?? '', /id: A2, title: Canary stage/));
    await closeAll();
    const due = await run('incidentLens.setActionDue', first, dateOnTestDay('2026-12-20'));
    assert.ok(due.ok, due.message);
    assert.match(await read(REVIEWED_014), patternOnTestDay(/id: A2, title: Canary stage for cache config and cache library changes, owner: Sam Ortiz, due: 2026-12-20, status: open/));
    await eventually(() => assert.equal(row()?.followUp.overdue, false));
    const done = await run('incidentLens.markActionDone', row());
    assert.ok(done.ok, done.message);
    assert.match(await read(REVIEWED_014), patternOnTestDay(/id: A2, .*, due: 2026-12-20, status: done, kind: prevent/));
    await eventually(() => assert.equal(row(), undefined, 'done: hidden'));
  });

  test('the status bar shows the active incident, follows the editor, and hides when nothing is active', async () => {
    const bar = api.response.statusBar;
    await open(uriOf(MONITORING_017));
    await eventually(() => assert.match(bar.shown?.text ?? '', new RegExp(`^\\$\\(flame\\) INC-2026-017 SEV2 · ${DURATION} \\(\\+1\\)$`)));
    await open(uriOf(REVIEWED_014));
    await eventually(() => assert.match(bar.shown?.text ?? '', new RegExp(`^\\$\\(flame\\) INC-2026-018 SEV1 · ${DURATION} \\(\\+1\\)$`)));
    await closeAll();
    await run('incidentLens.setStatus', { uri: uriOf(ACTIVE_018), status: 'resolved' });
    await run('incidentLens.setStatus', { uri: uriOf(MONITORING_017), status: 'resolved' });
    await eventually(() => assert.equal(bar.shown, undefined));
    await eventually(() => assert.equal(api.response.incidents.activeCount(), 0));
  });
});

async function runItemCommand(item: vscode.TreeItem): Promise<void> {
  assert.ok(item.command, `${labelOf(item)} opens something`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

