/**
 * Wires the timeline panel into the editor: the Open Timeline command (editor
 * title, Incidents view, command palette), the serializer that brings panels
 * back after a reload, and the context key that shows the title button on
 * incident files only.
 */
import * as vscode from 'vscode';
import type { IncidentWorkspace } from '../../../editor/incidentWorkspace';
import { isIncident, pickIncident, targetUri } from '../../shared/incidentTarget';
import { panelStateSchema, TIMELINE_VIEW_TYPE } from '../protocol';
import { TimelinePanels } from './timelinePanels';

export const OPEN_TIMELINE_COMMAND = 'incidentLens.openTimeline';
/** Paths of the workspace's incident files, for `resourcePath in …` in menus. */
const INCIDENT_PATHS_KEY = 'incidentLens.incidentPaths';

/** The timeline's open panels, and the serializer registered for them (for tests: the one the editor calls after a reload). */
export interface TimelineFeature {
  readonly panels: TimelinePanels;
  readonly serializer: vscode.WebviewPanelSerializer;
}

export function registerTimeline(context: vscode.ExtensionContext, workspace: IncidentWorkspace): TimelineFeature {
  const panels = new TimelinePanels(context.extensionUri);
  const serializer = timelineSerializer(panels);
  const updatePaths = () => void vscode.commands.executeCommand('setContext', INCIDENT_PATHS_KEY, incidentPaths(workspace));
  updatePaths();
  context.subscriptions.push(
    panels,
    workspace.onDidChange(updatePaths),
    vscode.commands.registerCommand(OPEN_TIMELINE_COMMAND, (target?: unknown) => openTimeline(panels, workspace, target)),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, serializer),
  );
  return { panels, serializer };
}

/** Brings a panel back after a reload, from the state its webview saved (the incident's URI, the filters). */
function timelineSerializer(panels: TimelinePanels): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const parsed = panelStateSchema.safeParse(state);
      if (!parsed.success) {
        // Nothing says which incident this was: a blank panel would only confuse.
        panel.dispose();
        return;
      }
      panels.adopt(panel, vscode.Uri.parse(parsed.data.uri, true));
    },
  };
}

function incidentPaths(workspace: IncidentWorkspace): string[] {
  const paths = new Set<string>();
  for (const state of workspace.all()) {
    for (const { path } of state.index.incidents()) {
      const uri = state.host.uriOf(path);
      // The workbench matches `resourcePath` against the path (remote) or the file system path (local).
      paths.add(uri.path);
      paths.add(uri.fsPath);
    }
  }
  return [...paths];
}

async function openTimeline(panels: TimelinePanels, workspace: IncidentWorkspace, target: unknown): Promise<void> {
  const given = targetUri(target);
  if (given && !(await isIncident(workspace, given))) {
    void vscode.window.showInformationMessage('The timeline opens for incident files: Markdown with front matter, such as incidents/2026-11-20-checkout.md.');
    return;
  }
  // From the palette: the incident in the editor, else ask which one.
  const active = vscode.window.activeTextEditor?.document.uri;
  const uri = given ?? (active && (await isIncident(workspace, active)) ? active : await pickIncident(workspace, 'Which incident’s timeline?'));
  if (uri) panels.open(uri);
}
