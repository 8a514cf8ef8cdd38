/**
 * The six real postmortems in the shared set: each imports, every dated
 * row becomes an entry at the right time, and the derived lifecycle times
 * are the ones a reader would pick (checked by hand against the sources).
 */
import * as assert from 'node:assert/strict';
import { bodyOf, fixture, fixtures, frontMatterOf, importFixture, timelineOf } from './import-fixtures';

/** `| 2019-11-30 08:24 | ...` rows: the date and time a reader sees, before any zone is applied. */
function datedRows(text: string): Array<{ date: string; time: string }> {
  const rows: Array<{ date: string; time: string }> = [];
  for (const line of text.split('\n')) {
    const match = /^\s*\|\s*~?(\d{4}-\d{2}-\d{2})\s+(\d{1,2}):(\d{2})~?\s*(?:-\s*\d{1,2}:\d{2}\s*)?\|/.exec(line);
    if (match) rows.push({ date: match[1], time: `${match[2].padStart(2, '0')}:${match[3]}` });
  }
  return rows;
}

describe('import: the shared real postmortems', () => {
  for (const f of fixtures('dfds')) {
    it(`imports ${f.name} with every dated row as an entry at its written time`, () => {
      const result = importFixture(f);
      const entries = timelineOf(result);
      const rows = datedRows(f.text);
      assert.equal(entries.length, rows.length);
      const remaining = entries.map((e) => e.at);
      for (const row of rows) {
        const index = remaining.findIndex((at) => at.startsWith(`${row.date}T${row.time}:00`));
        assert.ok(index >= 0, `no entry for ${row.date} ${row.time}`);
        remaining.splice(index, 1);
      }
    });
  }

  it('reads CET as +01:00 and keeps the written wall-clock time (PM2019-009)', () => {
    const result = importFixture(fixture('dfds', 'PM2019-009'));
    const entries = timelineOf(result);
    assert.equal(entries.length, 13);
    assert.equal(entries[1].at, '2019-11-30T08:24:00+01:00');
    assert.match(entries[1].text, /^Automated warning from AWS/);
    assert.equal(entries[12].at, '2019-12-05T12:00:00+01:00');
    const fields = frontMatterOf(result);
    assert.equal(fields.id, 'PM2019-009');
    assert.equal(fields.started, '2019-11-29T12:00:00+01:00');
    assert.equal(fields.detected, '2019-11-30T08:24:00+01:00');
    assert.equal(fields.resolved, '2019-12-05T07:00:00+01:00');
    assert.equal(result.fileName, '2019-11-29-kubernetes-network-infrastructure-ip-starvation.md');
    // The row with `--:--` has no time: it stays in the body.
    assert.match(bodyOf(result), /## Timeline \(not dated\)[\s\S]*2019-12-03 --:-- — Surge new deployments/);
  });

  it('derives mitigated from the stats line that agrees with the timeline (PM2020-004)', () => {
    const fields = frontMatterOf(importFixture(fixture('dfds', 'PM2020-004')));
    assert.equal(fields.started, '2020-02-03T11:21:00+01:00');
    assert.equal(fields.mitigated, '2020-02-03T11:52:00+01:00');
    assert.equal(fields.resolved, '2020-02-03T13:30:00+01:00');
    assert.equal(fields.detected, undefined, '"Time to detection: ?" gives no time');
    assert.deepEqual(fields.tags, ['kubernetes']);
  });

  it('finds detection at started + "Time to detection: 64 minutes" (PM2021-008)', () => {
    const result = importFixture(fixture('dfds', 'PM2021-008'));
    const fields = frontMatterOf(result);
    assert.equal(fields.started, '2021-08-26T08:22:00Z');
    assert.equal(fields.detected, '2021-08-26T09:26:00Z');
    assert.equal(fields.mitigated, '2021-08-26T09:49:00Z');
    assert.equal(fields.resolved, '2021-08-26T10:00:00Z');
    assert.equal(fields.status, 'reviewed');
    assert.deepEqual(fields.participants, ['EC', 'MM', 'WC', 'AN']);
    assert.equal((fields.factors as unknown[]).length, 5);
    assert.equal((fields.actions as unknown[]).length, 2);
    assert.match(result.text, /^detected: "2021-08-26T09:26:00Z" {2}# the entry at started \+ "Time to detection: 64 minutes"/m);
  });

  it('imports a supply-chain response with midnight rows as real times (PM2022-005)', () => {
    const fields = frontMatterOf(importFixture(fixture('dfds', 'PM2022-005')));
    const entries = fields.timeline as Array<{ at: string; text: string }>;
    assert.equal(entries.length, 12);
    assert.equal(entries[0].at, '2022-03-07T00:00:00Z');
    assert.equal(entries[6].at, '2022-03-18T09:15:00Z');
    assert.equal(fields.detected, '2022-03-18T08:37:00Z');
    assert.equal(fields.resolved, '2022-03-18T11:20:00Z');
    assert.deepEqual(fields.participants, ['EC', 'AN', 'SD', 'WC', 'JS']);
  });

  it('keeps HH:mm and 14:?? rows in the body and joins <br> lines (PM2024-001)', () => {
    const result = importFixture(fixture('dfds', 'PM2024-001'));
    const fields = frontMatterOf(result);
    const entries = fields.timeline as Array<{ at: string; text: string }>;
    assert.equal(entries.length, 25);
    assert.equal(fields.started, '2024-03-13T10:01:00Z');
    assert.equal(fields.detected, '2024-03-13T10:05:00Z');
    assert.equal(fields.mitigated, '2024-03-13T12:10:00Z');
    assert.equal(fields.resolved, '2024-03-14T09:20:00Z');
    const concluded = entries.find((e) => e.at === '2024-03-13T13:49:00Z');
    assert.equal(concluded?.text, 'Concluded that a dev container using hangfire to trigger jobs, but fail with OOM. Caused CrashLoopBackOff with new OOMs.');
    const body = bodyOf(result);
    assert.match(body, /- 2024-03-13 HH:mm — Short event description\. _\(the time is a placeholder\)_/);
    assert.match(body, /- 2024-03-13 14:\?\? — Scaled the rough dev container down to 0 replicas\./);
    assert.equal((fields.actions as unknown[]).length, 7);
  });

  it('imports the empty template, with the import time as a clearly marked stand-in', () => {
    const result = importFixture(fixture('dfds', 'PMyyyy-nnn'));
    const fields = frontMatterOf(result);
    assert.equal(fields.title, 'Incident Title');
    assert.equal(fields.started, '2026-01-15T10:30:00Z');
    assert.equal(fields.status, 'resolved');
    assert.equal(fields.resolved, fields.started);
    assert.match(result.text, /^started: .*# not in the source: the time of the import, please correct$/m);
    assert.ok(result.warnings.some((w) => /no date at all/.test(w)));
    assert.equal(result.fileName, '2026-01-15-incident-title.md');
    assert.match(bodyOf(result), /20xx-MM-DD HH:mm — Short event description/);
  });

  it('uses the next free id when the source id is already taken, and says so', () => {
    const result = importFixture(fixture('dfds', 'PM2020-004'), { existingIds: ['PM2020-004', 'INC-2020-007'] });
    assert.equal(result.id, 'INC-2020-008');
    assert.equal(frontMatterOf(result).id, 'INC-2020-008');
    assert.ok(result.warnings.some((w) => w.includes('PM2020-004 is already used')));
  });

  it('takes the severity asked for when the source does not state one', () => {
    const asked = importFixture(fixture('dfds', 'PM2020-004'), { severity: 'SEV2' });
    assert.equal(frontMatterOf(asked).severity, 'SEV2');
    assert.equal(asked.severityFrom, 'option');
    const defaulted = importFixture(fixture('dfds', 'PM2020-004'), { defaultSeverity: 'SEV4' });
    assert.equal(frontMatterOf(defaulted).severity, 'SEV4');
    assert.equal(defaulted.severityFrom, 'default');
  });
});
