/**
 * The HTML reports printed by Chromium on A4 and Letter: laid out with print
 * media at the printable width (the paper less the document's own @page
 * margins), no element reaches past it, so nothing is cut off or shrunk; and
 * Chromium's PDF has pages of that paper (the document does not force a size).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { reviewReport } from '../../src/core/review/export/reviewReport';
import { cli, exampleCopy, removeAll } from './report-support';
import { FIXTURE_NAME, fixture, TODAY } from './review-support';

const CHROMIUM = '/usr/bin/chromium';
const PAPERS = [
  { format: 'A4', widthMm: 210, heightMm: 297 },
  { format: 'Letter', widthMm: 215.9, heightMm: 279.4 },
] as const;

const mmToCssPx = (mm: number): number => (mm / 25.4) * 96;
const mmToPt = (mm: number): number => (mm / 25.4) * 72;

// In-page scripts are plain JavaScript text: the test's compiled functions
// carry helpers (esbuild's __name) that do not exist in the page.

/** The left and right margins in mm of the document's last @page rule that applies in print, or null. */
const PAGE_MARGINS = `(() => {
  const toMm = (value) => {
    const match = /^([\\d.]+)(mm|cm|in|px)$/.exec(value.trim());
    if (!match) throw new Error('an @page margin the test does not read: "' + value + '"');
    return Number(match[1]) * { mm: 1, cm: 10, in: 25.4, px: 25.4 / 96 }[match[2]];
  };
  let found = null;
  const visit = (rules) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSPageRule) found = { left: toMm(rule.style.marginLeft), right: toMm(rule.style.marginRight) };
      else if (rule instanceof CSSMediaRule && window.matchMedia(rule.conditionText).matches) visit(rule.cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
  return found;
})()`;

/** Every element whose box reaches past the sides of the viewport, as `tag.class "text" spans left–right px of width`. */
const OVERFLOWING = `(() => {
  const width = document.documentElement.clientWidth;
  return Array.from(document.body.querySelectorAll('*')).flatMap((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || (box.left >= -0.5 && box.right <= width + 0.5)) return [];
    const name = element.tagName.toLowerCase() + Array.from(element.classList).map((name) => '.' + name).join('');
    return [name + ' "' + (element.textContent || '').trim().slice(0, 40) + '" spans ' + Math.round(box.left) + '–' + Math.round(box.right) + ' px of ' + width];
  });
})()`;

/** The team review of the fixture with a long evidence link and a long key in its timeline table, as incidents have them. */
function withLongTokens(text: string): string {
  const link = 'https://grafana.example/d/cache-namespaces-overview/cache-miss-rate-by-namespace-and-region?orgId=1&from=1763647200000&to=1763654400000&var-namespace=checkout-price-quotes';
  const longer = text
    .replace('evidence: "https://grafana.example/d/cache?from=1&to=2"', `evidence: "${link}"`)
    .replace('text: Rolled back to v41}', 'text: Rolled back to v41 (key checkout:price-quote:eu-west-1:v42:fallback-ttl-override-disabled-for-all-tenants)}');
  assert.notEqual(longer, text);
  return longer;
}

describe('printed reports fit A4 and Letter', function () {
  // Chromium starts once; each paper lays out and prints four documents in a few seconds.
  this.timeout(60_000);
  const temps: string[] = [];
  const documents: { name: string; html: string }[] = [];
  let browser: Browser | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.warn(`      (skipped: no ${CHROMIUM}; CI installs Debian's chromium, see .ci/run)`);
      this.skip();
    }
    const folder = exampleCopy(temps);
    const out = path.join(path.dirname(folder), 'report.html');
    const run = await cli('report', folder, '--today', '2026-11-25', '--out', out);
    assert.equal(run.code, 0, run.err);
    documents.push({ name: 'the insights report of the example', html: readFileSync(out, 'utf8') });
    const reviews = [
      { name: 'the executive review export', audience: 'executive', text: fixture() },
      { name: 'the team review export', audience: 'team', text: fixture() },
      { name: 'the team review export with long links and keys', audience: 'team', text: withLongTokens(fixture()) },
    ] as const;
    for (const { name, audience, text } of reviews) {
      const result = reviewReport(text, { audience, format: 'html', todayMs: TODAY, fileName: FIXTURE_NAME });
      assert.ok(result.ok, result.ok ? '' : result.message);
      documents.push({ name, html: result.content });
    }
    // Chromium does not start under libfaketime, which npm test puts this process under (scripts/test-day.mjs).
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, env, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  after(async () => {
    await browser?.close();
    removeAll(temps);
  });

  for (const paper of PAPERS) {
    it(`on ${paper.format}: nothing reaches past the printable width, and every page is ${paper.format}`, async () => {
      assert.equal(documents.length, 4);
      for (const { name, html } of documents) {
        const page = await browser!.newPage();
        try {
          await page.emulateMedia({ media: 'print' });
          await page.setContent(html);
          const margins = await page.evaluate<{ left: number; right: number } | null>(PAGE_MARGINS);
          assert.ok(margins, `${name} sets its page margins with @page`);
          const printable = Math.floor(mmToCssPx(paper.widthMm - margins.left - margins.right));
          await page.setViewportSize({ width: printable, height: Math.floor(mmToCssPx(paper.heightMm)) });
          assert.deepEqual(await page.evaluate<string[]>(OVERFLOWING), [], `${name} on ${paper.format}: ${printable} px between margins of ${margins.left} and ${margins.right} mm`);

          const pdf = (await page.pdf({ format: paper.format, printBackground: true })).toString('latin1');
          const pages = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((match) => [Number(match[1]), Number(match[2])]);
          assert.ok(pages.length > 0, `${name} prints to a PDF with pages`);
          // Chromium rounds the paper to whole CSS pixels (A4 comes out 595.92 × 842.88 pt): within a pixel of it.
          for (const [width, height] of pages) {
            assert.ok(Math.abs(width - mmToPt(paper.widthMm)) < 1.5 && Math.abs(height - mmToPt(paper.heightMm)) < 1.5, `${name}: a ${width} × ${height} pt page, not ${paper.format}`);
          }
        } finally {
          await page.close();
        }
      }
    });
  }
});
