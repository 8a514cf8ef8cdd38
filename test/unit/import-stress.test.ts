/**
 * The postmortems of the import stress audit (test/fixtures/postmortems/stress):
 * every file imports, every dated row is an entry at the right time, and the
 * result lints without errors.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../src/core/lint';
import { bodyOf, fixture, fixtures, frontMatterOf, importFixture, timelineOf } from './import-fixtures';

/** File prefix, the entries' times in order, and how many rows stay undated (with a reason). */
const EXPECTED: ReadonlyArray<[string, string[], number]> = [
    ['01', ['2024-03-05T10:32:00-08:00','2024-03-05T10:41:00-08:00','2024-03-05T10:55:00-08:00','2024-03-05T11:05:00-08:00','2024-03-05T11:52:00-08:00','2024-03-05T12:03:00-08:00','2024-03-05T12:10:00-08:00'], 0],
    ['02', ['2024-02-18T22:47:00Z','2024-02-18T23:09:00Z','2024-02-18T23:15:00Z','2024-02-18T23:40:00Z','2024-02-19T00:05:00Z','2024-02-19T01:02:00Z','2024-02-19T02:30:00Z'], 0],
    ['03', ['2024-03-05T14:02:00Z','2024-03-05T14:19:00Z','2024-03-05T14:24:00Z','2024-03-05T14:51:00Z','2024-03-05T15:10:00Z','2024-03-05T15:32:00Z','2024-03-05T16:45:00Z'], 0],
    ['04', ['2024-07-05T08:14:00+01:00','2024-07-05T08:20:00+01:00','2024-07-05T10:02:00+01:00','2024-07-05T10:15:00+01:00','2024-07-05T11:05:00+01:00','2024-07-05T11:20:00+01:00'], 2],
    ['05', ['2024-03-05T09:58:00Z','2024-03-05T10:01:00Z','2024-03-05T10:03:00Z','2024-03-05T10:09:00Z','2024-03-05T10:27:00Z','2024-03-05T10:38:00Z','2024-03-05T10:45:00Z','2024-03-05T10:50:00Z'], 0],
    ['06', ['2024-03-05T23:30:00Z','2024-03-05T23:58:10Z','2024-03-06T00:12:00Z','2024-03-06T06:05:00+05:30','2024-03-06T01:10:00Z','2024-03-06T02:40:00Z'], 0],
    ['07', ['2024-01-12T23:47:00-05:00','2024-01-12T23:59:00-05:00','2024-01-13T00:15:00-05:00','2024-01-13T00:48:00-05:00','2024-01-13T01:10:00-05:00','2024-01-13T01:20:00-05:00'], 0],
    ['08', [], 0],
    ['09', ['2024-04-09T13:05:00+02:00','2024-04-09T13:05:00+02:00','2024-04-09T14:09:00+02:00','2024-04-09T14:20:00+02:00','2024-04-09T14:45:00+02:00','2024-04-09T15:30:00+02:00','2024-04-09T18:05:00+02:00'], 0],
    ['10', ['2015-10-21T14:51:00Z','2015-10-21T14:53:00Z','2015-10-21T14:54:00Z','2015-10-21T14:55:00Z','2015-10-21T14:57:00Z','2015-10-21T15:01:00Z','2015-10-21T16:00:00Z','2015-10-21T23:59:00Z'], 0],
    ['11', ['2024-03-02T21:14:00Z','2024-03-02T21:30:00Z','2024-03-02T23:45:00Z','2024-03-03T00:10:00Z','2024-03-03T02:30:00Z','2024-03-03T03:00:00Z'], 0],
    ['12', ['2024-03-05T07:40:00+01:00','2024-03-05T07:52:00+01:00','2024-03-05T08:05:00+01:00','2024-03-05T08:47:00+01:00','2024-03-06T09:00:00+01:00'], 2],
    ['13', ['2024-03-05T14:02:00-08:00','2024-03-05T14:15:00-08:00','2024-03-06T08:10:00-08:00','2024-03-06T08:45:00-08:00','2024-03-06T09:30:00-08:00','2024-03-06T11:20:00-08:00'], 0],
    ['14', ['2024-03-05T14:20:00+02:00','2024-03-05T14:02:00+01:00','2024-03-05T14:06:33+01:00','2024-03-05T14:10:00+01:00','2024-03-05T14:25:00+01:00','2024-03-05T14:40:00+01:00','2024-03-05T15:05:00+01:00','2024-03-05T15:30:00+01:00'], 0],
    ['15', [], 0],
    ['16', ['2024-03-05T22:40:00Z','2024-03-05T22:55:00Z','2024-03-05T23:30:00Z','2024-03-06T00:45:00Z','2024-03-06T02:10:00Z'], 0],
    ['17', ['2024-03-05T10:32:00Z','2024-03-05T10:34:00Z','2024-03-05T11:02:00Z','2024-03-05T11:50:00Z'], 0],
    ['18', ['2023-06-14T21:40:00Z','2023-06-14T22:05:00Z','2023-06-14T22:07:00Z','2023-06-14T22:37:00Z','2023-06-14T22:41:00Z','2023-06-14T22:58:00Z','2023-06-15T00:12:00Z','2023-06-15T00:30:00Z','2023-06-15T01:17:00Z','2023-06-15T02:00:00Z'], 0],
    ['19', ['2024-05-14T08:55:10+01:00','2024-05-14T09:02:41+01:00','2024-05-14T09:18:02+01:00','2024-05-14T09:21:30+01:00','2024-05-14T08:31:00Z','2024-05-14T09:47:15+01:00','2024-05-14T10:18:00+01:00','2024-05-14T10:41:00+01:00'], 0],
    ['20', ['2024-03-04T10:32:00-05:00','2024-03-04T10:40:00-05:00','2024-03-04T16:15:00-05:00','2024-03-04T23:50:00-05:00','2024-03-05T00:20:00-05:00','2024-03-05T01:05:00-05:00','2024-03-05T01:30:00-05:00','2024-03-05T07:45:00-05:00'], 0],
    ['21', ['2024-03-12T14:23:00Z','2024-03-12T14:31:00Z','2024-03-12T14:40:00Z','2024-03-12T14:52:00Z','2024-03-12T15:10:00Z','2024-03-12T15:25:00Z'], 0],
    ['22', ['2023-11-02T11:43:00Z','2023-11-02T11:44:00Z','2023-11-02T11:50:00Z','2023-11-02T12:05:00Z','2023-11-02T13:30:00Z','2023-11-02T17:20:00Z','2023-11-02T18:04:00Z','2023-11-02T19:55:00Z','2023-11-02T22:10:00Z'], 0],
    ['23', ['2023-11-02T12:31:00Z','2023-11-02T12:48:00Z','2023-11-02T13:02:00Z','2023-11-02T13:40:00Z','2023-11-02T14:05:00Z'], 0],
    ['24', ['2024-02-07T08:15:00+01:00','2024-02-07T09:02:00+01:00','2024-02-07T09:40:00+01:00','2024-02-07T10:25:00+01:00','2024-02-07T13:10:00+01:00'], 0],
    ['25', ['2024-03-05T14:02:11Z','2024-03-05T14:03:40Z','2024-03-05T14:09:02Z','2024-03-05T14:31:55Z','2024-03-05T14:48:20Z','2024-03-05T14:50:07Z','2024-03-06T09:15:00Z'], 0],
    ['26', ['2024-03-22T14:15:00-06:00','2024-03-22T14:22:00-06:00','2024-03-22T14:40:00-06:00','2024-03-22T14:59:00-06:00','2024-03-22T15:07:00-06:00'], 0],
];

describe('import: the stress postmortems', () => {
  for (const [prefix, times, undated] of EXPECTED) {
    it(`imports ${fixture('stress', prefix).name} with every dated row at its time`, () => {
      const result = importFixture(fixture('stress', prefix));
      assert.deepEqual(timelineOf(result).map((e) => e.at), times);
      const kept = (bodyOf(result).split('## Timeline (not dated)')[1] ?? '').split('\n## ')[0].split('\n').filter((l) => l.startsWith('- '));
      assert.equal(kept.length, undated, kept.join('\n'));
      assert.deepEqual(lintText(result.text).diagnostics.filter((d) => d.severity === 'error'), [], result.text);
    });
  }

  it('reads roles from a field table, Windows-1252 text and owners only from owner fields, and notes carried dates', () => {
    assert.deepEqual(frontMatterOf(importFixture(fixture('stress', '19'))).roles, { commander: 'Ayesha Rahman' });
    const windows = importFixture(fixture('stress', '24'));
    assert.equal(frontMatterOf(windows).title, 'Invoice PDFs blank');
    assert.match(timelineOf(windows)[1].text, /^First “empty invoice” ticket/);
    assert.match(bodyOf(windows), /read as Windows-1252/);
    const actions = frontMatterOf(importFixture(fixture('stress', '20'))).actions as Array<{ title: string; owner?: string }>;
    assert.deepEqual(actions.map((a) => a.owner), ['Dana Kim', 'Marcus Lee', undefined]);
    assert.match(actions[2].title, /An owner here is still needed/);
    assert.match(bodyOf(importFixture(fixture('stress', '22'))), /take the date of the row above them \(2023-11-02\)/);
    assert.equal(timelineOf(importFixture(fixture('stress', '25')))[0].text, 'scheduler pods restart after node pool upgrade');
  });

  it('reads due dates like 04/05/2024 in the order of the document\'s other dates, and says so', () => {
    const result = importFixture(fixture('stress', '26'));
    const actions = frontMatterOf(result).actions as Array<{ due?: string }>;
    assert.deepEqual(actions.map((a) => a.due), ['2024-04-05', '2024-04-12']);
    assert.match(bodyOf(result), /Dates like 04\/05\/2024 were read as month\/day/);
    assert.deepEqual(timelineOf(result).map((e) => e.who), ['pipeline', 'NOC', 'R. Alvarez', 'R. Alvarez', 'NOC']);
  });

  it('takes dated sentences of a prose timeline and status page updates with the time under the text', () => {
    const prose = timelineOf(importFixture(fixture('stress', '21')));
    assert.equal(prose[0].text, 'A configuration change to the SSH frontend fleet reduced the maximum number of concurrent sessions per host.');
    assert.match(prose[2].text, /\(time approximate\)$/);
    const body = bodyOf(importFixture(fixture('stress', '21')));
    assert.match(body, /Error rates for SSH operations began climbing soon after\./);
    const updates = timelineOf(importFixture(fixture('stress', '23')));
    assert.match(updates[0].text, /^Investigating - /);
    assert.match(updates[4].text, /^Resolved - /);
  });

  it('covers every stress fixture', () => {
    assert.deepEqual(fixtures('stress').map((f) => f.name.slice(0, 2)), EXPECTED.map(([prefix]) => prefix));
  });

  it('reads titles, severities and times from metadata fields, tables and quotes', () => {
    const fieldsOf = (prefix: string, options = {}) => frontMatterOf(importFixture(fixture('stress', prefix), options));
    const gitlab = fieldsOf('02');
    assert.equal(gitlab.title, 'Elevated latency on the container registry');
    assert.equal(fieldsOf('04', { severityLevels: ['P1', 'P2', 'P3', 'P4'] }).severity, 'P2');
    assert.equal(fieldsOf('13', { severityLevels: ['P1', 'P2', 'P3', 'P4'] }).severity, 'P3');
    const fields = fieldsOf('15');
    assert.deepEqual(
      [fields.title, fields.severity, fields.started, fields.detected, fields.resolved],
      ['Webhook signing key leaked in public repo', 'SEV2', '2024-03-05T10:32:00-08:00', '2024-03-05T10:40:00-08:00', '2024-03-05T12:10:00-08:00'],
    );
    assert.equal(fieldsOf('17').title, 'Elasticsearch cluster red');
  });

  it('does not count negated steps, drops placeholder names and reads bare owners and dates of actions', () => {
    const checkout = frontMatterOf(importFixture(fixture('stress', '01')));
    assert.equal(checkout.mitigated, '2024-03-05T12:03:00-08:00');
    assert.equal(frontMatterOf(importFixture(fixture('stress', '06'))).detected, '2024-03-06T06:05:00+05:30');
    assert.equal(timelineOf(importFixture(fixture('stress', '03')))[0].who, undefined);
    const actions = frontMatterOf(importFixture(fixture('stress', '16'))).actions as Array<{ title: string; owner?: string; due?: string }>;
    assert.deepEqual(actions.map((a) => [a.title, a.owner, a.due]), [
      ['Spread bulk campaigns over several hours', 'Growth team', '2024-03-31'],
      ['Ask provider to document limits', 'Ops', '2024-03-15'],
    ]);
  });
});
