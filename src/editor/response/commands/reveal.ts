/** Opens an incident at a line (and, given `find`, at the first match of that text from there). */
import * as vscode from 'vscode';
import { uriFromArgument } from '../incidentTarget';

const FIND_WITHIN_LINES = 200;

export async function revealInIncident(target: unknown, line = 0, character = 0, find?: string): Promise<void> {
  const uri = uriFromArgument(target);
  if (!uri) return;
  const document = await vscode.workspace.openTextDocument(uri);
  let range = new vscode.Range(line, character, line, character);
  if (find) {
    for (let at = line; at < Math.min(document.lineCount, line + FIND_WITHIN_LINES); at++) {
      const column = document.lineAt(at).text.indexOf(find);
      if (column >= 0) {
        range = new vscode.Range(at, column, at, column + find.length);
        break;
      }
    }
  }
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
