/** `incident-lens report`: output choice, filters, and one-line errors with exit code 2 on bad usage. */
import * as assert from 'node:assert/strict';
import { setClock } from '../../src/core/clock';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cli, exampleCopy, removeAll } from './report-support';

describe('report: command line', () => {
  const temps: string[] = [];
  let folder = '';
  before(() => {
    folder = exampleCopy(temps);
  });
  after(() => removeAll(temps));

  it('writes Markdown to stdout by default', async () => {
    const run = await cli('report', folder, '--today', '2026-11-25');
    assert.equal(run.code, 0);
    assert.match(run.out, /^# Incident insights: workspace\n/);
    assert.equal(run.err, '');
  });

  it('writes Markdown or HTML by the --out extension', async () => {
    const md = path.join(path.dirname(folder), 'out.md');
    const html = path.join(path.dirname(folder), 'out.HTML');
    assert.equal((await cli('report', folder, '--today', '2026-11-25', '--out', md)).code, 0);
    assert.equal((await cli('report', folder, '--today', '2026-11-25', '--out', html)).code, 0);
    assert.match(readFileSync(md, 'utf8'), /^# Incident insights/);
    assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);
  });

  it('applies the filters and says so', async () => {
    const run = await cli('report', folder, '--today', '2026-11-25', '--service', 'checkout', '--severity', 'SEV2', '--from', '2026-09-01', '--to', '2026-11-30');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^2 incidents \(of 10\), September 2026 to November 2026, as of 2026-11-25\. Filtered to service checkout, severity SEV2, started 2026-09-01 to 2026-11-30\.$/m);
    assert.match(run.out, /\| INC-2026-014 \|/);
    assert.match(run.out, /\| INC-2026-016 \|/);
    assert.doesNotMatch(run.out, /\| INC-2026-018 \|/);
  });

  it('reads no clock when --today is given: hotspot recency counts from that day too', async () => {
    let reads = 0;
    const restore = setClock(() => {
      reads++;
      return Date.UTC(2031, 0, 1);
    });
    let run;
    try {
      run = await cli('report', folder, '--today', '2026-11-25');
    } finally {
      restore();
    }
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /as of 2026-11-25\./);
    assert.equal(reads, 0);
  });

  it('groups by quarter on request', async () => {
    const run = await cli('report', folder, '--today', '2026-11-25', '--by', 'quarter', '--no-git');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /\| Quarter \| SEV1 \|/);
    assert.match(run.out, /\| 2026 Q3 \| 1 \| 1 \| 1 \| 0 \| 3 \| 1 \|/);
  });

  for (const [args, message] of [
    [['--out', 'report.pdf'], /--out must name a \.md or \.html file, not "report\.pdf"/],
    [['--today', '25/11/2026'], /--today must be a date like 2026-11-25/],
    [['--from', '2026-02-30'], /--from must be a date like 2026-11-25/],
    [['--from', '2026-10-01', '--to', '2026-09-01'], /--from 2026-10-01 is after --to 2026-09-01/],
    [['--severity', 'SEV9'], /--severity must be one of SEV1, SEV2, SEV3, SEV4, not "SEV9"/],
    [['--by', 'week'], /--by must be month or quarter, not "week"/],
    [['--colour'], /Unknown option '--colour'/],
  ] as const) {
    it(`refuses ${args.join(' ')} with exit code 2`, async () => {
      const out = path.join(path.dirname(folder), 'report.pdf');
      const run = await cli('report', folder, ...args);
      assert.equal(run.code, 2);
      assert.match(run.err, message);
      assert.match(run.err, /Run "incident-lens help" for usage\.\n$/);
      assert.equal(run.out, '');
      assert.equal(existsSync(out), false);
    });
  }

  it('refuses a folder that does not exist', async () => {
    const run = await cli('report', path.join(folder, 'nope'));
    assert.equal(run.code, 2);
    assert.match(run.err, /cannot read folder/);
  });

  it('says when the file cannot be written', async () => {
    const run = await cli('report', folder, '--out', path.join(folder, 'missing-dir', 'r.md'));
    assert.equal(run.code, 2);
    assert.match(run.err, /cannot write .*r\.md: ENOENT/);
  });

  it('lists report in the usage', async () => {
    const run = await cli('help');
    assert.match(run.out, /incident-lens report \[FOLDER\] \[--out FILE\.md\|FILE\.html\]/);
  });
});
