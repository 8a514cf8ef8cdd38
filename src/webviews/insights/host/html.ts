/**
 * The panel's page: static markup, a strict content security policy with a
 * fresh nonce, the bundled script and stylesheet from the extension's media
 * folder, and the chart rules and fill patterns the HTML report uses too. No
 * incident text goes into this HTML; it arrives as data through postMessage.
 */
import * as vscode from 'vscode';
import { CHART_CSS, PATTERN_DEFS } from '../../../core/report/patterns';

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

/** 128 random bits, base64: a fresh nonce for every page. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

export function insightsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const media = mediaRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'insights.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'insights.css'));
  const pageNonce = nonce();
  const csp = [
    "default-src 'none'",
    // The chart rules are shared with the HTML report, so they come inline, with the nonce.
    `style-src ${webview.cspSource} 'nonce-${pageNonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${pageNonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<style nonce="${pageNonce}">${CHART_CSS}</style>
<title>Insights</title>
</head>
<body>
${PATTERN_DEFS}
<main id="insights-app" aria-busy="true"><p class="loading">Reading the incidents…</p></main>
<script nonce="${pageNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
