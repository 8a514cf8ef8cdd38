/** The Hotspots view: files and folders ranked by score, with counts, filtered by time window and severity. */
import * as vscode from 'vscode';
import { historyNotice } from '../../core/hotspots/historyNotice';
import type { FileHotspot, FolderHotspot, HotspotIncident } from '../../core/hotspots/types';
import type { FolderHotspots, HotspotsService } from './hotspotsService';
import { incidentCount, incidentLines } from '../../core/hotspots/presentation';
import { nowMs } from '../../core/clock';

type Node =
  | { kind: 'group'; label: string; folder: FolderHotspots; entries: Node[] }
  | { kind: 'file'; folder: FolderHotspots; file: FileHotspot }
  | { kind: 'area'; folder: FolderHotspots; area: FolderHotspot };

export interface HotspotFilter {
  /** Only incidents that started within this many days; undefined for all. */
  readonly days?: number;
  /** Only these severities; undefined for all. */
  readonly severities?: readonly string[];
}

const WINDOWS = [
  { label: 'All time', days: undefined },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last 180 days', days: 180 },
  { label: 'Last 365 days', days: 365 },
];

const SHOWN = 50;

export class HotspotsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: HotspotFilter = {};
  private readonly subscription: vscode.Disposable;
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly service: HotspotsService) {
    this.subscription = service.onDidChange(() => {
      this.showHistoryNotice();
      this.changed.fire();
    });
  }

  /** Above the ranking: which part of it is missing because git could not read some history. */
  private showHistoryNotice(): void {
    if (!this.view) return;
    const folders = this.service.all();
    const notices = folders.flatMap((folder) => {
      const notice = historyNotice(folder.history.problems);
      if (!notice) return [];
      return [folders.length > 1 ? `${folder.state.folder.name}: ${notice}` : notice];
    });
    this.view.message = notices.length > 0 ? notices.join(' ') : undefined;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'group' ? node.entries : [];
    const folders = this.service.all();
    const groups = folders.flatMap((folder) => {
      const ranking = this.filtered(folder);
      const prefix = folders.length > 1 ? `${folder.state.folder.name}: ` : '';
      return [
        { kind: 'group' as const, label: `${prefix}Files`, folder, entries: ranking.files.filter((file) => file.exists).slice(0, SHOWN).map((file) => ({ kind: 'file' as const, folder, file })) },
        { kind: 'group' as const, label: `${prefix}Folders`, folder, entries: ranking.folders.filter((area) => area.path !== '').slice(0, SHOWN).map((area) => ({ kind: 'area' as const, folder, area })) },
      ];
    });
    return groups.filter((group) => group.entries.length > 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, node.label.endsWith('Files') ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.folder.state.folder.uri.toString()}#${node.label}`;
      return item;
    }
    const uri = node.folder.state.host.uriOf(node.kind === 'file' ? node.file.path : node.area.path);
    const item = new vscode.TreeItem(node.kind === 'file' ? node.file.path : `${node.area.path}/`, vscode.TreeItemCollapsibleState.None);
    item.id = `${uri.toString()}#${node.kind}`;
    item.resourceUri = uri;
    const count = node.kind === 'file' ? node.file.count : node.area.count;
    const score = node.kind === 'file' ? node.file.score : node.area.score;
    item.description = `${incidentCount(count)} · score ${score.toFixed(1)}`;
    item.tooltip = node.kind === 'file' ? incidentLines(node.file) : node.area.incidentIds.join(', ');
    item.iconPath = node.kind === 'file' ? vscode.ThemeIcon.File : vscode.ThemeIcon.Folder;
    item.contextValue = node.kind === 'file' ? 'hotspotFile' : 'hotspotFolder';
    item.command =
      node.kind === 'file'
        ? { command: 'vscode.open', title: 'Open file', arguments: [uri] }
        : { command: 'revealInExplorer', title: 'Reveal in Explorer', arguments: [uri] };
    return item;
  }

  async chooseFilter(): Promise<void> {
    const window = await vscode.window.showQuickPick(
      WINDOWS.map((choice) => ({ ...choice, picked: choice.days === this.filter.days })),
      { title: 'Hotspots: which incidents count?', placeHolder: 'Time window' },
    );
    if (!window) return;
    const levels = [...new Set(this.service.all().flatMap((folder) => folder.state.index.options.lint.severities))];
    const severities = await vscode.window.showQuickPick(
      levels.map((level) => ({ label: level, picked: !this.filter.severities || this.filter.severities.includes(level) })),
      { title: 'Hotspots: which severities?', canPickMany: true },
    );
    if (!severities) return;
    const all = severities.length === 0 || severities.length === levels.length;
    this.setFilter({ days: window.days, severities: all ? undefined : severities.map((choice) => choice.label) });
  }

  setFilter(filter: HotspotFilter): void {
    this.filter = filter;
    const parts = [filter.days ? `last ${filter.days} days` : '', filter.severities ? filter.severities.join(', ') : ''].filter(Boolean);
    if (this.view) this.view.description = parts.join(' · ') || undefined;
    this.changed.fire();
  }

  private filtered(folder: FolderHotspots): FolderHotspots['ranking'] {
    const { days, severities } = this.filter;
    if (!days && !severities) return folder.ranking;
    const since = days ? nowMs() - days * 86_400_000 : undefined;
    const keep = (incident: HotspotIncident) =>
      (since === undefined || (incident.started !== undefined && incident.started >= since)) && (!severities || severities.includes(incident.severity));
    return this.service.rescore(folder, keep);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
