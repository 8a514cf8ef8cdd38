/** Group the Incidents view by status, severity or service (from the view's title bar). */
import * as vscode from 'vscode';
import { GROUP_BY, type GroupBy } from '../../../core/response/incidentGroups';
import type { IncidentsTree } from '../../incidentsTree';
import { cancelled, ContextKeys, type Outcome } from '../commandIds';
import { pickOne } from '../quickInput';

const STATE_KEY = 'incidentLens.incidents.groupBy';

const LABELS: Readonly<Record<GroupBy, string>> = {
  status: 'Status: active first, then resolved, then reviewed',
  severity: 'Severity: worst first',
  service: 'Service: an incident shows under each of its services',
};

export function restoreGrouping(tree: IncidentsTree, memento: vscode.Memento): void {
  const saved = memento.get<string>(STATE_KEY);
  if (saved && (GROUP_BY as readonly string[]).includes(saved)) tree.setGroupBy(saved as GroupBy);
  void vscode.commands.executeCommand('setContext', ContextKeys.incidentsGroupBy, tree.grouping);
}

export async function groupIncidentsBy(tree: IncidentsTree, memento: vscode.Memento, argument?: unknown): Promise<Outcome> {
  let groupBy = GROUP_BY.find((g) => g === argument);
  if (!groupBy) {
    const items = GROUP_BY.map((g) => ({ label: g === tree.grouping ? `$(check) ${LABELS[g]}` : LABELS[g], groupBy: g }));
    const picked = await pickOne({ title: 'Group incidents by', placeholder: 'How should the Incidents view group incidents?', items, active: items.find((item) => item.groupBy === tree.grouping) });
    if (!picked) return cancelled;
    groupBy = picked.groupBy;
  }
  tree.setGroupBy(groupBy);
  await memento.update(STATE_KEY, groupBy);
  void vscode.commands.executeCommand('setContext', ContextKeys.incidentsGroupBy, groupBy);
  return { ok: true, message: `Incidents grouped by ${groupBy}.` };
}
