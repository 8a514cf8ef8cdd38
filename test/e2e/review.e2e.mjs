// End-to-end: the review panel in a real VS Code (code-server) driven by
// headless Chromium, as a user drives it. Builds nothing: run `npm run build`
// first (the extension and media/review.js).
//
//   node test/e2e/review.e2e.mjs [--keep] [--screenshot FILE]
//
// - opens the panel from the command palette on an incident whose review is
//   half done, and checks the four steps, prompts, action items, blame list
//   and the rendered write-up are there (relative links and images inert);
// - saves a screenshot of the panel (docs/images/review-panel.png);
// - adds a missing perspective with the keyboard (Tab to its button, Enter)
//   and sets the review status from the panel's form;
// - exports the team report through Export Review… and its three pickers;
// - opens a panel on an incident with injection payloads in the body and in
//   every field the review shows (title, perspectives, factors, actions,
//   facilitator, blame context), re-renders it, and checks nothing ran:
//   no dialog, no window.__pwned in any frame, no event-handler attribute,
//   no element loaded from data, no CSP violation; the payloads show as text.
//
// The last line is `N passed, N failed`; the exit code is 0 only if all passed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ensureEditor, repoRoot } from '../../scripts/editor/ensure-editor.mjs';
import { PAYLOADS } from './payloads.mjs';
import { check, createSession, eventually, openFile, openWorkbench, pickItem, runCommand, watchFrame, watchPage, webviewFrame } from './workbench.mjs';

const { values } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    screenshot: { type: 'string', default: join(repoRoot, 'docs', 'images', 'review-panel.png') },
  },
});

const say = (message) => console.log(`[e2e] ${message}`);
for (const built of ['dist/extension.js', 'media/review.js']) {
  if (!existsSync(join(repoRoot, built))) {
    console.error(`[e2e] ${built} is missing: run npm run build first`);
    process.exit(2);
  }
}

const REVIEW_FILE = '2026-11-20-checkout-latency.md';
const HOSTILE_FILE = '2026-11-21-review-payloads.md';

/** Markdown and field payloads on top of the timeline suite's: what a body can smuggle. */
const BODY_PAYLOADS = {
  rawHtml: '<img src=x onerror="window.__pwned = \'body img\'">',
  scriptBlock: '<script>window.__pwned = "body script"</script>',
  jsLink: '[open me](javascript:window.__pwned=1)',
  dataLink: '[data](data:text/html,<script>parent.__pwned=1</script>)',
  autolink: '<javascript:alert(1)>',
  image: '![x" onerror="window.__pwned=1](https://evil.example/x.png)',
  relative: '[runbook](../../etc/passwd)',
  command: '[quit](command:workbench.action.quit)',
  htmlComment: '<!-- <script>window.__pwned = "comment"</script> -->',
};

function hostileIncident(extra = '') {
  const q = (value) => JSON.stringify(value);
  return [
    '---',
    'id: INC-2026-667',
    `title: ${q(`Payloads ${PAYLOADS.scriptTag}`)}`,
    'status: resolved',
    'severity: SEV3',
    'started: 2026-11-21T14:00:00Z',
    'resolved: 2026-11-21T15:00:00Z',
    `impact: {summary: ${q(PAYLOADS.imgOnerror)}}`,
    `review: {status: ${q(PAYLOADS.closeScript)}, facilitator: ${q(PAYLOADS.svgOnload)}, held: ${q(PAYLOADS.templateLiteral)}}`,
    `factors: [{kind: other, text: ${q(PAYLOADS.iframeSrcdoc)}}]`,
    'actions:',
    `  - {id: ${q(PAYLOADS.imgOnerror)}, title: ${q(PAYLOADS.scriptTag)}, owner: ${q(PAYLOADS.styleBreakout)}, due: ${q(PAYLOADS.markdownLink)}, status: open}`,
    `timeline: [{at: 2026-11-21T14:00:00Z, kind: trigger, who: ${q(PAYLOADS.svgOnload)}, text: ${q(PAYLOADS.scriptTag)}}]`,
    '---',
    '',
    `## Summary ${PAYLOADS.imgOnerror}`,
    '',
    ...Object.values(BODY_PAYLOADS).map((value) => `${value}\n`),
    `It was human error ${PAYLOADS.closeScript} said someone.`,
    '',
    '## Perspectives',
    '',
    `### ${PAYLOADS.svgOnload}`,
    '',
    PAYLOADS.entities,
    '',
    `### Support ${PAYLOADS.cssInjection}`,
    '',
    `| a | b |\n|---|---|\n| ${PAYLOADS.iframeSrcdoc.replace(/\|/g, '')} | ${PAYLOADS.styleBreakout} |`,
    '',
    extra,
  ].join('\n');
}

ensureEditor();
const session = createSession('review', { keep: values.keep, say });
const { workspace } = session;
mkdirSync(join(workspace, 'incidents'), { recursive: true });
const reviewPath = join(workspace, 'incidents', REVIEW_FILE);
const hostilePath = join(workspace, 'incidents', HOSTILE_FILE);
writeFileSync(reviewPath, readFileSync(join(repoRoot, 'test', 'fixtures', 'review', REVIEW_FILE), 'utf8'));
writeFileSync(hostilePath, hostileIncident());

const { runner } = session;
const { test, finish } = runner;

/** The frame holding the review panel for incident `id` once it has rendered, with its errors and CSP violations kept. */
async function reviewFrame(page, id) {
  const shows = (wanted) => {
    const app = document.getElementById('review-app');
    return Boolean(app?.dataset.version && app.querySelector('.incident-id')?.textContent === wanted);
  };
  const frame = await webviewFrame(page, shows, id, { what: `review panel for ${id}` });
  await watchFrame(frame);
  return frame;
}

try {
  const page = await session.open({ width: 1500, height: 950 });
  const { dialogs, pageErrors } = watchPage(page);
  // The development build of the extension, as the integration tests load it (no .vsix needed).
  await openWorkbench(page, session.server, workspace, repoRoot);
  const workbenchTitle = await page.title();
  say('workbench ready');

  let frame;
  await test('Open Review from the command palette shows the guided review beside the incident', async () => {
    await openFile(page, REVIEW_FILE);
    await runCommand(page, 'Incident Lens: Open Review');
    frame = await reviewFrame(page, 'INC-2026-014');
    check((await frame.locator('li.step').count()) === 4, 'four steps');
    const states = await frame.locator('li.step .step-state').allTextContents();
    check(states.join(',') === 'done,2 to do,done,1 to do', `step states: ${states.join(', ')}`);
    check((await frame.locator('details.prompts li').count()) >= 12, 'prompts beside each step');
    const open = await frame.locator('details.prompts').evaluateAll((all) => all.map((details) => details.open));
    check(open.join(',') === 'false,true,false,true', `prompts open beside the steps to do: ${open.join(', ')}`);
    check((await frame.locator('.action-items > li').count()) === 6, 'six action items');
    const a3 = (await frame.locator('.action-items > li', { hasText: 'Rewrite the pricing service' }).textContent()) ?? '';
    check(/Due 128 days after the review/.test(a3), `A3 fails the horizon: ${a3}`);
    const blame = (await frame.locator('.blame-items li').first().textContent()) ?? '';
    check(blame.includes('“human error”') && blame.includes('Narrative, line'), `blame item: ${blame}`);
    check((await frame.locator('article.body h2').count()) === 4, 'the write-up is rendered');
    check((await frame.locator('article.body .link-off', { hasText: 'runbook' }).count()) === 1, 'the relative link is inert text');
    check((await frame.locator('article.body .image-alt').textContent()) === '[image: p99 latency]', 'the image is described, not loaded');
    check((await page.locator('.tabs-container .tab', { hasText: 'Review · INC-2026-014' }).count()) === 1, 'a "Review · INC-2026-014" tab');
  });

  await test('a screenshot of the panel for the README', async () => {
    mkdirSync(dirname(resolve(values.screenshot)), { recursive: true });
    // The editor and the panel side by side, without the Explorer.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await sleep(800);
    await page.screenshot({ path: resolve(values.screenshot) });
    check(existsSync(resolve(values.screenshot)), 'screenshot written');
  });

  await test('the keyboard adds a missing perspective: Tab to its button, Enter', async () => {
    const button = frame.locator('button[data-act="insertPerspective"][data-group="Communications"]');
    // Start from the button before it and Tab forward, as a keyboard user would.
    await frame.locator('li[data-check="perspectives-wider"]').focus();
    for (let i = 0; i < 5 && !(await button.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('Tab');
    check(await button.evaluate((element) => element === document.activeElement), 'Tab reaches "+ Communications"');
    await page.keyboard.press('Enter');
    await frame.locator('li.check', { hasText: 'Communications: not written yet' }).waitFor({ timeout: 15_000 });
    await runCommand(page, 'File: Save All');
    const saved = await eventually(() => {
      const text = readFileSync(reviewPath, 'utf8');
      return text.includes('### Communications') && text;
    });
    check(saved.includes('### Product\n\n### Communications\n\n## Learnings'), 'inserted at the end of Perspectives');
  });

  await test('the review status is set from the panel; done marks the incident reviewed', async () => {
    await frame.locator('#review-status').selectOption('done');
    check((await frame.locator('#review-held').inputValue()) === '2026-11-24', 'the review date stays as written');
    await frame.locator('#review-facilitator').fill('Lee Wong');
    await frame.locator('form.review-form button[type="submit"]').click();
    await frame.locator('.title .badge', { hasText: 'reviewed' }).waitFor({ timeout: 15_000 });
    check((await frame.locator('.form-note').textContent()) === 'Saved.', 'the form says it saved');
    await runCommand(page, 'File: Save All');
    await eventually(() => {
      const text = readFileSync(reviewPath, 'utf8');
      return text.includes('review: {status: done, facilitator: Lee Wong, held: 2026-11-24}') && text.includes('\nstatus: reviewed\n');
    });
  });

  await test('Export Review… from the panel writes the team report next to the incident', async () => {
    await frame.locator('button[data-act="export"]').click();
    await pickItem(page, 'Team review');
    await pickItem(page, 'HTML');
    await pickItem(page, 'Save next to the incident');
    const exported = join(workspace, 'incidents', 'INC-2026-014-review-team.html');
    const html = await eventually(() => existsSync(exported) && readFileSync(exported, 'utf8'));
    check(html.includes('<h2>Action items by owner</h2>') && html.includes('### Communications') === false, 'the team report, rendered');
    check(!/<script|<img|<link|url\(/i.test(html), 'no script and nothing loaded');
  });

  let hostile;
  await test('payloads in the body and in every field the review shows stay text; nothing runs', async () => {
    await openFile(page, HOSTILE_FILE);
    await runCommand(page, 'Incident Lens: Open Review');
    hostile = await reviewFrame(page, 'INC-2026-667');
    // A change on disk makes the panel render the payloads again, now with the listeners in place.
    writeFileSync(hostilePath, hostileIncident(`### Product ${PAYLOADS.closeScript}\n\nRe-rendered.\n`));
    await hostile.locator('article.body h3', { hasText: 'Re-rendered' }).or(hostile.locator('article.body p', { hasText: 'Re-rendered.' })).first().waitFor({ timeout: 20_000 });
    // Hover everything with a tooltip, and focus every button, as a reader would.
    for (const element of await hostile.locator('button, [title]').all()) await element.hover().catch(() => {});
    await sleep(500);

    const body = (await hostile.locator('article.body').textContent()) ?? '';
    for (const [name, value] of Object.entries(BODY_PAYLOADS)) {
      if (name === 'jsLink' || name === 'dataLink' || name === 'image' || name === 'relative' || name === 'command' || name === 'autolink') continue; // shown as their text, checked below
      check(body.includes(value), `${name} shows as text in the body`);
    }
    check(body.includes('[open me](javascript:window.__pwned=1)'), 'the javascript: link is plain text');
    check((await hostile.locator('article.body .link-off', { hasText: 'runbook' }).count()) === 1, 'the relative link is inert');
    check((await hostile.locator('article.body .link-off', { hasText: 'quit' }).count()) === 1, 'the command: link is inert');
    check((await hostile.locator('.incident-title').textContent()) === `Payloads ${PAYLOADS.scriptTag}`, 'the title shows as text');
    check((await hostile.locator('#review-facilitator').inputValue()) === PAYLOADS.svgOnload, 'the facilitator shows as a value');
    const actionText = (await hostile.locator('.action-items > li').first().textContent()) ?? '';
    check(actionText.includes(PAYLOADS.scriptTag) && actionText.includes(PAYLOADS.styleBreakout), `the action shows as text: ${actionText.slice(0, 120)}`);
    const checks = (await hostile.locator('.steps').textContent()) ?? '';
    check(checks.includes(PAYLOADS.svgOnload), 'the perspective heading shows as text in the steps');
    const blame = (await hostile.locator('.blame-items').textContent()) ?? '';
    check(blame.includes('human error </script><script>window.__pwned'), `the blame excerpt shows as text: ${blame.slice(0, 160)}`);

    const dom = await hostile.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return {
        pwned: window.__pwned ?? null,
        title: document.title,
        scripts: Array.from(document.scripts).filter((script) => script.src).map((script) => script.src.split('/').pop()),
        inline: Array.from(document.scripts).filter((script) => !script.src).filter((script) => !/acquireVsCodeApi/.test(script.textContent ?? '') || /pwned|alert\(/.test(script.textContent ?? '')).length,
        handlers: all.filter((element) => Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name))).map((element) => element.outerHTML.slice(0, 80)),
        embedded: document.querySelectorAll('img, iframe, object, embed, svg, video, audio, a[href], link:not([rel="stylesheet"]), base, form[action], meta[http-equiv="refresh"]').length,
        styles: Array.from(document.querySelectorAll('style')).map((style) => style.textContent ?? '').filter((text) => /display: none !important|evil\.example/.test(text)).length,
        // VS Code puts the theme's variables in <html style>; nothing else may carry a style.
        styled: all.filter((element) => element !== document.documentElement && element.hasAttribute('style')).map((element) => element.outerHTML.slice(0, 80)),
        bodyVisible: getComputedStyle(document.body).display !== 'none',
      };
    });
    check(dom.pwned === null, `window.__pwned was set: ${dom.pwned}`);
    check(dom.title === 'Review', `the page's title changed: ${dom.title}`);
    check(dom.scripts.length === 1 && dom.scripts[0] === 'review.js', `only the panel's own script: ${dom.scripts.join(', ')}`);
    check(dom.inline === 0, `inline scripts that are not VS Code's: ${dom.inline}`);
    check(dom.handlers.length === 0, `event-handler attributes in the DOM: ${dom.handlers.join(' | ')}`);
    check(dom.embedded === 0, `elements from data (img, iframe, svg, links…): ${dom.embedded}`);
    check(dom.styles === 0 && dom.styled.length === 0 && dom.bodyVisible, `no injected style: ${dom.styles} style elements, ${dom.styled.join(' | ')}`);
    for (const target of page.frames()) {
      const pwned = await target.evaluate(() => window.__pwned ?? null).catch(() => null);
      check(pwned === null, `window.__pwned set in frame ${target.url().slice(0, 80)}`);
    }
    check((await page.title()) === workbenchTitle || !/pwned/i.test(await page.title()), `the workbench title changed: ${await page.title()}`);
    check(dialogs.length === 0, `dialogs opened: ${dialogs.join(' | ')}`);
  });

  await test('the panel reports no CSP violation and no script error', async () => {
    const violations = await hostile.evaluate(() => window.__violations);
    check(violations.length === 0, `violations: ${violations.join(' | ')}`);
    const ours = pageErrors.filter((error) => /review\.js|pwned/.test(`${error.stack ?? ''} ${error.message}`)).map((error) => error.message);
    for (const panel of [frame, hostile]) ours.push(...((await panel?.evaluate(() => window.__errors).catch(() => [])) ?? []));
    check(ours.length === 0, ours.join(' | '));
  });

  await finish(runner.failed === 0 ? 0 : 1);
} catch (error) {
  await session.abort(error);
}
