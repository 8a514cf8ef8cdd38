/** The review panel's page (see ../../shared/page.ts for what every panel page holds). */
import type * as vscode from 'vscode';
import { panelPage } from '../../shared/page';

export function reviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return panelPage(webview, extensionUri, { name: 'review', title: 'Review', appId: 'review-app', loading: 'Loading the review…' });
}
