/** "Link Selection to Incident…": adds a code link (path, lines, a pattern from the selection) to a chosen incident. */
import * as vscode from 'vscode';
import { appendCodeLink } from '../../core/codeLinkEdit';
import { isActive } from '../../core/activeStatuses';
import { toWorkspaceEdit } from '../convert';
import type { IncidentWorkspace } from '../incidentWorkspace';

export async function linkSelectionToIncident(workspace: IncidentWorkspace): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Linking code changes an incident file, which Incident Lens does not do in an untrusted workspace.');
    return;
  }
  const located = workspace.locate(editor.document.uri);
  if (!located) {
    void vscode.window.showInformationMessage('Open a file inside a workspace folder to link it to an incident.');
    return;
  }
  const { state, path } = located;
  const incidents = state.index
    .incidents()
    .filter(({ incident }) => incident.id)
    .sort((a, b) => Number(isActive(b.incident)) - Number(isActive(a.incident)) || (b.incident.started?.epochMs ?? 0) - (a.incident.started?.epochMs ?? 0));
  if (incidents.length === 0) {
    void vscode.window.showInformationMessage('There are no incidents in this folder yet.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    incidents.map((file) => ({ label: file.incident.id!, description: `${file.incident.severity ?? ''} · ${file.incident.status ?? ''}`, detail: file.incident.title, file })),
    { title: `Link ${path} to which incident?`, matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const selection = editor.selection;
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  const pattern = patternFrom(editor.document, selection.start.line, endLine);
  const target = state.host.uriOf(picked.file.path);
  const document = await vscode.workspace.openTextDocument(target);
  const edit = appendCodeLink(document.getText(), { path, lines: { start: selection.start.line + 1, end: endLine + 1 }, pattern });
  if (!edit) {
    void vscode.window.showWarningMessage(`${picked.label}'s front matter could not be read, so the link was not added. Fix the problems shown for it first.`);
    return;
  }
  await vscode.workspace.applyEdit(toWorkspaceEdit(target, [edit]));
  void vscode.window.showInformationMessage(`Linked ${path}:${selection.start.line + 1}-${endLine + 1} to ${picked.label}.`);
}

/** The first non-blank line of the selection, trimmed: text that anchors the link when lines move. */
function patternFrom(document: vscode.TextDocument, start: number, end: number): string | undefined {
  for (let line = start; line <= end; line++) {
    const text = document.lineAt(line).text.trim();
    if (text.length >= 4) return text.slice(0, 80);
  }
  return undefined;
}
