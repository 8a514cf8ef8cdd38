// End-to-end: the timeline panel in a real VS Code (code-server) driven by
// headless Chromium, as a user drives it. Builds nothing: run `npm run build`
// first (the extension and media/timeline.js).
//
//   node test/e2e/run.mjs [--keep] [--screenshot FILE]
//
// - opens the panel from the command palette (F1, the command's title, Enter),
// - edits one entry's text in the panel with the keyboard and checks that the
//   file changed on that line only, then undoes in the editor (Ctrl+Z) and
//   checks the panel shows the old text again,
// - deletes an entry with the Delete key and restores it with the panel's Undo,
// - opens a panel on an incident full of injection payloads (script tags,
//   event-handler attributes, javascript: links, </script> in YAML strings,
//   CSS injection, a very long line) and checks nothing ran: no dialog, no
//   changed title, no window.__pwned, no CSP violation, no markup from data;
// - saves a screenshot of the panel (docs/images/timeline-panel.png).
//
// The last line is `N passed, N failed`; the exit code is 0 only if all passed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ensureEditor, repoRoot } from '../../scripts/editor/ensure-editor.mjs';
import { EVIDENCE, LONG_TEXT, PAYLOADS, payloadIncident, withExtraEntry } from './payloads.mjs';
import { check, createSession, eventually, focusEditor, MOD, openFile, openWorkbench, runCommand, startCommand, timelineFrame, watchPage } from './workbench.mjs';

const { values } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    screenshot: { type: 'string', default: join(repoRoot, 'docs', 'images', 'timeline-panel.png') },
  },
});

const say = (message) => console.log(`[e2e] ${message}`);
for (const built of ['dist/extension.js', 'media/timeline.js']) {
  if (!existsSync(join(repoRoot, built))) {
    console.error(`[e2e] ${built} is missing: run npm run build first`);
    process.exit(2);
  }
}

const EXAMPLE = '2026-09-22-checkout-latency-cache-ttl.md';
const PAYLOAD_FILE = '2026-11-21-payloads.md';
const EDITED_FROM = 'Status page: checkout is slow, orders are going through';
const EDITED_TO = 'Status page: checkout slow; orders still go through';

ensureEditor();
const session = createSession('timeline', { keep: values.keep, say });
const { workspace } = session;
mkdirSync(join(workspace, 'incidents'), { recursive: true });
const examplePath = join(workspace, 'incidents', EXAMPLE);
const payloadPath = join(workspace, 'incidents', PAYLOAD_FILE);
const original = readFileSync(join(repoRoot, 'examples', 'workspace', 'incidents', EXAMPLE), 'utf8');
writeFileSync(examplePath, original);
writeFileSync(payloadPath, payloadIncident());

const { runner } = session;
const { test, finish } = runner;

try {
  const page = await session.open({ width: 1500, height: 900 });
  // Dialogs, errors from every frame (the panel's carry its script's name in their stack) and the CSP
  // violations the browser reports while a panel loads, before any in-page listener could see them.
  const { dialogs, pageErrors, cspReports } = watchPage(page);
  // The development build of the extension, as the integration tests load it (no .vsix needed).
  await openWorkbench(page, session.server, workspace, repoRoot);
  const workbenchTitle = await page.title();
  say('workbench ready');

  let frame;
  await test('Open Timeline from the command palette opens the panel beside the incident', async () => {
    await openFile(page, EXAMPLE);
    // The editor title offers it on an incident file too.
    await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Open Timeline"]').waitFor({ timeout: 20_000 });
    await runCommand(page, 'Incident Lens: Open Timeline');
    frame = await timelineFrame(page, 'INC-2026-014');
    const rows = await frame.locator('li.row.entry').count();
    check(rows === 11, `11 entry rows, saw ${rows}`);
    const phase = await frame.locator('li.row.phase', { hasText: 'time to detect' }).textContent();
    check(phase.includes('7 min'), `phase row says 7 min: ${phase}`);
    check((await frame.locator('li.row.gap').count()) > 0, 'a quiet gap is folded and labelled');
    check((await page.locator('.tabs-container .tab', { hasText: 'Timeline · INC-2026-014' }).count()) === 1, 'a "Timeline · INC-2026-014" tab');
  });

  await test('a screenshot of the panel for the README', async () => {
    mkdirSync(dirname(resolve(values.screenshot)), { recursive: true });
    // The editor and the panel side by side, without the Explorer.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await frame.locator('li.row.entry', { hasText: 'Miss rate doubled' }).hover();
    await sleep(500);
    await page.screenshot({ path: resolve(values.screenshot) });
    check(existsSync(resolve(values.screenshot)), 'screenshot written');
  });

  await test('editing one entry\'s text in the panel changes that line of the file only', async () => {
    const row = frame.locator('li.row.entry', { hasText: EDITED_FROM });
    await row.click();
    await page.keyboard.press('Enter');
    const text = frame.locator('form.entry-form input[name="text"]');
    await text.waitFor();
    check((await text.inputValue()) === EDITED_FROM, 'the form holds the entry\'s text');
    await text.fill(EDITED_TO);
    await page.keyboard.press('Enter');
    await frame.locator('li.row.entry .text', { hasText: EDITED_TO }).waitFor({ timeout: 15_000 });
    check((await frame.locator('li.row.entry .text', { hasText: EDITED_FROM }).count()) === 0, 'the old text is gone from the panel');

    await focusEditor(page, EXAMPLE);
    await page.keyboard.press(`${MOD}+s`);
    const saved = await eventually(() => {
      const now = readFileSync(examplePath, 'utf8');
      return now !== original && now;
    });
    const before = original.split('\n');
    const after = saved.split('\n');
    check(after.length === before.length, `same number of lines (${before.length} → ${after.length})`);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    check(changed.length === 1, `one line changed, saw ${changed.length}: ${changed.join(', ')}`);
    check(after[changed[0]] === before[changed[0]].replace(`"${EDITED_FROM}"`, `"${EDITED_TO}"`), `the line reads: ${after[changed[0]]}`);
  });

  await test('undo in the editor brings the old text back to the panel', async () => {
    await focusEditor(page, EXAMPLE);
    await page.keyboard.press(`${MOD}+z`);
    await frame.locator('li.row.entry .text', { hasText: EDITED_FROM }).waitFor({ timeout: 15_000 });
    check((await frame.locator('li.row.entry .text', { hasText: EDITED_TO }).count()) === 0, 'the edited text is gone');
    await page.keyboard.press(`${MOD}+s`);
    await eventually(() => readFileSync(examplePath, 'utf8') === original);
  });

  await test('Delete removes an entry from the keyboard, and the panel\'s Undo restores it', async () => {
    const row = frame.locator('li.row.entry', { hasText: 'Revert only the TTL change' });
    await row.click();
    await page.keyboard.press('Delete');
    await eventually(async () => (await frame.locator('li.row.entry', { hasText: 'Revert only the TTL change' }).count()) === 0);
    const undo = frame.locator('.notice button', { hasText: 'Undo' });
    await undo.waitFor();
    await undo.click();
    await frame.locator('li.row.entry', { hasText: 'Revert only the TTL change' }).waitFor({ timeout: 15_000 });
    await focusEditor(page, EXAMPLE);
    await page.keyboard.press(`${MOD}+s`);
    await eventually(() => readFileSync(examplePath, 'utf8') === original);
  });

  await test('filters by kind and person, search, and an entry added from the keyboard', async () => {
    const visible = () => frame.evaluate(() => Array.from(document.querySelectorAll('li.row.entry')).filter((row) => !(/** @type {HTMLElement} */ (row).hidden)).length);
    await frame.locator('#filter-kind').selectOption('diagnosis');
    check((await visible()) === 2, `two diagnosis entries, saw ${await visible()}`);
    await frame.locator('#filter-kind').selectOption('');
    await frame.locator('#filter-who').selectOption('Priya Shah');
    check((await visible()) === 3, `three entries by Priya Shah, saw ${await visible()}`);
    await frame.locator('#filter-who').selectOption('');
    await frame.locator('li.row.entry', { hasText: 'Slow spans are price quotes' }).click();
    await page.keyboard.press('/');
    await page.keyboard.type('revert');
    await eventually(async () => (await visible()) === 2);
    await frame.locator('#filter-search').fill('');
    await eventually(async () => (await visible()) === 11);

    await frame.locator('li.row.entry', { hasText: 'Slow spans are price quotes' }).click();
    await page.keyboard.press('a');
    const form = frame.locator('.add-slot form');
    await form.waitFor();
    await form.locator('input[name="at"]').fill('14:20');
    await form.locator('input[name="who"]').fill('Priya Shah');
    await form.locator('input[name="text"]').fill('Paged the pricing team');
    await form.locator('input[name="text"]').press('Enter');
    await frame.locator('li.row.entry', { hasText: 'Paged the pricing team' }).waitFor({ timeout: 15_000 });
    const order = await frame.locator('li.row.entry .text').allTextContents();
    const at = order.indexOf('Paged the pricing team');
    check(order[at - 1]?.startsWith('Slow spans are price quotes'), `the new entry follows 14:18: ${order.slice(at - 1, at + 2).join(' | ')}`);

    await focusEditor(page, EXAMPLE);
    await page.keyboard.press(`${MOD}+s`);
    const saved = await eventually(() => {
      const now = readFileSync(examplePath, 'utf8');
      return now !== original && now;
    });
    const added = saved.split('\n').filter((line) => !original.split('\n').includes(line));
    check(added.length === 1 && added[0] === '  - {at: 2026-09-22T14:20:00Z, kind: action, who: Priya Shah, text: Paged the pricing team}', `one line added: ${added.join(' | ')}`);
    await page.keyboard.press(`${MOD}+z`);
    await page.keyboard.press(`${MOD}+s`);
    await eventually(() => readFileSync(examplePath, 'utf8') === original);
  });

  await test('the Incidents view offers Open Timeline on an incident', async () => {
    await runCommand(page, 'Focus on Incidents View');
    // An active incident: its group is expanded.
    const item = page.locator('.pane-body .monaco-list-row', { hasText: 'INC-2026-666' }).first();
    await item.waitFor({ timeout: 20_000 });
    // The view redraws when the files change under it: a right-click that lands while the rows move
    // opens the menu of another row. The menu is used only once it belongs to this incident's row.
    const entry = page.locator('.context-view .action-item', { hasText: 'Open Timeline' }).first();
    const onThisRow = page.locator('.pane-body .monaco-list-row.focused', { hasText: 'INC-2026-666' });
    // A click that lands as the menu opens is taken for the end of the right-click and dropped: the
    // entry is chosen the keyboard's way, and a menu still open afterwards is closed.
    await eventually(async () => {
      await item.click({ button: 'right' });
      if ((await entry.waitFor({ timeout: 5_000 }).then(() => true, () => false)) && (await onThisRow.count()) > 0) {
        await entry.hover();
        await page.keyboard.press('Enter');
        return true;
      }
      await page.keyboard.press('Escape');
      return false;
    }, 30_000);
    if (await page.locator('.context-view .monaco-menu').isVisible()) await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab.active', { hasText: 'Timeline · INC-2026-666' }).waitFor({ timeout: 20_000 });
    await runCommand(page, 'View: Show Explorer');
  });

  await test('Open Incident… has a timeline button on each row: a click opens that incident\'s timeline, not its file', async () => {
    await runCommand(page, 'View: Close All Editors');
    await startCommand(page, 'Incident Lens: Open Incident');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Open incident' }).waitFor({ timeout: 20_000 });
    const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'INC-2026-014' }).first();
    // The buttons of a row show where the pointer is.
    await row.hover();
    await row.locator('.action-label[aria-label="Open its timeline"]').click();
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    await timelineFrame(page, 'INC-2026-014');
    await page.locator('.tabs-container .tab.active', { hasText: 'Timeline · INC-2026-014' }).waitFor({ timeout: 20_000 });
    check((await page.locator(`.tabs-container .tab[aria-label^="${EXAMPLE}"]`).count()) === 0, 'the incident file did not open');
  });

  let hostile;
  await test('payloads in text, who and evidence show as text, and nothing runs', async () => {
    await openFile(page, PAYLOAD_FILE);
    await runCommand(page, 'Incident Lens: Open Timeline');
    // The id is the header's first item; the title holds a payload too.
    hostile = await timelineFrame(page, 'INC-2026-666');
    // Listen for CSP violations from here on; the file changes below make the panel render the payloads again.
    await hostile.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    writeFileSync(payloadPath, withExtraEntry(payloadIncident()));
    await hostile.locator('li.row.entry .text', { hasText: 'Re-render </script>' }).waitFor({ timeout: 20_000 });
    // Hover and focus every row (tooltips are built then) and open the edit form on one.
    for (const row of await hostile.locator('li.row.entry').all()) await row.hover();
    await hostile.locator('li.row.entry', { hasText: '<img src=x' }).first().click();
    await page.keyboard.press('Enter');
    await hostile.locator('form.entry-form').waitFor();
    await page.keyboard.press('Escape');
    await sleep(500);

    const texts = await hostile.locator('li.row.entry .text').allTextContents();
    for (const [name, value] of Object.entries(PAYLOADS)) {
      if (name === 'cssInjection' || name === 'templateLiteral' || name === 'svgOnload') continue; // in `who`
      check(texts.some((text) => text.includes(value)), `${name} shows as text`);
    }
    const whos = await hostile.locator('li.row.entry .who').allTextContents();
    for (const name of ['svgOnload', 'styleBreakout', 'cssInjection', 'templateLiteral']) check(whos.includes(PAYLOADS[name]), `${name} in who shows as text`);
    check((await hostile.locator('.incident-title').textContent()) === `Payloads ${PAYLOADS.scriptTag}`, 'the title shows as text');

    const dom = await hostile.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return {
        pwned: window.__pwned ?? null,
        title: document.title,
        // The page's own script, plus the one VS Code puts into every webview (acquireVsCodeApi).
        scripts: Array.from(document.scripts).filter((script) => script.src).map((script) => script.src.split('/').pop()),
        inline: Array.from(document.scripts).filter((script) => !script.src).filter((script) => !/acquireVsCodeApi/.test(script.textContent ?? '') || /pwned|alert\(/.test(script.textContent ?? '')).length,
        handlers: all.filter((element) => Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name))).map((element) => element.outerHTML.slice(0, 80)),
        embedded: document.querySelectorAll('img, iframe, object, embed, svg, a[href], link:not([rel="stylesheet"]), base, form[action]').length,
        styles: Array.from(document.querySelectorAll('style')).map((style) => style.textContent ?? '').filter((text) => /display: none !important|evil\.example/.test(text)).length,
        bodyVisible: getComputedStyle(document.body).display !== 'none',
        unknownKind: document.querySelector('li.row.entry[data-kind="unknown"]')?.getAttribute('data-kind') ?? null,
      };
    });
    check(dom.pwned === null, `window.__pwned was set: ${dom.pwned}`);
    check(dom.title === 'Timeline', `the panel's title changed: ${dom.title}`);
    check(dom.scripts.length === 1 && dom.scripts[0] === 'timeline.js', `only the panel's own script: ${dom.scripts.join(', ')}`);
    check(dom.inline === 0, `inline scripts that are not VS Code's: ${dom.inline}`);
    check(dom.handlers.length === 0, `event-handler attributes in the DOM: ${dom.handlers.join(' | ')}`);
    check(dom.embedded === 0, `elements from data (img, iframe, svg, links…): ${dom.embedded}`);
    check(dom.styles === 0 && dom.bodyVisible, 'no injected style');
    check(dom.unknownKind === 'unknown', 'an unknown kind shows as "unknown", not as written');
    for (const target of page.frames()) {
      const pwned = await target.evaluate(() => window.__pwned ?? null).catch(() => null);
      check(pwned === null, `window.__pwned set in frame ${target.url().slice(0, 80)}`);
    }
    check((await page.title()) === workbenchTitle || !/pwned/i.test(await page.title()), `the workbench title changed: ${await page.title()}`);
    check(dialogs.length === 0, `dialogs opened: ${dialogs.join(' | ')}`);
  });

  await test('the panel reports no CSP violation', async () => {
    const violations = await hostile.evaluate(() => window.__violations);
    check(violations.length === 0, `violations seen in the panel: ${violations.join(' | ')}`);
    check(cspReports.length === 0, `violations the browser reported: ${cspReports.join(' | ')}`);
  });

  await test('javascript: and data: evidence is never a link; web links open only through the editor', async () => {
    const links = await hostile.evaluate(() => Array.from(document.querySelectorAll('button.evidence')).map((button) => button.getAttribute('title')));
    check(links.length === 1 && links[0] === new URL(EVIDENCE.webWithMarkup).href, `web evidence buttons: ${links.join(', ')}`);
    const plain = await hostile.locator('.evidence.not-a-link').count();
    check(plain === 4, `four evidence values shown as text, saw ${plain}`);
    await hostile.locator('li.row.entry', { hasText: EVIDENCE.javascript.slice(0, 0) || PAYLOADS.scriptTag }).first().click();
    check((await hostile.locator('.row-actions button[data-action="evidence"]:not([hidden])').count()) === 0, 'no "open evidence" action for a javascript: link');
  });

  await test('a very long line wraps inside the panel', async () => {
    const layout = await hostile.evaluate((start) => {
      const row = Array.from(document.querySelectorAll('li.row.entry')).find((element) => element.textContent?.includes(start));
      return { rowWidth: row?.getBoundingClientRect().width ?? -1, page: document.documentElement.scrollWidth, viewport: window.innerWidth, height: row?.getBoundingClientRect().height ?? 0 };
    }, LONG_TEXT.slice(0, 40));
    check(layout.rowWidth > 0 && layout.page <= layout.viewport + 1, `no horizontal overflow: page ${layout.page}px in ${layout.viewport}px`);
    check(layout.height > 100, `the long text wraps (row ${layout.height}px high)`);
  });

  await test('no script errors in the panel', async () => {
    const ours = pageErrors.filter((error) => /timeline\.js|pwned/.test(`${error.stack ?? ''} ${error.message}`)).map((error) => error.message);
    for (const panel of [frame, hostile]) ours.push(...((await panel?.evaluate(() => window.__errors).catch(() => [])) ?? []));
    check(ours.length === 0, ours.join(' | '));
  });

  await finish(runner.failed === 0 ? 0 : 1);
} catch (error) {
  await session.abort(error);
}
