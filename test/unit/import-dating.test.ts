/** How the importer dates timeline rows: dates from context, midnight, day-first headings, weekdays, zones. */
import * as assert from 'node:assert/strict';
import { importPostmortem, type ImportResult } from '../../src/core/import/index';
import { bodyOf, NOW, timelineOf } from './import-fixtures';

function importText(markdown: string, name = 'postmortem.md'): ImportResult {
  return importPostmortem(name, markdown, { existingIds: [], defaultSeverity: 'SEV3', now: NOW });
}

function timesOf(markdown: string): string[] {
  return timelineOf(importText(markdown)).map((e) => e.at);
}

function undatedOf(result: ImportResult): string[] {
  const section = bodyOf(result).split('## Timeline (not dated)')[1]?.split('\n## ')[0] ?? '';
  return section.split('\n').filter((l) => l.startsWith('- '));
}

describe('import: dating timeline rows', () => {
  it('rolls over midnight when the date comes from a Date: line (list and table)', () => {
    const list = importText('# T\n\nDate: January 12, 2024\nAll times are in Eastern Time (ET).\n\n## Timeline\n\n* 11:47 PM - Cert expires\n* 11:59 PM - Alert fires\n* 12:15 AM - Ack\n');
    assert.deepEqual(timelineOf(list).map((e) => e.at), ['2024-01-12T23:47:00-05:00', '2024-01-12T23:59:00-05:00', '2024-01-13T00:15:00-05:00']);
    assert.ok(list.warnings.some((w) => w.includes('next day (2024-01-13)')));
    assert.deepEqual(timesOf('# T\n\nDate: 2024-03-05\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 23:50 | Deploy |\n| 00:10 | Rolled back |\n'), ['2024-03-05T23:50:00Z', '2024-03-06T00:10:00Z']);
  });

  it('rolls over midnight when the date comes from front matter', () => {
    assert.deepEqual(timesOf('---\ndate: 2024-03-05\n---\n# T\n\n## Timeline (UTC)\n\n- 23:50 Deploy\n- 00:10 Rolled back\n'), ['2024-03-05T23:50:00Z', '2024-03-06T00:10:00Z']);
  });

  it('carries a date written on one row to the time-only rows after it', () => {
    const table = importText('# T\n\n*All times are in UTC.*\n\n## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n| Mar 5 2024 | 22:40 | Throttling |\n| | 22:55 | Alert |\n| Mar 6 2024 | 00:45 | Lifted |\n| | 02:10 | Empty |\n');
    assert.deepEqual(timelineOf(table).map((e) => e.at), ['2024-03-05T22:40:00Z', '2024-03-05T22:55:00Z', '2024-03-06T00:45:00Z', '2024-03-06T02:10:00Z']);
    assert.ok(table.warnings.some((m) => m.includes('take the date of the row above')));
    assert.match(bodyOf(table), /take the date of the row above them \(2024-03-05\)/);
    assert.deepEqual(timesOf('# T\n\n## Timeline (UTC)\n\n- 2024-03-05 22:40 — Deploy\n- 22:55 — Alert fires\n- 00:05 — Rolled back\n'), ['2024-03-05T22:40:00Z', '2024-03-05T22:55:00Z', '2024-03-06T00:05:00Z']);
  });

  it('reads 1415 as a time only in a column headed as one', () => {
    assert.deepEqual(timesOf('# T\n\n## Timeline (UTC)\n\n| Date | Time | Event |\n|---|---|---|\n| 2024-03-05 | 1415 | Deploy |\n| | 0030 | After midnight |\n'), ['2024-03-05T14:15:00Z', '2024-03-06T00:30:00Z']);
    assert.deepEqual(timesOf('# T\n\n## Timeline (UTC)\n\n| Event | Count |\n|---|---|\n| Deploy on 2024-03-05 | 1415 |\n'), []);
  });

  it('reads day-first date headings as dates, not as numbered sections', () => {
    assert.deepEqual(timesOf('# T\n\n## Timeline\n\nAll times UTC.\n\n### 5 Jul 2024\n\n- 08:14 Deploy\n\n### 12 March 2024\n\n- 14:02 Alert\n'), ['2024-03-12T14:02:00Z', '2024-07-05T08:14:00Z']);
  });

  it('keeps words that start like weekdays ("Monitoring", "Saturation", "Sunset")', () => {
    const texts = timelineOf(importText('# T\n\nDate: 2024-03-05\n\n## Timeline (UTC)\n\n- 14:02 Monitoring shows errors\n- 14:03 - Saturation on db\n- 14:04: Sunset job runs\n- 14:05 Thursday deploy reverted\n')).map((e) => e.text);
    assert.deepEqual(texts, ['Monitoring shows errors', 'Saturation on db', 'Sunset job runs', 'Thursday deploy reverted']);
  });

  it('reads IANA zones with an underscore in statements and column headings, DST-correct', () => {
    assert.deepEqual(timesOf('# T\n\nAll times are America/Los_Angeles.\n\n## Timeline\n\n- 2024-01-05 10:00 Winter\n- 2024-07-05 10:00 Summer\n'), ['2024-01-05T10:00:00-08:00', '2024-07-05T10:00:00-07:00']);
    assert.deepEqual(timesOf('# T\n\nTimezone: America/New_York\n\n## Timeline\n\n- 2024-03-05 10:00 Deploy\n'), ['2024-03-05T10:00:00-05:00']);
    assert.deepEqual(timesOf('# T\n\n## Timeline\n\n| When (America/New_York) | Event |\n|---|---|\n| 2024-07-05 10:00 | Deploy |\n'), ['2024-07-05T10:00:00-04:00']);
  });

  it('keeps rows it cannot date under the timeline section with the reason', () => {
    const result = importText('# T\n\nDate: 2024-03-05\n\n## Timeline (UTC)\n\n- 10:00 Deploy\n- HH:mm add more here\n');
    assert.deepEqual(undatedOf(result), ['- HH:mm — add more here _(the time is a placeholder)_']);
  });

  it('notes the midnight roll-over in the imported file, not only in the report', () => {
    const body = bodyOf(importText('# T\n\nDate: 2024-03-05\n\n## Timeline (UTC)\n\n- 23:50 Deploy\n- 00:10 Rolled back\n'));
    assert.match(body, /- _The time 00:10 comes after a later one, so it was read as the next day \(2024-03-06\)\._/);
  });

  it('dates time-only rows from a date in the title or the summary', () => {
    assert.deepEqual(timesOf('# 2024-03-05 Checkout outage\n\n## Timeline (UTC)\n\n- 10:32 Deploy\n'), ['2024-03-05T10:32:00Z']);
    assert.deepEqual(timesOf('# Checkout outage on 5 March 2024\n\n## Timeline (UTC)\n\n- 10:32 Deploy\n'), ['2024-03-05T10:32:00Z']);
    const prose = importText('# Checkout outage\n\n## Summary\n\nOn March 5, 2024, checkout failed.\n\n## Timeline (UTC)\n\n- 10:32 Deploy\n');
    assert.deepEqual(timelineOf(prose).map((e) => e.at), ['2024-03-05T10:32:00Z']);
    assert.ok(prose.mapped.some((m) => m.includes('from the text "On March 5, 2024, checkout failed."')));
  });

  it('places dates without a year in the year of the other dates, and says so', () => {
    const result = importText('# Cluster red\n\n## Timeline\n\n- Mar 5 10:32 UTC — GC overhead\n- Mar 5 11:50 UTC — Green\n\n## Action items\n\n- Limits (Owner: @infra, Due: 2024-03-22)\n');
    assert.deepEqual(timelineOf(result).map((e) => e.at), ['2024-03-05T10:32:00Z', '2024-03-05T11:50:00Z']);
    assert.match(bodyOf(result), /Dates without a year were read as 2024, the year of the other dates in the document/);
  });

  it('keeps fenced code in the timeline section verbatim in the body, not as rows', () => {
    const fence = '```\nTue Mar  5 10:32:11 UTC 2024  es-data-4 GC overhead > 90%\n10:33:40 es-data-4 leaves cluster\n```';
    const result = importText(`# T\n\n## Timeline\n\n${fence}\n\n- 2024-03-05 10:34 UTC Cluster red\n`);
    assert.deepEqual(timelineOf(result).map((e) => e.text), ['Cluster red']);
    assert.ok(bodyOf(result).includes(fence));
  });

  it('reads a range with the zone on both ends, keeping the end out of the text', () => {
    const [entry] = timelineOf(importText('# T\n\nDate: March 5, 2024\n\n## Timeline\n\n- 11:05 AM PST – 11:40 AM PST: Payment SDK rolled back\n'));
    assert.equal(entry.at, '2024-03-05T11:05:00-08:00');
    assert.equal(entry.text, 'Payment SDK rolled back (until 11:40 AM)');
  });

  it('reads dotted, military, glued, emoji-led and "At ... on ..." stamps', () => {
    const result = importText(
      '# T\n\nDate: 2024-03-05\n\n## Timeline (UTC)\n\n- 08.47 New certificate deployed\n- 2114Z Disk reports errors\n- 21:20—Deploy\n- 🔴 21:25 — Incident declared\n- At 21:30 UTC on 2024-03-06, the rollback started\n- 1.50 hours later, nothing\n',
    );
    assert.deepEqual(
      timelineOf(result).map((e) => [e.at, e.text]),
      [
        ['2024-03-05T08:47:00Z', 'New certificate deployed'],
        ['2024-03-05T21:14:00Z', 'Disk reports errors'],
        ['2024-03-05T21:20:00Z', 'Deploy'],
        ['2024-03-05T21:25:00Z', 'Incident declared'],
        ['2024-03-06T21:30:00Z', 'the rollback started'],
      ],
    );
    assert.deepEqual(undatedOf(result), ['- 1.50 hours later, nothing _(no time given)_']);
  });

  it('reads 03/06/2024 in the order the document\'s unambiguous dates show, else by a US zone, else keeps it', () => {
    const byOtherDates = importText('# T\n\n## Timeline (UTC)\n\n| When | Event |\n|---|---|\n| 03/06/2024 9:30 AM | Rolled back |\n\n## Action items\n\n- Pin it (Owner: Data, Due: 03/22/2024)\n');
    assert.deepEqual(timelineOf(byOtherDates).map((e) => e.at), ['2024-03-06T09:30:00Z']);
    assert.match(bodyOf(byOtherDates), /Dates like 03\/06\/2024 were read as month\/day, the order the document's other dates are written in/);
    assert.deepEqual(timesOf('# T\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 03/06/2024 9:30 AM | Rolled back |\n| 25/06/2024 10:00 | Other |\n'), ['2024-06-03T09:30:00Z', '2024-06-25T10:00:00Z']);
    assert.deepEqual(timesOf('# T\n\n## Timeline\n\n| Date/Time (PT) | Event |\n|---|---|\n| 03/06/2024 9:30 AM | Rolled back |\n'), ['2024-03-06T09:30:00-08:00']);
    const unknown = importText('# T\n\n## Timeline (CET)\n\n- 03/06/2024 09:30 Rolled back\n');
    assert.deepEqual(undatedOf(unknown), ['- 03/06/2024 09:30 — Rolled back _(03/06/2024 could be day/month or month/day)_']);
  });
});
