/** The timeline panel's page (see ../../shared/page.ts for what every panel page holds). */
import type * as vscode from 'vscode';
import { panelPage } from '../../shared/page';

export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  // Kind icons are SVG masks in the stylesheet.
  return panelPage(webview, extensionUri, { name: 'timeline', title: 'Timeline', appId: 'timeline-app', loading: 'Loading the timeline…', images: true });
}
