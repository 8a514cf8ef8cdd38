/**
 * Incident response in the editor: the commands (declare, open, capture,
 * status, roles, who to call, status updates), the status bar item, the
 * Follow-ups view, and the Incidents view's grouping. Everything registered
 * here is disposed with the extension.
 */
import * as vscode from 'vscode';
import type { IncidentsTree } from '../incidentsTree';
import type { IncidentWorkspace } from '../incidentWorkspace';
import { ResponseCommands, VIEW_IDS } from './commandIds';
import { addTimelineEntry } from './commands/addTimelineEntry';
import { assignRole } from './commands/assignRole';
import { declareIncident } from './commands/declareIncident';
import { copyStatusUpdate, draftStatusUpdate } from './commands/draftStatusUpdate';
import { markActionDone, openFollowUp, setActionDue } from './commands/followUpActions';
import { groupIncidentsBy, restoreGrouping } from './commands/groupIncidents';
import { openIncident } from './commands/openIncident';
import { revealInIncident } from './commands/reveal';
import { setStatus } from './commands/setStatus';
import { whoToCall } from './commands/whoToCall';
import { FollowUpsTree } from './followUpsView';
import { currentPrompt } from './quickInput';
import { IncidentStatusBar } from './statusBar';

/** What the response features expose to tests. */
export interface ResponseApi {
  readonly incidents: IncidentsTree;
  readonly followUps: FollowUpsTree;
  readonly statusBar: IncidentStatusBar;
  /** The response prompt on screen, if any (title and hint). */
  readonly prompt: typeof currentPrompt;
}

export function registerResponse(context: vscode.ExtensionContext, workspace: IncidentWorkspace, incidents: IncidentsTree): ResponseApi {
  const followUps = new FollowUpsTree(workspace, context.workspaceState);
  const followUpsView = vscode.window.createTreeView(VIEW_IDS.followUps, { treeDataProvider: followUps });
  const statusBar = new IncidentStatusBar(workspace);
  const updateOverdueBadge = () => {
    const overdue = followUps.followUps().filter((item) => item.overdue).length;
    followUpsView.badge = overdue > 0 ? { value: overdue, tooltip: `${overdue} overdue follow-up${overdue === 1 ? '' : 's'}` } : undefined;
  };
  restoreGrouping(incidents, context.workspaceState);
  updateOverdueBadge();

  const command = (id: string, run: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    followUps,
    followUpsView,
    statusBar,
    workspace.onDidChange(updateOverdueBadge),
    command(ResponseCommands.declareIncident, (argument) => declareIncident(workspace, argument)),
    command(ResponseCommands.openIncident, () => openIncident(workspace)),
    command(ResponseCommands.addTimelineEntry, (argument) => addTimelineEntry(workspace, argument)),
    command(ResponseCommands.setStatus, (argument) => setStatus(workspace, argument)),
    command(ResponseCommands.assignRole, (argument) => assignRole(workspace, argument)),
    command(ResponseCommands.whoToCall, (argument) => whoToCall(workspace, argument)),
    command(ResponseCommands.draftStatusUpdate, (argument) => draftStatusUpdate(workspace, argument)),
    command(ResponseCommands.copyStatusUpdate, (audience) => copyStatusUpdate(workspace, audience)),
    command(ResponseCommands.groupIncidentsBy, (argument) => groupIncidentsBy(incidents, context.workspaceState, argument)),
    command(ResponseCommands.revealInIncident, (uri, line, character, find) =>
      revealInIncident(uri, typeof line === 'number' ? line : 0, typeof character === 'number' ? character : 0, typeof find === 'string' ? find : undefined),
    ),
    command(ResponseCommands.markActionDone, (argument) => markActionDone(workspace, argument)),
    command(ResponseCommands.setActionDue, (argument, due) => setActionDue(workspace, argument, due)),
    command(ResponseCommands.openFollowUp, (argument) => openFollowUp(workspace, argument)),
    command(ResponseCommands.groupFollowUpsByOwner, () => followUps.setGroupByOwner(true)),
    command(ResponseCommands.ungroupFollowUps, () => followUps.setGroupByOwner(false)),
    command(ResponseCommands.showClosedFollowUps, () => followUps.setShowClosed(true)),
    command(ResponseCommands.hideClosedFollowUps, () => followUps.setShowClosed(false)),
  );
  return { incidents, followUps, statusBar, prompt: currentPrompt };
}
