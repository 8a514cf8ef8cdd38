// End-to-end: the Insights panel in a real VS Code (code-server) driven by
// headless Chromium, as a user drives it. Builds nothing: run `npm run build`
// first (the extension and media/insights.js).
//
//   node test/e2e/insights.e2e.mjs [--keep] [--screenshot FILE]
//
// - opens the example workspace (a git copy with its history), runs
//   "Incident Lens: Open Insights" from the command palette, and checks the
//   panel shows the top insight and charts, each with its table;
// - filters by severity with the keyboard and sees the report narrow;
// - opens an incident from the panel with the keyboard (Tab to a reference, Enter);
// - adds an incident whose title, services, tags and action reason carry
//   injection payloads, and checks they show as text and nothing runs;
// - saves a screenshot of the panel (docs/images/insights.png).
//
// The last line is `N passed, N failed`; the exit code is 0 only if all passed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ensureEditor, repoRoot } from '../../scripts/editor/ensure-editor.mjs';
import { copyWorkspace } from '../../scripts/editor/workspace.mjs';
import { check, createSession, eventually, openWorkbench, runCommand, watchFrame, watchPage, webviewFrame } from './workbench.mjs';
import { exampleMove } from '../../scripts/example-day.cjs';
import { ensureTestNow } from '../../scripts/test-day.mjs';

const { values } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    screenshot: { type: 'string', default: join(repoRoot, 'docs', 'images', 'insights.png') },
  },
});

const say = (message) => console.log(`[e2e] ${message}`);
for (const built of ['dist/extension.js', 'media/insights.js']) {
  if (!existsSync(join(repoRoot, built))) {
    console.error(`[e2e] ${built} is missing: run npm run build first`);
    process.exit(2);
  }
}

const PAYLOADS = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'">',
  svg: '<svg onload="window.__pwned = \'svg\'"></svg>',
  quote: '" onmouseover="window.__pwned = 1" x="',
  style: '</style><style>body { display: none !important }</style>',
};

function hostileIncident() {
  const q = (value) => JSON.stringify(value);
  return [
    '---',
    'id: INC-2026-666',
    `title: ${q(`Payloads ${PAYLOADS.script}`)}`,
    'status: resolved',
    'severity: SEV3',
    'started: 2026-11-21T14:00:00Z',
    'resolved: 2026-11-21T15:00:00Z',
    `services: [${q(PAYLOADS.img)}, ${q(PAYLOADS.quote)}]`,
    `tags: [${q(PAYLOADS.svg)}, ${q(PAYLOADS.style)}]`,
    'code:',
    `  - {path: ${q('src/<b onclick=x>/a.ts')}}`,
    'actions:',
    `  - {id: A1, title: ${q(PAYLOADS.img)}, status: dropped, reason: ${q(PAYLOADS.script)}}`,
    '---',
    '',
  ].join('\n');
}

ensureEditor();
const session = createSession('insights', { keep: values.keep, say });
const { workspace } = session;
say(copyWorkspace(join(repoRoot, 'examples', 'workspace'), workspace));

const { runner } = session;
const { test, finish } = runner;

/** The frame holding the Insights panel once its report is drawn, with its errors and CSP violations kept. */
async function insightsFrame(page) {
  const frame = await webviewFrame(page, () => Boolean(document.getElementById('insights-app')?.querySelector('.top .sentence')?.textContent), undefined, { what: 'Insights panel' });
  await watchFrame(frame);
  return frame;
}

try {
  const page = await session.open({ width: 1400, height: 1000 });
  const { dialogs, pageErrors } = watchPage(page);
  // The development build of the extension, as the integration tests load it.
  await openWorkbench(page, session.server, workspace, repoRoot);
  say('workbench ready');

  let frame;
  await test('Open Insights from the command palette shows the top insight', async () => {
    await runCommand(page, 'Incident Lens: Open Insights');
    frame = await insightsFrame(page);
    const sentence = (await frame.locator('.top .sentence').textContent()) ?? '';
    // The oldest example incident started on 2026-06-09, moved to the test day like the whole example.
    const since = new Date(`${exampleMove(Date.parse(ensureTestNow())).date('2026-06-09')}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    check(new RegExp(`^\\d+ of 10 incidents since ${since} `).test(sentence), `the top insight, since ${since}: ${sentence}`);
    check((await frame.locator('.top button.ref').count()) > 0, 'the incidents behind it are listed');
    check((await page.locator('.tabs-container .tab', { hasText: 'Incident Insights' }).count()) === 1, 'an "Incident Insights" tab');
  });

  await test('charts are drawn, each with the table of its numbers beneath', async () => {
    const figures = frame.locator('figure');
    const count = await figures.count();
    check(count >= 6, `at least 6 charts, saw ${count}`);
    for (let i = 0; i < count; i++) {
      const figure = figures.nth(i);
      check((await figure.locator('svg.chart').count()) === 1, `figure ${i} has a chart`);
      check((await figure.locator('table tbody tr').count()) > 0, `figure ${i} has a table with rows`);
    }
    const marks = await frame.locator('svg.chart rect, svg.chart circle').count();
    check(marks > 20, `bars and dots drawn: ${marks}`);
    const box = await frame.locator('svg.chart').first().boundingBox();
    check(box && box.width > 200 && box.height > 40, `the first chart is visible: ${JSON.stringify(box)}`);
    const dots = await frame.locator('svg.chart circle.dot.clickable').count();
    check(dots >= 8, `a dot per measured incident: ${dots}`);
  });

  await test('code areas come from git history', async () => {
    await eventually(async () => {
      const text = (await frame.locator('#section-areas + p').textContent()) ?? '';
      return text.includes('from git history');
    }, 30_000);
  });

  await test('filtering by severity with the keyboard narrows the report', async () => {
    await frame.locator('#filter-severity').focus();
    await frame.locator('#filter-severity').selectOption('SEV1');
    await eventually(async () => ((await frame.locator('.scope').textContent()) ?? '').includes('Filtered to severity SEV1'));
    const sentence = (await frame.locator('.top .sentence').textContent()) ?? '';
    check(/of 2 incidents/.test(sentence), `two SEV1 incidents: ${sentence}`);
    await frame.locator('button', { hasText: 'Clear filters' }).click();
    await eventually(async () => ((await frame.locator('.scope').textContent()) ?? '').includes('No filters'));
  });

  await test('an incident opens from the panel with the keyboard', async () => {
    const ref = frame.locator('.top button.ref').first();
    const id = (await ref.textContent()) ?? '';
    await ref.focus();
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab', { hasText: /\.md/ });
    await eventually(async () => (await tab.count()) > 0, 15_000);
    const label = (await tab.first().getAttribute('aria-label')) ?? '';
    check(/^\d{4}-\d\d-\d\d-.*\.md/.test(label), `an incident file opened for ${id}: ${label}`);
  });

  await test('a screenshot of the panel for the README', async () => {
    mkdirSync(dirname(resolve(values.screenshot)), { recursive: true });
    await page.locator('.tabs-container .tab', { hasText: 'Incident Insights' }).first().click();
    await runCommand(page, 'View: Close Other Editors in Group').catch(() => {});
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    frame = await insightsFrame(page);
    await frame.locator('#section-areas').scrollIntoViewIfNeeded().catch(() => {});
    await frame.evaluate(() => window.scrollTo(0, 0));
    await sleep(800);
    await page.screenshot({ path: resolve(values.screenshot) });
    check(existsSync(resolve(values.screenshot)), 'screenshot written');
  });

  await test('incident text full of payloads shows as text, and nothing runs', async () => {
    writeFileSync(join(workspace, 'incidents', '2026-11-21-payloads.md'), hostileIncident());
    await eventually(async () => ((await frame.locator('.top .sentence').textContent()) ?? '').includes('of 11 incidents'), 20_000);
    const text = (await frame.locator('#insights-app').textContent()) ?? '';
    check(text.includes(PAYLOADS.img), 'a service payload shows as text');
    check(text.includes(PAYLOADS.script), 'the dropped reason shows as text');
    for (const row of await frame.locator('svg.chart rect, svg.chart circle').all()) await row.hover({ force: true, timeout: 2_000 }).catch(() => {});
    const dom = await frame.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return {
        pwned: window.__pwned ?? null,
        scripts: Array.from(document.scripts).filter((script) => script.src).map((script) => script.src.split('/').pop()),
        handlers: all.filter((element) => Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name))).map((element) => element.outerHTML.slice(0, 80)),
        embedded:
          document.querySelectorAll('img, iframe, object, embed, a[href], base, form[action], b').length +
          // SVG only as the panel draws it: charts, legend swatches, the pattern definitions.
          Array.from(document.querySelectorAll('svg')).filter((svg) => !svg.matches('svg.chart, svg.chart-defs') && !svg.closest('.legend')).length,
        bodyVisible: getComputedStyle(document.body).display !== 'none',
        violations: window.__violations,
        errors: window.__errors,
      };
    });
    check(dom.pwned === null, `window.__pwned was set: ${dom.pwned}`);
    check(dom.scripts.length === 1 && dom.scripts[0] === 'insights.js', `only the panel's own script: ${dom.scripts.join(', ')}`);
    check(dom.handlers.length === 0, `event-handler attributes: ${dom.handlers.join(' | ')}`);
    check(dom.embedded === 0, `elements from data: ${dom.embedded}`);
    check(dom.bodyVisible, 'no injected style');
    check(dom.violations.length === 0, `CSP violations: ${dom.violations.join(' | ')}`);
    check(dom.errors.length === 0, `script errors: ${dom.errors.join(' | ')}`);
    check(dialogs.length === 0, `dialogs opened: ${dialogs.join(' | ')}`);
  });

  await test('no script errors from the panel', async () => {
    const ours = pageErrors.filter((error) => /insights\.js|pwned/.test(`${error.stack ?? ''} ${error.message}`)).map((error) => error.message);
    check(ours.length === 0, ours.join(' | '));
  });

  await finish(runner.failed === 0 ? 0 : 1);
} catch (error) {
  await session.abort(error);
}
