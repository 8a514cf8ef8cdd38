/** Opens an evidence link from the panel: web and mail links only, and only after the user says yes. */
import * as vscode from 'vscode';
import { safeLink } from '../../../core/safeLink';

export async function openEvidence(url: string): Promise<void> {
  const link = safeLink(url);
  if (!link) {
    void vscode.window.showWarningMessage('Only web and mail links (http, https, mailto) open from the timeline.');
    return;
  }
  const choice = await vscode.window.showInformationMessage('Open this evidence link outside the editor?', { modal: true, detail: link }, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(link, true));
}
