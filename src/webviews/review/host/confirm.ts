/** Asks before a change that undoes a milestone (reopening a done review), as Set Status does before moving backwards. */
import * as vscode from 'vscode';
import type { Confirmation } from '../../../core/review/statusChange';

export async function confirmed(confirmation: Confirmation): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(confirmation.question, { modal: true, detail: confirmation.detail }, confirmation.button);
  return answer === confirmation.button;
}
