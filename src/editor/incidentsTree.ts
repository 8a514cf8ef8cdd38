/** The Incidents view: incidents grouped by lifecycle status, active ones first, newest first. */
import * as vscode from 'vscode';
import type { IncidentSummary } from '../core/incident';
import { ACTIVE_STATUSES } from '../core/schema';
import type { FolderIncidents, IncidentWorkspace } from './incidentWorkspace';

interface Group {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly items: IncidentItem[];
}

interface IncidentItem {
  readonly kind: 'incident';
  readonly uri: vscode.Uri;
  readonly incident: IncidentSummary;
  readonly folder: string;
}

type Node = Group | IncidentItem;

const GROUPS: readonly { id: string; label: string; statuses: readonly string[] }[] = [
  { id: 'active', label: 'Active', statuses: ACTIVE_STATUSES },
  { id: 'resolved', label: 'Resolved, review pending', statuses: ['resolved'] },
  { id: 'reviewed', label: 'Reviewed', statuses: ['reviewed'] },
];

const SEVERITY_ICON = ['flame', 'warning', 'info', 'circle-outline'];

export class IncidentsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly workspace: IncidentWorkspace) {
    this.subscription = workspace.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Active incidents, for the view's badge. */
  activeCount(): number {
    return this.items().filter((item) => ACTIVE_STATUSES.includes(item.incident.status ?? '')).length;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const items = this.items();
      return GROUPS.map((group) => ({
        kind: 'group' as const,
        id: group.id,
        label: group.label,
        items: items.filter((item) => group.statuses.includes(item.incident.status ?? '')).sort(newestFirst),
      })).filter((group) => group.items.length > 0);
    }
    return node.kind === 'group' ? node.items : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.label} (${node.items.length})`, node.id === 'reviewed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.id}`;
      item.contextValue = 'incidentGroup';
      return item;
    }
    const { incident } = node;
    const item = new vscode.TreeItem(`${incident.id ?? '(no id)'}  ${incident.title ?? ''}`, vscode.TreeItemCollapsibleState.None);
    item.id = `incident:${node.uri.toString()}`;
    item.description = [incident.severity, ageOrDuration(incident)].filter(Boolean).join(' · ');
    const level = incident.severity ? Number(/\d+/.exec(incident.severity)?.[0] ?? 4) : 4;
    item.iconPath = new vscode.ThemeIcon(SEVERITY_ICON[Math.min(Math.max(level, 1), 4) - 1]);
    item.tooltip = new vscode.MarkdownString(`**${incident.id ?? ''}** ${incident.title ?? ''}\n\n${incident.severity ?? ''} · ${incident.status ?? ''}${incident.services.length ? ` · ${incident.services.map((s) => s.value).join(', ')}` : ''}`);
    item.resourceUri = node.uri;
    item.contextValue = 'incident';
    item.command = { command: 'vscode.open', title: 'Open incident', arguments: [node.uri] };
    return item;
  }

  private items(): IncidentItem[] {
    return this.workspace.all().flatMap((state: FolderIncidents) =>
      state.index.incidents().map(({ path, incident }) => ({ kind: 'incident' as const, uri: state.host.uriOf(path), incident, folder: state.folder.name })),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function newestFirst(a: IncidentItem, b: IncidentItem): number {
  return (b.incident.started?.epochMs ?? 0) - (a.incident.started?.epochMs ?? 0);
}

/** Active incidents show how long they have run; closed ones how long ago they started. */
export function ageOrDuration(incident: IncidentSummary, nowMs = Date.now()): string {
  const started = incident.started?.epochMs;
  if (started === undefined) return '';
  if (ACTIVE_STATUSES.includes(incident.status ?? '')) return formatDuration(nowMs - started);
  const end = incident.resolved?.epochMs ?? incident.mitigated?.epochMs;
  return end !== undefined ? `lasted ${formatDuration(end - started)}` : `${formatDuration(nowMs - started)} ago`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}
