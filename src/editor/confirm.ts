/**
 * Asks before a change that undoes a milestone: moving an incident's
 * lifecycle backwards, reopening a done review. One modal question with one
 * button; closing it is a no.
 */
import * as vscode from 'vscode';

export interface Question {
  readonly question: string;
  readonly detail: string;
  readonly button: string;
}

export async function confirmed({ question, detail, button }: Question): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) === button;
}
