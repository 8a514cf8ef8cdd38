/** Opens a link from the incident's body: web and mail addresses only, and only after the reader says yes. */
import * as vscode from 'vscode';
import { safeLink } from '../../../core/safeLink';

export async function openBodyLink(url: string): Promise<void> {
  const link = safeLink(url);
  if (!link) {
    void vscode.window.showWarningMessage('Only web and mail links (http, https, mailto) open from the review.');
    return;
  }
  const choice = await vscode.window.showInformationMessage('Open this link outside the editor?', { modal: true, detail: link }, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(link, true));
}
