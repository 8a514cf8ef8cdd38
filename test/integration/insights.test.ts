// The Insights panel in the real editor: the command opens it over every
// incident, the webview loads and says ready (so its script ran under the
// CSP), the serializer is registered, filters and clicks arrive as
// validated intents, and the panel follows the workspace as files change.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsightsPanel } from '../../src/webviews/insights/host/insightsPanel';
import { INSIGHTS_VIEW_TYPE } from '../../src/webviews/insights/protocol';
import { closeAll, eventually, lens, removeFile, uriOf, writeFile } from './support/lens';
import { onTestDay } from './support/day';

const EXTRA = onTestDay('incidents/2026-11-23-insights-extra.md');

async function openPanel(): Promise<InsightsPanel> {
  await lens();
  const panel = await vscode.commands.executeCommand<InsightsPanel>('incidentLens.openInsights');
  assert.ok(panel, 'the command returns the panel');
  await eventually(() => assert.ok(panel.isReady && panel.lastRender, 'the webview said ready and got a render'), 20_000);
  return panel;
}

suite('insights panel', () => {
  suiteTeardown(async () => {
    await removeFile(EXTRA);
    await closeAll();
  });

  test('Open Insights opens the panel as a webview tab', async () => {
    await openPanel();
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const tab = tabs.find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith(INSIGHTS_VIEW_TYPE));
    assert.ok(tab, `an Insights tab among: ${tabs.map((candidate) => candidate.label).join(', ')}`);
    assert.equal(tab.label, 'Incident Insights');
  });

  test('it shows the top insight over every incident, with charts', async () => {
    const panel = await openPanel();
    const render = panel.lastRender;
    assert.ok(render);
    const count = render.document.incidents.length;
    assert.ok(count >= 10, `${count} incidents`);
    assert.match(render.document.top.sentence, new RegExp(`^\\d+ of ${count} incidents since `));
    assert.ok(render.document.top.incidents.length > 0);
    const figures = render.document.sections.flatMap((section) => section.blocks.filter((block) => block.kind === 'figure'));
    assert.ok(figures.length >= 5, `${figures.length} charts`);
    assert.deepEqual(render.choices.severities, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    assert.ok(render.choices.services.includes('checkout'));
  });

  test('code areas come from git history once it is read', async () => {
    const panel = await openPanel();
    await eventually(() => {
      assert.equal(panel.lastRender?.pending, false, 'history read');
      const areas = panel.lastRender?.document.sections.find((section) => section.id === 'areas');
      const definition = areas?.blocks[0];
      assert.ok(definition?.kind === 'text' && definition.parts.some((part) => typeof part === 'string' && part.includes('from git history')), 'areas from history');
    }, 30_000);
  });

  test('the serializer is registered, and the manifest activates on it', () => {
    assert.throws(() => vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, { deserializeWebviewPanel: async () => undefined }), /already registered|serializer/i);
    const extension = vscode.extensions.getExtension('incident-lens.incident-lens');
    assert.ok(extension?.packageJSON.activationEvents.includes('onWebviewPanel:incidentLens.insights'));
    assert.ok(extension?.packageJSON.contributes.commands.some((command: { command: string }) => command.command === 'incidentLens.openInsights'));
  });

  test('filters from the webview narrow the report; malformed ones are dropped', async () => {
    const panel = await openPanel();
    await panel.receive({ type: 'filter', filters: { severity: 'SEV1' }, unit: 'quarter' });
    let render = panel.lastRender;
    assert.ok(render);
    assert.deepEqual(render.filters, { severity: 'SEV1' });
    assert.ok(render.document.incidents.every((ref) => ref.severity === 'SEV1'));
    assert.equal(render.unit, 'quarter');
    await panel.receive({ type: 'filter', filters: { from: 'yesterday' }, unit: null });
    await panel.receive({ type: 'filter', filters: { severity: 'SEV1', extra: 1 }, unit: null });
    assert.equal(panel.lastRender, render, 'nothing re-rendered for malformed intents');
    await panel.receive({ type: 'filter', filters: {}, unit: null });
    render = panel.lastRender;
    assert.ok(render && render.document.incidents.length >= 10);
  });

  test('clicking an incident opens its file', async () => {
    const panel = await openPanel();
    const ref = panel.lastRender?.document.incidents.find((candidate) => candidate.id === 'INC-2026-014');
    assert.ok(ref);
    await panel.receive({ type: 'open', key: ref.key });
    await eventually(() => assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(ref.path).toString()));
    await panel.receive({ type: 'open', key: '../../etc/passwd' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(ref.path).toString(), 'an unknown key opens nothing');
  });

  test('the panel follows the workspace: a new incident shows up', async () => {
    const panel = await openPanel();
    const before = panel.lastRender?.document.incidents.length ?? 0;
    await writeFile(
      EXTRA,
      onTestDay(['---', 'id: INC-2026-090', 'title: Insights test incident', 'status: resolved', 'severity: SEV3', 'started: 2026-11-23T10:00:00Z', 'resolved: 2026-11-23T11:00:00Z', 'services: [insights-test]', '---', ''].join('\n')),
    );
    await eventually(() => {
      const render = panel.lastRender;
      assert.equal(render?.document.incidents.length, before + 1);
      assert.ok(render?.choices.services.includes('insights-test'));
    }, 15_000);
    await removeFile(EXTRA);
    await eventually(() => assert.equal(panel.lastRender?.document.incidents.length, before), 15_000);
  });

  test('opening it again reveals the same panel', async () => {
    const first = await openPanel();
    const second = await openPanel();
    assert.equal(first, second);
  });
});
