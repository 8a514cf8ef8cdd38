/** Opens an evidence link from the panel: web links only, and only after the user says yes. */
import * as vscode from 'vscode';
import { webLink } from '../../../core/timeline/links';

export async function openEvidence(url: string): Promise<void> {
  const link = webLink(url);
  if (!link) {
    void vscode.window.showWarningMessage('Only web links (http or https) open from the timeline.');
    return;
  }
  const choice = await vscode.window.showInformationMessage('Open this evidence link in your browser?', { modal: true, detail: link }, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(link, true));
}
