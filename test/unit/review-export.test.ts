/**
 * The exports: the Markdown of the fixture incident for each audience is
 * compared with a snapshot (UPDATE_SNAPSHOTS=1 rewrites them), and the HTML
 * is one self-contained file: no script, nothing loaded from anywhere.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { firstSentences } from '../../src/core/review/export/prose';
import { type Audience, formatOfFile, reviewReport } from '../../src/core/review/export/reviewReport';
import { FIXTURE_NAME, FIXTURES, fixture, incidentText, TODAY } from './review-support';
import { matchSnapshot } from './snapshot-support';

function report(text: string, audience: Audience, format: 'md' | 'html' = 'md'): string {
  const result = reviewReport(text, { audience, format, todayMs: TODAY, fileName: FIXTURE_NAME });
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.content;
}

function snapshot(name: string, actual: string): void {
  matchSnapshot(path.join(FIXTURES, name), actual);
}

/** Everything in the HTML that would fetch something: source attributes of tags, `<link>` tags, and url() or @import in its style. */
function loadedUrls(html: string): string[] {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  const style = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gi)].map((match) => match[1]).join('\n');
  return [
    ...tags.flatMap((tag) => [...tag.matchAll(/\s(?:src|srcset|data|poster|background|action|formaction|xlink:href)\s*=\s*["']?([^"'\s>]*)/gi)].map((match) => match[1])),
    ...tags.filter((tag) => /^<link\b/i.test(tag)),
    ...[...style.matchAll(/url\(|@import/gi)].map((match) => match[0]),
  ];
}

describe('review export: executive summary', () => {
  it('matches its snapshot', () => {
    snapshot('2026-11-20-checkout-latency.executive.md', report(fixture(), 'executive'));
  });

  it('leads with two sentences, then impact, durations with definitions, top factors and action states', () => {
    const md = report(fixture(), 'executive');
    const headings = md.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## What happened', '## Impact', '## How long it took', '## Top contributing factors', '## Action items']);
    assert.match(md, /Time to detect \| 7 min \| started → detected: how long the impact went unnoticed/);
    assert.match(md, /1 more in the team report/);
    assert.match(md, /\| A2 \| .* \| no due date \| open \|/);
    assert.match(md, /\| A6 \| .* \| dropped: Checkout on-call now has the cache dashboard \|/);
  });

  it('says what is not known instead of leaving gaps', () => {
    const md = report(incidentText().replace('resolved: 2026-11-20T12:00:00Z\n', ''), 'executive');
    assert.match(md, /Search latency\. No summary has been written yet\./);
    assert.match(md, /The impact has not been described yet\./);
    assert.match(md, /Time to resolve \| not recorded \(no `resolved` time\)/);
    assert.match(md, /No contributing factors recorded yet\./);
    assert.match(md, /No action items\./);
  });
});

describe('review export: team report', () => {
  it('matches its snapshot', () => {
    snapshot('2026-11-20-checkout-latency.team.md', report(fixture(), 'team'));
  });

  it('has the narrative, then the timeline, the perspectives, every factor and actions by owner', () => {
    const md = report(fixture(), 'team');
    const headings = md.split('\n').filter((line) => /^#{2,3} /.test(line));
    assert.deepEqual(headings, [
      '## Summary',
      '## Narrative',
      '## Timeline',
      '### How long it took',
      '## Perspectives',
      '### Engineering',
      '### Support',
      '### Product',
      '## Learnings',
      '## Contributing factors',
      '## Action items by owner',
      '### Lee Wong',
      '### Priya Shah',
      '### Sam Ortiz',
      '### No owner yet',
    ]);
    assert.match(md, /\| 14:15 \| communication \| Lee Wong \| Status page: checkout is slow \\\| orders go through \|/);
    assert.match(md, /\(\[evidence\]\(<https:\/\/grafana\.example\/d\/cache\?from=1&to=2>\)\)/);
    assert.match(md, /### Sam Ortiz\n\n- \*\*A5\*\* Document the fallback TTL users — due 2026-11-22 · done\n- \*\*A1\*\* Canary stage for cache config rollouts — due 2026-12-15 · open\n/);
  });
});

describe('review export: HTML', () => {
  for (const audience of ['executive', 'team'] as const) {
    it(`${audience}: self-contained, no script, nothing loaded`, () => {
      const html = report(fixture(), audience, 'html');
      assert.match(html, /^<!DOCTYPE html>/);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no tag has an event handler');
      assert.deepEqual(loadedUrls(html), [], 'no URL is fetched');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
      assert.match(html, /@media print/);
      // Links are there to follow, never to load: web addresses only.
      for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) assert.match(href, /^https:\/\//);
    });
  }

  it('the team report keeps web links, neutralises the relative one and shows no image', () => {
    const html = report(fixture(), 'team', 'html');
    assert.match(html, /<a href="https:\/\/grafana\.example\/d\/checkout" rel="noopener noreferrer">dashboard<\/a>/);
    assert.match(html, /<span class="link-off" title="docs\/runbooks\/checkout\.md">runbook<\/span>/);
    assert.match(html, /<span class="image-alt">\[image: p99 latency\]<\/span>/);
    assert.doesNotMatch(html, /<img/);
  });

  it('hostile text in the body and in every field stays text', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>[x](javascript:alert(3))';
    const q = JSON.stringify(payload);
    const text = incidentText(
      [
        `impact: {summary: ${q}, customers: ${q}}`,
        `review: {status: done, facilitator: ${q}, held: 2026-11-24}`,
        `roles: {commander: ${q}}`,
        `factors: [{kind: other, text: ${q}}]`,
        `actions: [{id: A1, title: ${q}, owner: ${q}, due: 2026-12-01, status: open}]`,
        `timeline: [{at: 2026-11-20T10:00:00Z, kind: trigger, who: ${q}, text: ${q}, evidence: "javascript:alert(4)"}]`,
      ],
      ['## Summary', '', payload, '', '<iframe srcdoc="<script>alert(5)</script>"></iframe>', '', '[y](javascript:alert(6)) <a href="javascript:alert(7)">z</a>'],
    ).replace('title: Search latency', `title: ${q}`);
    for (const audience of ['executive', 'team'] as const) {
      const html = report(text, audience, 'html');
      assert.doesNotMatch(html, /<script|<img|<iframe|<a href="javascript/i, audience);
      assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, `${audience}: no tag has an event handler`);
      assert.deepEqual(loadedUrls(html), [], audience);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/, `${audience} shows the payload as text`);
      const md = report(text, audience);
      // In the Markdown, field values are escaped: no tag or link survives from them (the body is the author's own Markdown).
      const fromFields = audience === 'executive' ? md : [md.split('## Summary')[0], md.slice(md.indexOf('## Timeline'), md.indexOf('### How long')), md.slice(md.indexOf('## Contributing factors'))].join('\n');
      assert.doesNotMatch(fromFields, /(?<!\\)<(img|script)|(?<!\\)\]\(javascript/, audience);
      assert.match(fromFields, /\\<img src=x/, audience);
    }
  });
});

describe('review export: pieces', () => {
  it('takes the first sentences without cutting at version numbers or abbreviations', () => {
    assert.equal(firstSentences('Cache v4.2 rolled out. Quotes expired e.g. every 30 s. Checkout slowed. Then it recovered.', 2), 'Cache v4.2 rolled out. Quotes expired e.g. every 30 s.');
  });

  it('names files by incident and audience, and reads the format from a file name', () => {
    const result = reviewReport(fixture(), { audience: 'team', format: 'html', todayMs: TODAY, fileName: FIXTURE_NAME });
    assert.ok(result.ok);
    assert.equal(result.suggestedName, 'INC-2026-014-review-team.html');
    assert.equal(formatOfFile('out/report.HTML'), 'html');
    assert.equal(formatOfFile('report.md'), 'md');
    assert.equal(formatOfFile('report.pdf'), undefined);
  });

  it('refuses a file it cannot read, saying why', () => {
    const result = reviewReport('no front matter', { audience: 'team', format: 'md', todayMs: TODAY, fileName: 'x.md' });
    assert.deepEqual(result, { ok: false, message: 'This file has no front matter, so it is not an incident.' });
  });
});
