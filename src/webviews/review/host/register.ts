/**
 * Wires the review into the editor: the Open Review command (editor title,
 * Incidents view, command palette), Export Review…, and the serializer that
 * brings panels back after a reload. The editor title button shows on
 * incident files through the context key the timeline keeps.
 */
import * as vscode from 'vscode';
import type { IncidentWorkspace } from '../../../editor/incidentWorkspace';
import { panelStateSchema, REVIEW_VIEW_TYPE } from '../protocol';
import { exportReview, type ExportChoices } from './exportCommand';
import { resolveIncident } from '../../shared/incidentTarget';
import { EXPORT_REVIEW_COMMAND, type ReviewPanel } from './reviewPanel';
import { ReviewPanels } from './reviewPanels';

const OPEN_REVIEW_COMMAND = 'incidentLens.openReview';

/** The review's open panels, and the serializer registered for them (for tests: the one the editor calls after a reload). */
export interface ReviewFeature {
  readonly panels: ReviewPanels;
  readonly serializer: vscode.WebviewPanelSerializer;
}

export function registerReview(context: vscode.ExtensionContext, workspace: IncidentWorkspace): ReviewFeature {
  const panels = new ReviewPanels(context.extensionUri);
  const serializer = reviewSerializer(panels);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(OPEN_REVIEW_COMMAND, async (target?: unknown): Promise<ReviewPanel | undefined> => {
      const uri = await resolveIncident(workspace, target, undefined, 'Which incident do you want to review?');
      return uri ? panels.open(uri) : undefined;
    }),
    vscode.commands.registerCommand(EXPORT_REVIEW_COMMAND, async (target?: unknown, choices?: ExportChoices): Promise<vscode.Uri | undefined> => {
      const uri = await resolveIncident(workspace, target, panels.active()?.uri, 'Which incident’s review do you want to export?');
      return uri ? exportReview(uri, choices) : undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, serializer),
  );
  return { panels, serializer };
}

/** Brings a review panel back after a reload, for the incident its webview state names. */
function reviewSerializer(panels: ReviewPanels): vscode.WebviewPanelSerializer {
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
