/** The insights panel's page (see ../../shared/page.ts for what every panel page holds). */
import type * as vscode from 'vscode';
import { CHART_CSS, PATTERN_DEFS } from '../../../core/report/patterns';
import { panelPage } from '../../shared/page';

export function insightsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  // The chart rules and fill patterns are shared with the HTML report, so they come inline, with the page's nonce.
  return panelPage(webview, extensionUri, {
    name: 'insights',
    title: 'Insights',
    appId: 'insights-app',
    loading: 'Reading the incidents…',
    images: true,
    inlineStyle: CHART_CSS,
    beforeApp: PATTERN_DEFS,
  });
}
