/**
 * Wires the Insights panel into the editor: the Open Insights command and
 * the serializer that brings the panel back, with its filters, after a reload.
 */
import * as vscode from 'vscode';
import type { IncidentWorkspace } from '../../../editor/incidentWorkspace';
import { INSIGHTS_VIEW_TYPE, panelStateSchema } from '../protocol';
import { InsightsPanel } from './insightsPanel';

const OPEN_INSIGHTS_COMMAND = 'incidentLens.openInsights';

export function registerInsights(context: vscode.ExtensionContext, workspace: IncidentWorkspace): vscode.Disposable {
  let current: InsightsPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel, restored?: ConstructorParameters<typeof InsightsPanel>[4]): InsightsPanel => {
    current?.dispose();
    const insights = new InsightsPanel(panel, workspace, context.extensionUri, context.storageUri, restored);
    current = insights;
    insights.onDidDispose(() => {
      if (current === insights) current = undefined;
    });
    return insights;
  };
  return vscode.Disposable.from(
    // Returns the panel, so integration tests can watch what it renders.
    vscode.commands.registerCommand(OPEN_INSIGHTS_COMMAND, (): InsightsPanel => {
      if (current) {
        current.panel.reveal(undefined, false);
        return current;
      }
      return adopt(vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, 'Incident Insights', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {}));
    }),
    vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        // No saved state is fine: the panel shows every incident, unfiltered.
        const parsed = panelStateSchema.safeParse(state);
        adopt(panel, parsed.success ? { filters: parsed.data.filters, unit: parsed.data.unit ?? null } : {});
      },
    }),
    { dispose: () => current?.dispose() },
  );
}
