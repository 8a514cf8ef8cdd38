// Driving the real workbench (code-server) in headless Chromium the way a
// user does: the command palette, quick open, the editor, and the timeline
// panel's webview, which lives in nested iframes (page.frames()).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchChromium, prepareProfile, readTail, startCodeServer } from '../../scripts/editor/code-server.mjs';
import { ensureTestNow } from '../../scripts/test-day.mjs';

const isMac = process.platform === 'darwin';
export const MOD = isMac ? 'Meta' : 'Control';

/** Waits until the workbench is up and the extension's view is contributed. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.part.activitybar a.action-label[aria-label^="Incidents"]').first().waitFor({ timeout: 60_000 });
}

/** F1, type, Enter on the item whose label contains `label`. */
export async function runCommand(page, label) {
  await startCommand(page, label);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
}

/** Like runCommand, without waiting for the palette to close: for a command that asks at once (its prompt reuses the widget). */
export async function startCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  // Enter runs the focused row: wait until the list has caught up with the typing and focuses this command.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ timeout: 15_000 });
  await input.press('Enter');
}

/** Opens a file by name through quick open (F1, then drop the `>`). */
export async function openFile(page, fileName) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${fileName}"]`).first().waitFor({ timeout: 20_000 });
}

/** Puts the keyboard focus in the text editor showing `fileName`. */
export async function focusEditor(page, fileName) {
  await page.locator(`.tabs-container .tab[aria-label^="${fileName}"]`).first().click();
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await editor.click({ position: { x: 5, y: 5 } });
  await sleep(150);
}

/** The frame that holds the timeline panel for incident `id` (the innermost webview frame). */
export async function timelineFrame(page, id, timeoutMs = 30_000) {
  const probe = (wanted) => {
    const app = document.getElementById('timeline-app');
    return Boolean(app?.dataset.complete && app.querySelector('.incident-id')?.textContent === wanted);
  };
  // From then on, uncaught errors in the panel are kept for the suite to check.
  return webviewFrame(page, probe, id, { timeoutMs, what: `timeline panel for ${id}` });
}

/** Polls until `check` returns a truthy value (or throws its last error). */
export async function eventually(check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition not met in time');
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(200);
  }
}

/** Opens the workbench on `folder` with the development build of the extension at `extensionPath`, as the suites load it (no .vsix needed). */
export async function openWorkbench(page, server, folder, extensionPath) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionPath}`]];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await waitForWorkbench(page);
}

/** Clicks the quick pick (or quick open) row whose text contains `label`. */
export async function pickItem(page, label, timeoutMs = 15_000) {
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await item.waitFor({ timeout: timeoutMs });
  await item.click();
}

/**
 * The webview frame for which `probe(arg)`, run inside each frame, is true (the innermost frame
 * of a panel, once it has rendered). Uncaught errors in it are kept in window.__errors from then on.
 */
export async function webviewFrame(page, probe, arg, { timeoutMs = 45_000, what = 'the panel' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.evaluate(probe, arg).catch(() => false)) {
        await frame.evaluate(() => {
          if (window.__errors) return;
          window.__errors = [];
          window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
          window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
        });
        return frame;
      }
    }
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s; ${await onScreen(page)}`);
    await sleep(250);
  }
}

/** What the workbench shows, for a failure message: tabs, notifications, an open quick input, and each frame's app root. */
async function onScreen(page) {
  const workbench = await page
    .evaluate(() => {
      const texts = (selector) => Array.from(document.querySelectorAll(selector), (element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 120));
      const quickInput = document.querySelector('.quick-input-widget');
      return {
        tabs: texts('.tabs-container .tab'),
        notifications: texts('.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message'),
        quickInput: quickInput && getComputedStyle(quickInput).display !== 'none' ? texts('.quick-input-title, .quick-input-list .monaco-list-row').slice(0, 5) : [],
      };
    })
    .catch((error) => ({ unreadable: String(error) }));
  const apps = [];
  for (const frame of page.frames()) {
    const app = await frame
      .evaluate(() => {
        const root = /** @type {HTMLElement | null} */ (document.querySelector('[id$="-app"]'));
        return root ? `${root.id} ${JSON.stringify({ ...root.dataset })} "${(root.textContent ?? '').trim().slice(0, 80)}"` : undefined;
      })
      .catch(() => undefined);
    if (app) apps.push(app);
  }
  const screenshot = join(tmpdir(), `incident-lens-e2e-failure-${Date.now()}.png`);
  await page.screenshot({ path: screenshot }).catch(() => {});
  return `${JSON.stringify({ ...workbench, apps, consoleErrors: workbenchErrors.get(page)?.slice(-8) ?? [] })} (screenshot: ${screenshot})`;
}

/** The workbench's own console errors, per page, for failure messages. */
const workbenchErrors = new WeakMap();

/** Throws `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * A small runner: `test(name, body)` runs and prints one test; `finish(code)` runs `cleanup(code)`
 * once, prints `N passed, N failed` as the last line and exits; `fail()` counts a failure outside a test.
 */
export function createRunner(cleanup) {
  let passed = 0;
  let failed = 0;
  let finishing;
  const runner = {
    get failed() {
      return failed;
    },
    fail() {
      failed += 1;
    },
    async test(name, body) {
      const started = Date.now();
      try {
        await body();
        passed += 1;
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
        return true;
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${name}\n      ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').slice(0, 6).join('\n      ')}`);
        return false;
      }
    },
    finish(code) {
      finishing ??= (async () => {
        await cleanup(code);
        console.log(`${passed} passed, ${failed} failed`);
        process.exit(code);
      })();
      return finishing;
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void runner.finish(130));
  return runner;
}

/**
 * One suite's run: a temp folder for the suite's `workspace/` and an editor profile, and a runner whose
 * cleanup closes the browser and the editor, keeping the folder (and saying where) when asked to or
 * when a test failed. `open(viewport)` starts the editor and the browser and returns a new page;
 * `abort(error)` reports an error outside the tests with the end of the editor's log, and finishes.
 */
export function createSession(name, { keep, say }) {
  // The extension and the example workspace share the suite's pinned "now".
  say(`now is ${ensureTestNow()}`);
  const tmp = mkdtempSync(join(tmpdir(), `incident-lens-${name}-e2e-`));
  const workspace = join(tmp, 'workspace');
  const profile = prepareProfile(join(tmp, 'profile'));
  const session = {
    tmp,
    workspace,
    profile,
    server: undefined,
    browser: undefined,
    runner: createRunner(async (code) => {
      await session.browser?.close().catch(() => {});
      await session.server?.stop();
      if (keep || code !== 0) say(`kept ${tmp} (code-server log: ${profile.logFile})`);
      else rmSync(tmp, { recursive: true, force: true });
    }),
    async open(viewport) {
      session.server = await startCodeServer(profile, { smokeTestDriver: true });
      say(`code-server on ${session.server.url}`);
      session.browser = await launchChromium();
      return session.browser.newPage({ viewport });
    },
    async abort(error) {
      console.error(`[e2e] ${error instanceof Error ? error.stack : error}`);
      console.error(readTail(profile.logFile));
      session.runner.fail();
      await session.runner.finish(1);
    },
  };
  return session;
}

// ---- Hostile content: what the page and each webview frame let happen ----

/**
 * Keeps, from now on, what hostile content could make the page do: dialogs (dismissed at once),
 * uncaught errors from any frame, requests to any host but the editor's, and the CSP violations
 * the browser reports on the console of a webview frame (these are seen while a panel loads,
 * before any listener in the page could be).
 */
export function watchPage(page) {
  const seen = { dialogs: [], pageErrors: [], cspReports: [], requests: [] };
  // The editor runs on 127.0.0.1 and serves a webview's own files (media/) as *.vscode-resource.vscode-cdn.net
  // through its service worker; a request anywhere else is something loaded from data.
  page.on('request', (request) => {
    const url = request.url();
    if (/^(https?|wss?|ftp):/i.test(url) && !/^[a-z]+:\/\/(127\.0\.0\.1|localhost|[^/]+\.vscode-resource\.vscode-cdn\.net)[:/]/i.test(url)) seen.requests.push(url.slice(0, 120));
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => seen.pageErrors.push(error));
  workbenchErrors.set(page, []);
  page.on('console', (message) => {
    if (message.type() === 'error') workbenchErrors.get(page).push(message.text().slice(0, 200));
  });
  page.on('console', (message) => {
    const url = message.location().url ?? '';
    if (/Content Security Policy/i.test(message.text()) && /vscode-resource|webview/.test(url)) seen.cspReports.push(`${message.text().slice(0, 160)} (${url.slice(-60)})`);
  });
  return seen;
}

/** Listens in a webview frame, once: uncaught errors go to window.__errors, CSP violations to window.__violations. */
export async function watchFrame(frame) {
  await frame.evaluate(() => {
    if (!window.__errors) {
      window.__errors = [];
      window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
      window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
    }
    if (!window.__violations) {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    }
  });
}

/** The frames (any, the workbench's included) where a payload ran: window.__pwned set, or a title it wrote. */
export async function pwnedFrames(page) {
  const found = [];
  for (const frame of page.frames()) {
    const state = await frame.evaluate(() => ({ pwned: window.__pwned ?? null, title: document.title })).catch(() => null);
    if (state && (state.pwned !== null || state.title === 'pwned')) found.push(`${frame.url().slice(0, 80)}: ${JSON.stringify(state)}`);
  }
  return found;
}

/**
 * What a panel's page holds after rendering hostile content, for the checks: its scripts (only
 * `script`, its own, plus the one VS Code adds), event-handler, style and loading attributes, and
 * elements that only markup from data could create inside `root`. `ownSvg` matches the SVG the
 * panel draws itself (charts); every other svg counts as from data.
 */
export async function domReport(frame, { root, ownSvg = null }) {
  return frame.evaluate(
    ({ root, ownSvg }) => {
      const all = Array.from(document.querySelectorAll('*'));
      const app = document.querySelector(root);
      const inApp = app ? Array.from(app.querySelectorAll('*')) : [];
      const fromData = inApp.filter((element) => {
        if (/^(svg|circle|rect|path|g|line|text|defs|pattern|use|image|foreignobject)$/i.test(element.tagName)) return !(ownSvg && element.closest(ownSvg));
        return /^(script|style|link|meta|base|img|picture|source|video|audio|iframe|frame|object|embed|a|b|i|marquee|math|template|noscript|area|map)$/i.test(element.tagName) || (element.tagName === 'FORM' && element.hasAttribute('action'));
      });
      return {
        found: Boolean(app),
        title: document.title,
        scripts: Array.from(document.scripts).filter((script) => script.src).map((script) => script.src.split('/').pop()),
        inline: Array.from(document.scripts).filter((script) => !script.src && (!/acquireVsCodeApi/.test(script.textContent ?? '') || /pwned|alert\(/.test(script.textContent ?? ''))).length,
        handlers: all.filter((element) => Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name))).map((element) => element.outerHTML.slice(0, 80)),
        loading: inApp.filter((element) => ['href', 'src', 'srcdoc', 'xlink:href', 'formaction', 'background', 'poster'].some((name) => element.hasAttribute(name))).map((element) => element.outerHTML.slice(0, 80)),
        // VS Code puts the theme's variables in <html style>; the panel sets positions through CSSOM, never from data.
        styled: inApp.filter((element) => /url\(|expression|javascript:|@import|display:\s*none/i.test(element.getAttribute('style') ?? '')).map((element) => element.outerHTML.slice(0, 80)),
        fromData: fromData.map((element) => element.outerHTML.slice(0, 80)),
        styleSheets: Array.from(document.querySelectorAll('style')).filter((style) => /evil\.example|display: none !important|@import/.test(style.textContent ?? '')).length,
        bodyVisible: getComputedStyle(document.body).display !== 'none' && getComputedStyle(document.body).visibility !== 'hidden',
      };
    },
    { root, ownSvg },
  );
}

/** Everything a panel shows as text inside `root`: its text, form values and options, tooltips and accessible names. */
export async function shownText(frame, root) {
  return frame.evaluate((root) => {
    const app = document.querySelector(root);
    if (!app) return [];
    const texts = [app.textContent ?? ''];
    for (const element of app.querySelectorAll('input, textarea, select')) texts.push(element.value);
    for (const element of app.querySelectorAll('option')) texts.push(element.textContent ?? '');
    for (const element of app.querySelectorAll('[title], [aria-label]')) texts.push(element.getAttribute('title') ?? '', element.getAttribute('aria-label') ?? '');
    return texts;
  }, root);
}
