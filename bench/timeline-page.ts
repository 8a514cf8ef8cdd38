/**
 * The timeline webview's script and stylesheet in headless Chromium, outside
 * the editor: a page at a made-up origin whose files are served from memory,
 * with a stub `acquireVsCodeApi`. Used by the benchmark.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.join(__dirname, '..');
export const ORIGIN = 'http://timeline.bench';

/** The panel's script as `npm run package` ships it: bundled and minified. */
export async function bundleScript(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/webviews/timeline/main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

// Serialized into the page by page.evaluate: it must stand alone.
declare function nextFrameLaidOut(start: number): Promise<number>;

/** Defines `nextFrameLaidOut` in the page, for the functions above and the bench. */
export const FRAME_HELPER = `window.nextFrameLaidOut = (start) => new Promise((resolve) => requestAnimationFrame(() => { void document.body.offsetHeight; resolve(performance.now() - start); }));`;

/** Dark theme colors, so the page lays out and paints as it does in the editor. */
const THEME = `:root{--vscode-font-family:system-ui,sans-serif;--vscode-font-size:13px;--vscode-editor-font-family:monospace;--vscode-foreground:#ccc;--vscode-editor-background:#1e1e1e;--vscode-descriptionForeground:#999;--vscode-charts-red:#f14c4c;--vscode-charts-orange:#d18616;--vscode-charts-blue:#3794ff;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#cca700;--vscode-charts-green:#89d185;--vscode-textLink-foreground:#3794ff;--vscode-focusBorder:#007fd4;--vscode-panel-border:#444;--vscode-button-background:#0e639c;--vscode-button-foreground:#fff;--vscode-input-background:#3c3c3c;--vscode-input-foreground:#ccc;--vscode-list-hoverBackground:#2a2d2e;--vscode-badge-background:#4d4d4d;--vscode-badge-foreground:#fff}`;

const HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="timeline.css"><link rel="stylesheet" href="theme.css"></head>
<body><main id="timeline-app" aria-busy="true"></main>
<script>${FRAME_HELPER}</script>
<script>window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });</script>
<script src="timeline.js"></script></body></html>`;

/** A fresh page with the panel loaded and its `ready` sent. */
export async function openPanelPage(browser: Browser, script: string, size = { width: 1100, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: HTML });
    if (name === 'timeline.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (name === 'theme.css') return route.fulfill({ contentType: 'text/css', body: THEME });
    if (name === 'timeline.css' || /^timeline-icons\/[a-z]+\.svg$/.test(name)) {
      return route.fulfill({ contentType: name.endsWith('.css') ? 'text/css' : 'image/svg+xml', body: readFileSync(path.join(ROOT, 'media', name)) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  return page;
}

/**
 * Posts a render message and measures, in the page, from posting to the next
 * animation frame after the DOM is built, with that DOM's style and layout
 * forced there (so they count; painting a screenful is what remains).
 */
export function timeRender(page: Page, message: unknown): Promise<number> {
  return page.evaluate(async (payload) => {
    const start = performance.now();
    const rendered = new Promise((resolve) => document.addEventListener('timeline:rendered', resolve, { once: true }));
    window.postMessage(payload, '*');
    await rendered;
    return nextFrameLaidOut(start);
  }, message);
}
