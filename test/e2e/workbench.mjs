// Driving the real workbench (code-server) in headless Chromium the way a
// user does: the command palette, quick open, the editor, and the timeline
// panel's webview, which lives in nested iframes (page.frames()).
import { setTimeout as sleep } from 'node:timers/promises';

const isMac = process.platform === 'darwin';
export const MOD = isMac ? 'Meta' : 'Control';

/** Waits until the workbench is up and the extension's view is contributed. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.part.activitybar a.action-label[aria-label^="Incidents"]').first().waitFor({ timeout: 60_000 });
}

/** F1, type, Enter on the item whose label contains `label`. */
export async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await item.waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
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
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate((wanted) => {
          const app = document.getElementById('timeline-app');
          return Boolean(app?.dataset.complete && app.querySelector('.incident-id')?.textContent === wanted);
        }, id)
        .catch(() => false);
      if (found) {
        // From here on, uncaught errors in the panel are kept for the suite to check.
        await frame.evaluate(() => {
          if (window.__errors) return;
          window.__errors = [];
          window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
          window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
        });
        return frame;
      }
    }
    if (Date.now() > deadline) throw new Error(`no timeline panel for ${id} within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
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
