/**
 * The review panel's page: static markup, a strict content security policy
 * with a fresh nonce, and the bundled script and style from the media
 * folder. No incident text ever goes into this HTML; it arrives as data
 * through postMessage and becomes DOM text.
 */
import * as vscode from 'vscode';
import { mediaRoot } from '../../timeline/host/html';

/** 128 random bits, base64: a fresh nonce for every page. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

export function reviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const media = mediaRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'review.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'review.css'));
  const scriptNonce = nonce();
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${scriptNonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Review</title>
</head>
<body>
<main id="review-app" aria-busy="true"><p class="loading">Loading the review…</p></main>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
