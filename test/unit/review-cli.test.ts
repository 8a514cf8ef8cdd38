/** `incident-lens report --incident ID`: one incident's review, the same report as Export Review… in the editor. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURE_NAME, FIXTURES, fixture } from './review-support';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('incident-lens report --incident', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'incident-lens-review-'));
    mkdirSync(path.join(folder, 'incidents'));
    writeFileSync(path.join(folder, 'incidents', FIXTURE_NAME), fixture());
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the executive summary by default, and the team report when asked', async () => {
    const executive = await run('report', folder, '--incident', 'INC-2026-014', '--today', '2026-11-25');
    assert.equal(executive.code, 0, executive.err);
    assert.equal(executive.out, readFileSync(path.join(FIXTURES, '2026-11-20-checkout-latency.executive.md'), 'utf8'));
    const team = await run('report', folder, '--incident=INC-2026-014', '--audience', 'team', '--today', '2026-11-25');
    assert.equal(team.out, readFileSync(path.join(FIXTURES, '2026-11-20-checkout-latency.team.md'), 'utf8'));
  });

  it('writes HTML when --out names an .html file', async () => {
    const out = path.join(folder, 'review.html');
    const result = await run('report', folder, '--incident', 'INC-2026-014', '--out', out);
    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, '');
    assert.match(result.err, /^Wrote .*review\.html \(executive summary of INC-2026-014\)\.\n$/);
    assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>[\s\S]*<h2>What happened<\/h2>/);
  });

  it('exits 2 with one line on bad usage or an unknown id', async () => {
    const cases: [string[], RegExp][] = [
      [['--incident', 'INC-2026-999'], /no incident with id INC-2026-999/],
      [['--incident', 'INC-2026-014', '--audience', 'board'], /--audience must be executive or team/],
      [['--incident', 'INC-2026-014', '--out', 'x.pdf'], /--out must name a \.md or \.html file/],
      [['--incident', 'INC-2026-014', '--today', 'tomorrow'], /--today must be a date/],
      [['--incident', 'INC-2026-014', '--by', 'month'], /Unknown option '--by'/],
    ];
    for (const [args, message] of cases) {
      const result = await run('report', folder, ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err, message);
      assert.equal(result.err.trim().split('\n').length, 1);
    }
  });
});
