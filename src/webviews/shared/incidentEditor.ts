/**
 * The incident's text editor beside a panel: the panels edit the file
 * through the editor, so what they change is seen, saved and undone there.
 */
import * as vscode from 'vscode';

function visibleEditor(uri: vscode.Uri): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
}

/**
 * An edit leaves the file unsaved; where no editor shows it, one opens next
 * to the panel (keeping the focus in the panel), so the change is never
 * pending out of sight.
 */
export async function showEditedDocument(panel: vscode.WebviewPanel, document: vscode.TextDocument): Promise<void> {
  if (visibleEditor(document.uri)) return;
  const column = panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: true, preview: false });
}

/** Shows a place in the incident (a line, or part of one, selected) in its editor, or in the first column. */
export async function revealInEditor(uri: vscode.Uri, line: number, character = 0, endCharacter = character): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const lineNumber = Math.min(line, document.lineCount - 1);
  const lineLength = document.lineAt(lineNumber).text.length;
  const range = new vscode.Range(lineNumber, Math.min(character, lineLength), lineNumber, Math.min(endCharacter, lineLength));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visibleEditor(uri)?.viewColumn ?? vscode.ViewColumn.One, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
