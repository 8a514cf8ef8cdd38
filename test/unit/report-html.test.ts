/**
 * The HTML report is one self-contained page: no script, no external URL,
 * inline SVG charts each followed by its table, print and color-scheme
 * rules, and every incident-provided string escaped.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildInsights } from '../../src/core/insights';
import { renderReport } from '../../src/core/report';
import { ALL, SEVERITIES, TODAY, source } from './insights-fixtures';
import { cli, exampleCopy, removeAll } from './report-support';

describe('report: HTML', () => {
  const temps: string[] = [];
  after(() => removeAll(temps));

  let html = '';
  before(async () => {
    const folder = exampleCopy(temps);
    const out = path.join(path.dirname(folder), 'report.html');
    const run = await cli('report', folder, '--today', '2026-11-25', '--out', out);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /Wrote .*report\.html \(10 incidents\)/);
    html = readFileSync(out, 'utf8');
  });

  it('has no script and no external URL', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, 'no event handler attributes');
    assert.doesNotMatch(html, /https?:\/\//i, 'no URL at all, not even an SVG namespace');
    assert.doesNotMatch(html, /\/\/[a-z0-9.-]+\.[a-z]{2,}\//i, 'no protocol-relative URL');
    assert.doesNotMatch(html, /\ssrc\s*=/i);
    assert.doesNotMatch(html, /@import/i);
    for (const href of html.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="#incident-\d+"$/, href);
    for (const url of html.match(/url\([^)]*\)/g) ?? []) assert.match(url, /^url\(#il-[a-z0-9-]+\)$/, url);
  });

  it('starts with the top insight', () => {
    const top = html.indexOf('class="top"');
    assert.ok(top > 0 && top < html.indexOf('id="where"'));
    assert.match(html, /<p class="sentence">6 of 10 incidents since June 2026 affected checkout — as many as cache; 4 of them were SEV1–2 \(cache: 3\)\.<\/p>/);
  });

  it('draws each chart as inline SVG with its table of numbers beneath', () => {
    const figures = html.match(/<figure>[\s\S]*?<\/figure>/g) ?? [];
    assert.ok(figures.length >= 6, `${figures.length} figures`);
    for (const figure of figures) {
      assert.match(figure, /<svg class="chart"[^>]* role="img" aria-label="[^"]+"/);
      assert.ok(figure.indexOf('<svg class="chart"') < figure.indexOf('<table>'), 'the table comes after the chart');
      assert.match(figure, /<th scope="col"/);
    }
    assert.match(html, /<rect [^>]*class="near-miss"/, 'the near miss has its own column');
    assert.match(html, /<circle [^>]*class="dot"><title>INC-2026-014 · 7 min<\/title>/, 'each dot names its incident');
  });

  // That it prints on A4 and Letter is checked by printing it (print-layout.test.ts).
  it('has print rules and follows the reader’s color scheme', () => {
    assert.match(html, /@media print/);
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.match(html, /@media \(forced-colors: active\)/);
    assert.match(html, /<meta name="color-scheme" content="light dark">/);
  });

  it('links every incident reference to the list at the end', () => {
    const targets = new Set([...html.matchAll(/<tr id="(incident-\d+)">/g)].map((match) => match[1]));
    assert.equal(targets.size, 10);
    for (const match of html.matchAll(/href="#(incident-\d+)"/g)) assert.ok(targets.has(match[1]), match[1]);
  });

  it('escapes every incident-provided string', () => {
    const hostile = source('incidents/x.md', [
      'id: INC-2026-099',
      'title: "<script>alert(1)</script>"',
      'status: resolved',
      'severity: SEV2',
      'started: 2026-03-01T00:00:00Z',
      'services: ["<img src=x onerror=alert(1)>", "\\" onmouseover=\\"x"]',
      'tags: ["</style><script>x</script>"]',
      'code:',
      '  - {path: "src/<svg onload=alert(1)>/a.ts"}',
      'actions:',
      '  - {id: A1, title: "<iframe src=https://evil.example>", status: dropped, reason: "&amp; <b>bold</b>"}',
    ]);
    const page = renderReport(buildInsights([hostile, ...ALL], { todayMs: TODAY, severities: SEVERITIES }), 'html');
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(page, /<img|<iframe|<svg onload|<b>bold/i);
    assert.doesNotMatch(page, /<[^>]*\son[a-z]+\s*=/i, 'no event handler inside any tag');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes('&amp;amp; &lt;b&gt;bold&lt;/b&gt;'));
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});
