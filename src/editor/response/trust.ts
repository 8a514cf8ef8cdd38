/** Restricted Mode: views stay readable, and commands that write say why they do not. */
import * as vscode from 'vscode';
import type { Outcome } from './commandIds';

const MANAGE = 'Manage Workspace Trust';

/**
 * Undefined when the workspace is trusted. Otherwise tells the user, kindly,
 * why nothing was written (`what`: "declare an incident") and returns that.
 */
export function refuseIfUntrusted(what: string): Outcome | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  const message = `This folder is open in Restricted Mode, so Incident Lens only reads it and cannot ${what}. Trust the folder to make changes.`;
  void vscode.window.showInformationMessage(message, MANAGE).then((choice) => {
    if (choice === MANAGE) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return { ok: false, message };
}
