import * as vscode from 'vscode';
import { addServiceToCatalog, IncidentCodeActions } from './editor/codeActions';
import { FrontMatterCompletion } from './editor/completion';
import { importPostmortems } from './editor/importCommand';
import { IncidentDiagnostics } from './editor/diagnostics';
import { type HotspotsFeature, registerHotspots } from './editor/hotspots';
import { IncidentsTree } from './editor/incidentsTree';
import { IncidentWorkspace } from './editor/incidentWorkspace';
import { registerResponse, type ResponseApi } from './editor/response/register';
import { registerReview, type ReviewFeature } from './webviews/review/host/register';
import { registerInsights } from './webviews/insights/host/register';
import { registerTimeline, type TimelineFeature } from './webviews/timeline/host/register';
import { installClockFromEnvironment, NOW_VARIABLE } from './node/clock';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/** What the extension exposes to its integration tests and to other extensions. */
export interface IncidentLensApi {
  readonly workspace: IncidentWorkspace;
  readonly diagnostics: IncidentDiagnostics;
  readonly response: ResponseApi;
  readonly timeline: TimelineFeature;
  readonly hotspots: HotspotsFeature;
  /** The Incidents view itself (its badge counts active incidents). */
  readonly incidentsView: vscode.TreeView<unknown>;
  readonly review: ReviewFeature;
}

export function activate(context: vscode.ExtensionContext): IncidentLensApi {
  const output = vscode.window.createOutputChannel('Incident Lens');
  pinClockForTests(context, output);
  const workspace = new IncidentWorkspace(context.storageUri, (message) => output.appendLine(message));
  const diagnostics = new IncidentDiagnostics(workspace);
  const tree = new IncidentsTree(workspace);
  const treeView = vscode.window.createTreeView('incidentLens.incidents', { treeDataProvider: tree, showCollapseAll: true });
  const completion = new FrontMatterCompletion(workspace);

  context.subscriptions.push(
    workspace,
    diagnostics,
    tree,
    treeView,
    workspace.onDidChange(() => updateBadge(treeView, tree)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new IncidentCodeActions(workspace, diagnostics), { providedCodeActionKinds: IncidentCodeActions.kinds }),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, completion, ':', ' ', '-', '['),
    vscode.languages.registerHoverProvider(MARKDOWN, completion),
    vscode.commands.registerCommand('incidentLens.refresh', async () => {
      await workspace.start();
      diagnostics.lintOpenDocuments();
    }),
    vscode.commands.registerCommand('incidentLens.addServiceToCatalog', (catalog: vscode.Uri, service: string) => addServiceToCatalog(catalog, service)),
    output,
    vscode.commands.registerCommand('incidentLens.importPostmortem', () => importPostmortems(workspace, output)),
  );

  const hotspots = registerHotspots(context, workspace, (message) => output.appendLine(message));
  const response = registerResponse(context, workspace, tree);

  const timeline = registerTimeline(context, workspace);
  context.subscriptions.push(registerInsights(context, workspace));
  const review = registerReview(context, workspace);

  // Activation returns at once; the first scan fills the views and Problems when it is done.
  void workspace.start().then(() => {
    // Until the first scan is done, empty views say "reading", not "no incidents".
    void vscode.commands.executeCommand('setContext', 'incidentLens.ready', true);
    diagnostics.lintOpenDocuments();
  });
  return { workspace, diagnostics, response, hotspots, timeline, incidentsView: treeView, review };
}

function updateBadge(view: vscode.TreeView<unknown>, tree: IncidentsTree): void {
  const active = tree.activeCount();
  view.badge = active > 0 ? { value: active, tooltip: `${active} active ${active === 1 ? 'incident' : 'incidents'}` } : undefined;
}

/**
 * The test runners pin "now" with INCIDENT_LENS_NOW; an installed extension
 * (production mode) always uses the system clock.
 */
function pinClockForTests(context: vscode.ExtensionContext, output: vscode.OutputChannel): void {
  if (context.extensionMode === vscode.ExtensionMode.Production) return;
  try {
    const pinned = installClockFromEnvironment();
    if (pinned !== undefined) output.appendLine(`"Now" starts at ${new Date(pinned).toISOString()} (${NOW_VARIABLE}).`);
  } catch (error) {
    output.appendLine(error instanceof Error ? error.message : String(error));
  }
}

export function deactivate(): void {}
