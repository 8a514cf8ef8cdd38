/**
 * The page every panel starts from: static markup, a strict content security
 * policy with a fresh nonce, and the panel's bundled script and stylesheet
 * from the extension's media folder. No incident text ever goes into this
 * HTML; it arrives as data through postMessage and becomes DOM text.
 */
import * as vscode from 'vscode';

function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** Scripts on, and nothing but the extension's media folder loadable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

/** 128 random bits, base64: a fresh nonce for every page. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

export interface PageParts {
  /** `media/NAME.js` and `media/NAME.css`. */
  readonly name: string;
  readonly title: string;
  /** The app's root element id, and what it says until the first render. */
  readonly appId: string;
  readonly loading: string;
  /** Images from the media folder (icons as SVG masks in the stylesheet). */
  readonly images?: boolean;
  /** Static rules and markup from the extension's own code, let in with the page's nonce. */
  readonly inlineStyle?: string;
  readonly beforeApp?: string;
}

export function panelPage(webview: vscode.Webview, extensionUri: vscode.Uri, parts: PageParts): string {
  const media = mediaRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, `${parts.name}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, `${parts.name}.css`));
  const pageNonce = nonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}${parts.inlineStyle ? ` 'nonce-${pageNonce}'` : ''}`,
    `font-src ${webview.cspSource}`,
    ...(parts.images ? [`img-src ${webview.cspSource}`] : []),
    `script-src 'nonce-${pageNonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
${parts.inlineStyle ? `<style nonce="${pageNonce}">${parts.inlineStyle}</style>\n` : ''}<title>${parts.title}</title>
</head>
<body>
${parts.beforeApp ? `${parts.beforeApp}\n` : ''}<main id="${parts.appId}" aria-busy="true"><p class="loading">${parts.loading}</p></main>
<script nonce="${pageNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
