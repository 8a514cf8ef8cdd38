/**
 * The Markdown report: a snapshot for the example workspace (as of
 * 2026-11-25), and the rules it keeps whatever the data: the top insight
 * first, no mean-time headline, incident text escaped.
 *
 * UPDATE_SNAPSHOTS=1 npx mocha test/unit/report-markdown.test.ts rewrites the snapshot.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildInsights } from '../../src/core/insights';
import { renderReport } from '../../src/core/report';
import { ALL, SEVERITIES, TODAY, source } from './insights-fixtures';
import { cli, exampleCopy, removeAll, SNAPSHOT_DIR } from './report-support';
import { matchSnapshot } from './snapshot-support';

const SNAPSHOT = path.join(SNAPSHOT_DIR, 'example-workspace.md');

describe('report: Markdown', () => {
  const temps: string[] = [];
  after(() => removeAll(temps));

  it('matches the snapshot for the example workspace', async () => {
    const run = await cli('report', exampleCopy(temps), '--today', '2026-11-25');
    assert.equal(run.code, 0, run.err);
    matchSnapshot(SNAPSHOT, run.out);
  });

  it('starts with the top insight and its incidents, before any evidence', () => {
    const markdown = renderReport(buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES }), 'markdown');
    const lines = markdown.split('\n').filter((line) => line.trim() !== '');
    assert.match(lines[0], /^# Incident insights/);
    assert.match(lines[2], /^\*\*Top insight:\*\* 3 of 6 incidents since January 2026 touched src\/cache\//);
    assert.match(lines[3], /^Incidents behind it: INC-2026-001, INC-2026-002, INC-2026-006\.$/);
    assert.ok(markdown.indexOf('Top insight') < markdown.indexOf('## '), 'the insight comes before the first section');
  });

  it('never headlines a mean, and says why', () => {
    const markdown = renderReport(buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES }), 'markdown');
    assert.doesNotMatch(markdown, /\b(mean|average) (time|duration)\s*[:=]/i);
    assert.doesNotMatch(markdown, /\bMTT[RDAM]\b/);
    assert.match(markdown, /durations are skewed/);
    assert.match(markdown, /cannot be hurried/);
    for (const heading of ['### Time to detect', '### Time to mitigate', '### Time to resolve']) assert.ok(markdown.includes(heading), heading);
    assert.match(markdown, /`detected` − `started`/);
  });

  it('escapes whatever the incident files say', () => {
    const hostile = source('incidents/x.md', [
      'id: INC-2026-099',
      'title: "Pipes | and *stars* and <b>tags</b>\\nand `ticks`"',
      'status: resolved',
      'severity: SEV2',
      'started: 2026-03-01T00:00:00Z',
      'services: ["a|b", "[link](https://evil.example)"]',
      'actions:',
      '  - {id: A1, title: "Drop | it", status: dropped, reason: "# not a heading\\n| not a row |"}',
    ]);
    const markdown = renderReport(buildInsights([hostile, { ...hostile, key: 'y.md', path: 'y.md' }], { todayMs: TODAY, severities: SEVERITIES }), 'markdown');
    assert.ok(!markdown.includes('<b>'), 'no raw HTML');
    assert.ok(markdown.includes('Pipes \\| and \\*stars\\* and \\<b\\>tags\\</b\\> and \\`ticks\\`'));
    assert.ok(markdown.includes('\\[link\\](https://evil.example)'), 'a link in a service name stays text');
    assert.ok(markdown.includes('\\# not a heading \\| not a row \\|'));
    // Every table row has exactly as many unescaped pipes as its header.
    for (const table of markdown.split('\n\n').filter((block) => block.startsWith('| '))) {
      const [head, ...rest] = table.trimEnd().split('\n');
      const pipes = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      for (const line of rest) assert.equal(pipes(line), pipes(head), line);
    }
  });
});
