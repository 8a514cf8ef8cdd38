/**
 * Which incident a panel command is for: the file a menu passed, else the
 * active editor's or panel's file, else one the reader picks.
 */
import * as vscode from 'vscode';
import { splitFrontMatter } from '../../core/frontMatter';
import type { IncidentWorkspace } from '../../editor/incidentWorkspace';

/** The file a menu passed: a Uri (editor title) or an Incidents view item (which carries `uri`). */
export function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'object' && target !== null) {
    const { uri, resourceUri } = target as { uri?: unknown; resourceUri?: unknown };
    if (uri instanceof vscode.Uri) return uri;
    if (resourceUri instanceof vscode.Uri) return resourceUri;
  }
  return undefined;
}

export async function isIncident(workspace: IncidentWorkspace, uri: vscode.Uri): Promise<boolean> {
  const located = workspace.locate(uri);
  if (located?.state.index.isIncident(located.path)) return true;
  // Not indexed (yet): any Markdown file with front matter is an incident for the panels.
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    return document.languageId === 'markdown' && splitFrontMatter(document.getText()).kind === 'ok';
  } catch {
    return false;
  }
}

export async function pickIncident(workspace: IncidentWorkspace, placeHolder: string): Promise<vscode.Uri | undefined> {
  const items = workspace.all().flatMap((state) =>
    state.index.incidents().map(({ path, incident }) => ({
      label: incident.id ?? path,
      description: incident.title ?? '',
      detail: path,
      uri: state.host.uriOf(path),
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('There are no incidents in this workspace yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.uri;
}

/** The incident to act on, checked; undefined (after telling the reader why) when there is none. */
export async function resolveIncident(workspace: IncidentWorkspace, target: unknown, fallback: vscode.Uri | undefined, placeHolder: string): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const fromEditor = active?.languageId === 'markdown' ? active.uri : undefined;
  const uri = targetUri(target) ?? fallback ?? fromEditor ?? (await pickIncident(workspace, placeHolder));
  if (!uri) return undefined;
  if (!(await isIncident(workspace, uri))) {
    void vscode.window.showInformationMessage('Reviews are for incident files: Markdown with front matter, such as incidents/2026-11-20-checkout.md.');
    return undefined;
  }
  return uri;
}
