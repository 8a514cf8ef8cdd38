/**
 * The Follow-ups view: every action item across incidents, overdue first,
 * then by due date; grouped by owner on request; done and dropped ones
 * hidden unless asked for. Rows open the incident at the action.
 */
import * as vscode from 'vscode';
import { localToday } from '../../core/clock';
import { escapeMarkdown } from '../../core/escape';
import { actionIcon } from '../../core/response/incidentDetails';
import { dueLabel } from '../../core/response/durations';
import { collectFollowUps, groupByOwner, type FollowUp } from '../../core/response/followUps';
import type { IncidentWorkspace } from '../incidentWorkspace';
import { ContextKeys, ResponseCommands } from './commandIds';
import { allIncidents } from './incidentTarget';

export interface OwnerNode {
  readonly kind: 'owner';
  readonly owner: string | undefined;
  readonly items: readonly FollowUpNode[];
  readonly overdue: number;
}

export interface FollowUpNode {
  readonly kind: 'followUp';
  /** The incident file: the commands on a row read it. */
  readonly uri: vscode.Uri;
  readonly followUp: FollowUp;
  readonly parent?: OwnerNode;
}

export type FollowUpsNode = OwnerNode | FollowUpNode;

const STATE_BY_OWNER = 'incidentLens.followUps.byOwner';
const STATE_SHOW_CLOSED = 'incidentLens.followUps.showClosed';

export class FollowUpsTree implements vscode.TreeDataProvider<FollowUpsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FollowUpsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private signature = '';
  private byOwner: boolean;
  private showClosed: boolean;

  constructor(
    private readonly workspace: IncidentWorkspace,
    private readonly memento: vscode.Memento,
  ) {
    this.byOwner = memento.get<boolean>(STATE_BY_OWNER, false);
    this.showClosed = memento.get<boolean>(STATE_SHOW_CLOSED, false);
    this.subscription = workspace.onDidChange(() => this.refresh());
    this.updateContext();
  }

  setGroupByOwner(value: boolean): void {
    this.byOwner = value;
    void this.memento.update(STATE_BY_OWNER, value);
    this.updateContext();
    this.refresh(true);
  }

  setShowClosed(value: boolean): void {
    this.showClosed = value;
    void this.memento.update(STATE_SHOW_CLOSED, value);
    this.updateContext();
    this.refresh(true);
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.followUpsByOwner, this.byOwner);
    void vscode.commands.executeCommand('setContext', ContextKeys.followUpsShowClosed, this.showClosed);
  }

  /** Fires only when what the view shows changed, so an unrelated save does not redraw it. */
  refresh(force = false): void {
    const signature = JSON.stringify(this.rows().map((node) => [node.kind, node.kind === 'owner' ? node.owner : itemKey(node), node.kind === 'followUp' ? describe(node) : node.items.length]));
    if (!force && signature === this.signature) return;
    this.signature = signature;
    this.changed.fire(undefined);
  }

  /** The follow-ups in view order (flattened), for tests and the count. */
  followUps(): FollowUp[] {
    return collectFollowUps(
      allIncidents(this.workspace).map((ref) => ({ key: ref.uri.toString(), incident: ref.incident })),
      { todayMs: localToday(), showClosed: this.showClosed },
    );
  }

  private rows(): FollowUpsNode[] {
    const items = this.followUps();
    const uriOf = (item: FollowUp) => vscode.Uri.parse(item.key);
    if (!this.byOwner) return items.map((followUp) => ({ kind: 'followUp', uri: uriOf(followUp), followUp }));
    return groupByOwner(items).map((group) => {
      const node: { kind: 'owner'; owner: string | undefined; items: FollowUpNode[]; overdue: number } = { kind: 'owner', owner: group.owner, items: [], overdue: group.overdue };
      node.items = group.items.map((followUp) => ({ kind: 'followUp', uri: uriOf(followUp), followUp, parent: node }));
      return node;
    });
  }

  getChildren(node?: FollowUpsNode): FollowUpsNode[] {
    if (!node) return this.rows();
    return node.kind === 'owner' ? [...node.items] : [];
  }

  getParent(node: FollowUpsNode): FollowUpsNode | undefined {
    return node.kind === 'followUp' ? node.parent : undefined;
  }

  getTreeItem(node: FollowUpsNode): vscode.TreeItem {
    if (node.kind === 'owner') {
      const item = new vscode.TreeItem(node.owner ?? 'No owner', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `owner:${node.owner ?? ''}`;
      item.description = `${node.items.length}${node.overdue > 0 ? ` · ${node.overdue} overdue` : ''}`;
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'followUpOwner';
      return item;
    }
    const { followUp } = node;
    const { action, incident } = followUp;
    const item = new vscode.TreeItem(`${action.id}  ${action.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent ? `owner:${node.parent.owner ?? ''}/` : ''}${itemKey(node)}`;
    item.description = describe(node, !!node.parent);
    item.iconPath = new vscode.ThemeIcon(actionIcon(action.status, followUp.overdue), followUp.overdue ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.tooltip = new vscode.MarkdownString(
      [
        `**${escapeMarkdown(action.id)}** ${escapeMarkdown(action.title)}`,
        '',
        `${escapeMarkdown(action.status || 'no status')}${followUp.overdue ? ' · **overdue**' : ''}${action.owner ? ` · ${escapeMarkdown(action.owner)}` : ' · no owner'}${action.due ? ` · due ${escapeMarkdown(action.due)}` : ''}`,
        '',
        `${escapeMarkdown(incident.id ?? '')} ${escapeMarkdown(incident.title ?? '')}`,
        ...(action.reason ? ['', `Why dropped: ${escapeMarkdown(action.reason)}`] : []),
      ].join('\n'),
    );
    item.contextValue = followUp.closed ? 'followUp.closed' : 'followUp.open';
    item.command = { command: ResponseCommands.openFollowUp, title: 'Open the incident at this action', arguments: [node] };
    item.accessibilityInformation = { label: `${action.id} ${action.title}, ${describe(node)}${followUp.overdue ? ', overdue' : ''}` };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function itemKey(node: FollowUpNode): string {
  return `followUp:${node.uri.toString()}#${node.followUp.action.index}`;
}

/** `Sam Ortiz · due 3 d ago · INC-2026-014` (without the owner inside an owner group). */
function describe(node: FollowUpNode, inOwnerGroup = false): string {
  const { action, incident } = node.followUp;
  const due = action.dueMs !== undefined ? (node.followUp.closed ? action.status : dueLabel(action.dueMs, localToday())) : node.followUp.closed ? action.status : 'no due date';
  return [inOwnerGroup ? undefined : (action.owner ?? 'no owner'), due, incident.id].filter(Boolean).join(' · ');
}
