/**
 * Applies core edits to an incident through a `WorkspaceEdit` on its text
 * document: computed from the current text (unsaved typing included), so
 * only the lines the edit must change change, and undo restores them. A
 * document that had no unsaved changes is saved afterwards; one with unsaved
 * changes stays unsaved, so the user decides when their typing is written.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/edits/textEdit';
import { toWorkspaceEdit } from '../convert';
import type { Outcome } from './commandIds';

/** Computes the edits from the document's text, or says why it cannot. */
export type EditComputation = (text: string) => readonly TextEdit[] | string;

const ATTEMPTS = 3;

export async function editIncident(uri: vscode.Uri, compute: EditComputation, done: string): Promise<Outcome> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    return tell(`Could not open ${vscode.workspace.asRelativePath(uri)}.`, uri);
  }
  const wasDirty = document.isDirty;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const version = document.version;
    const result = compute(document.getText());
    if (typeof result === 'string') return tell(result, uri);
    // Typing between reading and applying moves the lines: read again.
    if (document.version !== version) continue;
    if (await vscode.workspace.applyEdit(toWorkspaceEdit(uri, result))) {
      if (!wasDirty) await document.save();
      vscode.window.setStatusBarMessage(`$(check) ${done}`, 5000);
      return { ok: true, message: done, uri: uri.toString() };
    }
  }
  return tell('The file kept changing while Incident Lens tried to edit it. Try again in a moment.', uri);
}

function tell(message: string, uri: vscode.Uri): Outcome {
  void vscode.window.showWarningMessage(message);
  return { ok: false, message, uri: uri.toString() };
}

export const UNREADABLE = 'Incident Lens could not make this change safely: the front matter may have a YAML error, or an unusual layout. Fix or edit it by hand, then try again.';
