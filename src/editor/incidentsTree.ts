/**
 * The Incidents view: incidents grouped by lifecycle status (active first,
 * newest first), by severity or by service; under each incident its
 * lifecycle times, roles, timeline, actions and code links, each opening the
 * file at its line. Ids are stable and the view only redraws when what it
 * shows changed, so refreshes on file changes neither flicker nor collapse
 * what the user expanded.
 */
import * as vscode from 'vscode';
import type { IncidentSummary } from '../core/incident';
import { localToday, nowMs } from '../core/clock';
import { escapeMarkdown } from '../core/escape';
import { incidentDetails, type Detail } from '../core/response/incidentDetails';
import { isActive } from '../core/activeStatuses';
import { lasted } from '../core/response/durations';
import { GROUP_BY, groupIncidents, type GroupBy } from '../core/response/incidentGroups';
import { incidentDescription, incidentLabel } from '../core/response/labels';
import { DEFAULT_SEVERITIES } from '../core/schema';
import type { FolderIncidents } from './folderIncidents';
import type { IncidentWorkspace } from './incidentWorkspace';

const REVEAL_COMMAND = 'incidentLens.revealInIncident';
const DEBOUNCE_MS = 80;
const TICK_MS = 60_000;

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly expanded: boolean;
  readonly items: readonly IncidentNode[];
}

export interface IncidentNode {
  readonly kind: 'incident';
  readonly id: string;
  /** The incident file; menus and commands read it. */
  readonly uri: vscode.Uri;
  readonly path: string;
  readonly incident: IncidentSummary;
  readonly parent: GroupNode;
  readonly severities: readonly string[];
}

export interface DetailNode {
  readonly kind: 'detail';
  readonly id: string;
  readonly uri: vscode.Uri;
  readonly folder: vscode.Uri;
  readonly detail: Detail;
  readonly parent: IncidentNode | DetailNode;
}

export type IncidentsNode = GroupNode | IncidentNode | DetailNode;

/** Severity icons: the label says the level too, so color is never the only sign. */
function severityIcon(severity: string | undefined, severities: readonly string[]): vscode.ThemeIcon {
  const rank = severity ? severities.indexOf(severity) : -1;
  if (rank === 0) return new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.red'));
  if (rank === 1) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
  if (rank === 2) return new vscode.ThemeIcon('info', new vscode.ThemeColor('charts.yellow'));
  return new vscode.ThemeIcon('circle-outline');
}

export class IncidentsTree implements vscode.TreeDataProvider<IncidentsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IncidentsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private groupBy: GroupBy = 'status';
  private roots: GroupNode[] = [];
  private signature: readonly string[] = [];
  /** Each summary's JSON, kept while the index keeps the summary: an unchanged incident is not serialized again. */
  private readonly summaryJson = new WeakMap<object, string>();
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly workspace: IncidentWorkspace) {
    this.subscription = workspace.onDidChange(() => this.refresh());
    // Durations of active incidents move on; redraw once a minute when they are shown.
    this.ticker = setInterval(() => {
      if (this.activeCount() > 0) this.refresh();
    }, TICK_MS);
    this.rebuild();
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  setGroupBy(groupBy: GroupBy): void {
    if (!GROUP_BY.includes(groupBy) || groupBy === this.groupBy) return;
    this.groupBy = groupBy;
    this.refreshNow();
  }

  /** Debounced: a burst of file events redraws once. */
  refresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refreshNow(), DEBOUNCE_MS);
  }

  /** Recomputes the rows and fires only when they changed. */
  refreshNow(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    if (this.rebuild()) this.changed.fire(undefined);
  }

  /** Active incidents, for the view's badge. */
  activeCount(): number {
    return this.folders().reduce((sum, state) => sum + state.index.incidents().filter(({ incident }) => isActive(incident)).length, 0);
  }

  /** The rows as text (label · description), depth-first to `depth`, for tests and debugging. */
  describe(depth = 2): string[] {
    const lines: string[] = [];
    const walk = (nodes: readonly IncidentsNode[], level: number) => {
      for (const node of nodes) {
        const item = this.getTreeItem(node);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        lines.push(`${'  '.repeat(level)}${label}${item.description ? ` · ${String(item.description)}` : ''}`);
        if (level + 1 < depth) walk(this.getChildren(node), level + 1);
      }
    };
    walk(this.getChildren(), 0);
    return lines;
  }

  getChildren(node?: IncidentsNode): IncidentsNode[] {
    if (!node) return this.roots;
    if (node.kind === 'group') return [...node.items];
    const details = node.kind === 'incident' ? incidentDetails(node.incident, localToday()) : (node.detail.children ?? []);
    const folder = node.kind === 'incident' ? this.folderOf(node.uri) : node.folder;
    return details.map((detail) => ({ kind: 'detail' as const, id: `${node.id}/${detail.id}`, uri: node.uri, folder, detail, parent: node }));
  }

  getParent(node: IncidentsNode): IncidentsNode | undefined {
    return node.kind === 'group' ? undefined : node.parent;
  }

  getTreeItem(node: IncidentsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.label} (${node.items.length})`, node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.contextValue = 'incidentGroup';
      return item;
    }
    if (node.kind === 'incident') return this.incidentItem(node);
    return this.detailItem(node);
  }

  private incidentItem(node: IncidentNode): vscode.TreeItem {
    const { incident } = node;
    const item = new vscode.TreeItem(incidentLabel(incident, node.path), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = incidentDescription(incident, nowMs());
    item.iconPath = severityIcon(incident.severity, node.severities);
    const took = lasted(incident);
    const tooltip = new vscode.MarkdownString(
      [
        `**${escapeMarkdown(incident.id ?? node.path)}** ${escapeMarkdown(incident.title ?? '')}`,
        '',
        escapeMarkdown([incident.severity, incident.status, incident.services.map((s) => s.value).join(', ')].filter(Boolean).join(' · ')),
        ...(took && !isActive(incident) ? ['', `Lasted ${took}.`] : []),
        ...(incident.impact?.summary ? ['', escapeMarkdown(incident.impact.summary)] : []),
        '',
        `_${escapeMarkdown(node.path)}_`,
      ].join('\n'),
    );
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    item.resourceUri = node.uri;
    item.contextValue = 'incident';
    item.command = { command: 'vscode.open', title: 'Open incident', arguments: [node.uri] };
    item.accessibilityInformation = { label: `${incident.id ?? ''} ${incident.title ?? ''}, ${incident.severity ?? ''}, ${incident.status ?? ''}, ${item.description}` };
    return item;
  }

  private detailItem(node: DetailNode): vscode.TreeItem {
    const { detail } = node;
    const item = new vscode.TreeItem(detail.label, detail.children && detail.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = detail.description;
    item.tooltip = detail.tooltip;
    item.iconPath = new vscode.ThemeIcon(detail.icon, detail.icon === 'warning' ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.contextValue = detail.contextValue;
    const target = detail.target;
    if (target?.kind === 'incident') {
      item.command = { command: REVEAL_COMMAND, title: 'Open at this line', arguments: [node.uri, target.line, target.character ?? 0, target.find] };
    } else if (target?.kind === 'file') {
      const uri = vscode.Uri.joinPath(node.folder, ...target.path.split('/'));
      const start = Math.max(0, (target.startLine ?? 1) - 1);
      const end = Math.max(start, (target.endLine ?? target.startLine ?? 1) - 1);
      item.command = { command: 'vscode.open', title: 'Open the linked code', arguments: [uri, { selection: new vscode.Range(start, 0, end, 0), preview: true }] };
      item.resourceUri = uri;
    }
    return item;
  }

  private folders(): FolderIncidents[] {
    return this.workspace.all();
  }

  private folderOf(uri: vscode.Uri): vscode.Uri {
    return this.workspace.locate(uri)?.state.folder.uri ?? vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri;
  }

  /** Rebuilds the top levels; true when what the view shows changed. */
  private rebuild(): boolean {
    const entries = this.folders().flatMap((state) =>
      state.index.incidents().map(({ path, incident }) => ({ state, path, incident, uri: state.host.uriOf(path) })),
    );
    const severities = this.folders()[0]?.index.options.lint.severities ?? DEFAULT_SEVERITIES;
    const groups = groupIncidents(entries, this.groupBy, severities);
    // An incident may sit in several service groups; elsewhere it has one id wherever it moves.
    const shared = this.groupBy === 'service';
    this.roots = groups.map((group) => {
      const node: { -readonly [K in keyof GroupNode]: GroupNode[K] } = { kind: 'group', id: `group:${group.id}`, label: group.label, expanded: group.expanded, items: [] };
      node.items = group.items.map((entry) => ({
        kind: 'incident' as const,
        id: `${shared ? `${node.id}/` : ''}incident:${entry.uri.toString()}`,
        uri: entry.uri,
        path: entry.path,
        incident: entry.incident,
        parent: node,
        severities: entry.state.index.options.lint.severities,
      }));
      return node;
    });
    // Labels and durations, and every incident's fields and lines (rows under an incident open at those lines).
    const signature = [this.groupBy, ...this.describe(2), ...this.roots.flatMap((group) => group.items.map((item) => this.jsonOf(item.incident)))];
    if (signature.length === this.signature.length && signature.every((part, index) => part === this.signature[index])) return false;
    this.signature = signature;
    return true;
  }

  private jsonOf(incident: object): string {
    let json = this.summaryJson.get(incident);
    if (json === undefined) {
      json = JSON.stringify(incident);
      this.summaryJson.set(incident, json);
    }
    return json;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    clearInterval(this.ticker);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
