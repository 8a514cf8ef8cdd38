/**
 * Open Incident…: every incident in the workspace, active ones first, newest
 * first, matching id, title, services and tags; Enter opens the file, the
 * row's timeline button opens its timeline panel.
 */
import * as vscode from 'vscode';
import { pickOrder } from '../../../core/response/activeIncident';
import type { IncidentWorkspace } from '../../incidentWorkspace';
import { cancelled, type Outcome } from '../commandIds';
import { allIncidents, pickItem, type IncidentPickItem } from '../incidentTarget';
import { pickOne } from '../quickInput';
import { nowMs } from '../../../core/clock';

/** The timeline panel's command, when that feature is installed. */
const OPEN_TIMELINE = 'incidentLens.openTimeline';

const TIMELINE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('history'), tooltip: 'Open its timeline' };

export async function openIncident(workspace: IncidentWorkspace): Promise<Outcome> {
  await workspace.whenReady();
  const refs = pickOrder(allIncidents(workspace));
  if (refs.length === 0) {
    const message = 'There are no incidents in this workspace yet.';
    void vscode.window.showInformationMessage(message, 'Declare Incident').then((choice) => {
      if (choice) void vscode.commands.executeCommand('incidentLens.declareIncident');
    });
    return { ok: false, message };
  }
  const hasTimeline = (await vscode.commands.getCommands(true)).includes(OPEN_TIMELINE);
  const now = nowMs();
  const items = refs.map((ref) => ({ ...pickItem(ref, now), buttons: hasTimeline ? [TIMELINE_BUTTON] : undefined }));
  const picked = await pickOne<IncidentPickItem>({
    title: 'Open incident',
    placeholder: 'Type an id, words of the title, a service or a tag',
    items,
    matchOnDescription: true,
    matchOnDetail: true,
    onButton: async (item) => {
      await vscode.commands.executeCommand(OPEN_TIMELINE, item.ref.uri);
      return true;
    },
  });
  if (!picked) return cancelled;
  await vscode.window.showTextDocument(picked.ref.uri, { preview: false });
  return { ok: true, message: `Opened ${picked.ref.incident.id ?? picked.ref.path}.`, uri: picked.ref.uri.toString() };
}
