/** Postmortems in shapes the shared set does not have (fixtures in test/fixtures/postmortems/own). */
import * as assert from 'node:assert/strict';
import { bodyOf, fixture, frontMatterOf, importFixture, timelineOf } from './import-fixtures';

interface Action {
  id: string;
  title: string;
  owner?: string;
  due?: string;
  status: string;
  kind?: string;
  link?: string;
  reason?: string;
}

describe('import: other shapes', () => {
  it('reads a list timeline under a date line that states PST, with OUTAGE markers', () => {
    const result = importFixture(fixture('own', 'search-sonnet'));
    const fields = frontMatterOf(result);
    const entries = timelineOf(result);
    assert.equal(entries.length, 12);
    assert.equal(entries[0].at, '2025-10-21T14:51:00-08:00');
    assert.equal(entries[0].text, 'News reports that a new sonnet has been discovered in a glove compartment');
    assert.equal(fields.started, '2025-10-21T14:54:00-08:00');
    assert.equal(fields.detected, '2025-10-21T14:55:00-08:00');
    assert.equal(fields.mitigated, '2025-10-21T15:28:00-08:00');
    assert.equal(fields.resolved, '2025-10-21T16:00:00-08:00');
    assert.equal(fields.title, 'Sonnet Search (incident #465)');
    assert.deepEqual(
      (fields.factors as Array<{ text: string }>).map((f) => f.text),
      [
        'Cascading failure due to a combination of exceptionally high load and a resource leak when searches failed for terms not in the corpus.',
        'Latent bug triggered by a sudden increase in traffic.',
      ],
    );
    const actions = fields.actions as Action[];
    assert.deepEqual(
      actions.map((a) => [a.owner, a.kind, a.status]),
      [
        ['jennifer', 'mitigate', 'done'],
        ['martym', 'prevent', 'open'],
        ['docbrown', 'process', 'open'],
      ],
    );
    const body = bodyOf(result);
    assert.match(body, /## Summary[\s\S]*Sonnet Search down for 66 minutes/);
    assert.match(body, /## Impact\n\nEstimated 1\.21B queries lost/);
    assert.match(body, /## What went well\n\n- Monitoring quickly alerted us/);
    assert.match(body, /## Where we got lucky\n\n- Mailing list/);
    assert.match(body, /### Supporting information/);
    assert.doesNotMatch(body, /Timeline \(not dated\)/);
  });

  it('reads a wiki paste: bold headings, a Date column, Time (CET), <br>, entities, ranges and 22:4?', () => {
    const result = importFixture(fixture('own', 'wiki-paste'));
    const fields = frontMatterOf(result);
    const entries = timelineOf(result);
    assert.equal(fields.title, 'Payments API errors during card network maintenance');
    assert.deepEqual(
      entries.map((e) => e.at),
      ['2025-01-14T21:58:00+01:00', '2025-01-14T22:04:00+01:00', '2025-01-14T22:11:00+01:00', '2025-01-14T22:15:00+01:00', '2025-01-14T22:51:00+01:00', '2025-01-15T09:30:00+01:00'],
    );
    assert.equal(entries[0].text, 'Card network maintenance window opens (announced by e-mail the week before)');
    assert.equal(entries[0].who, 'vendor');
    assert.equal(entries[2].text, 'On-call engineer paged: "payments 5xx > 5%"');
    assert.equal(entries[3].text, 'Investigating gateway logs, suspect retries (until 22:40)');
    assert.equal(fields.detected, '2025-01-14T22:11:00+01:00');
    assert.equal(fields.resolved, '2025-01-15T09:30:00+01:00');
    assert.match(bodyOf(result), /2025-01-14 22:4\? — Retry budget lowered by hand \(Mira\) _\(the minutes are not known \(22:4\?\)\)_/);
    assert.deepEqual(fields.participants, ['Mira Patel', 'Jon Berg', 'Ana Ruiz (support)']);
    const actions = fields.actions as Action[];
    assert.deepEqual(actions[0], { id: 'A1', title: 'Add exponential backoff to the gateway client', owner: 'Mira', due: '2025-02-01', status: 'done' });
    assert.deepEqual(actions[1], { id: 'A2', title: "Subscribe the on-call rota to the card network's maintenance calendar", owner: '@jon', status: 'open' });
  });

  it('reads an action table with owner, due and status columns, and offsets in list rows', () => {
    const result = importFixture(fixture('own', 'owner-due-table'));
    const fields = frontMatterOf(result);
    assert.equal(fields.severity, 'SEV2');
    assert.equal(result.severityFrom, 'source');
    assert.deepEqual(fields.actions, [
      { id: 'A1', title: "Fetch signing keys from the provider's JWKS endpoint instead of pinning", owner: 'Priya Shah', due: '2024-07-15', status: 'done' },
      { id: 'A2', title: 'Alert on provider rotation announcements', owner: 'Lee Wong', due: '2024-06-28', status: 'in-progress' },
      { id: 'A3', title: 'Rewrite the certificate rotation runbook (Due: Q3)', owner: 'Sam Ortiz', status: 'open' },
      { id: 'A4', title: 'Replace the login service with the vendor SDK', status: 'dropped', reason: `Marked "Won't do" in the source postmortem.` },
    ]);
    assert.equal(fields.started, '2024-06-02T09:12:00+02:00');
    assert.equal(fields.detected, '2024-06-02T09:20:00+02:00');
    assert.equal(fields.mitigated, '2024-06-02T09:41:00+02:00');
    assert.equal(fields.resolved, '2024-06-02T09:50:00+02:00');
    assert.deepEqual(
      (fields.factors as Array<{ kind: string }>).map((f) => f.kind),
      ['config', 'monitoring', 'process'],
    );
  });

  it('reads other heading words: TL;DR, Chronology with date headings, Why it happened, Follow-ups, Takeaways', () => {
    const result = importFixture(fixture('own', 'other-headings'));
    const fields = frontMatterOf(result);
    assert.equal(fields.title, 'Search results empty for EU customers');
    assert.equal(fields.severity, 'SEV1');
    assert.deepEqual(fields.roles, { commander: 'Dana Kim', scribe: 'Lee Wong' });
    assert.deepEqual(
      timelineOf(result).map((e) => e.at),
      ['2025-03-04T09:12:00Z', '2025-03-04T09:40:00Z', '2025-03-04T09:52:00Z', '2025-03-04T10:30:00Z', '2025-03-05T11:00:00Z'],
    );
    assert.equal((fields.factors as unknown[]).length, 2, 'one factor per paragraph of "Why it happened"');
    const actions = fields.actions as Action[];
    assert.deepEqual(actions[0], { id: 'A1', title: 'Check document counts before swapping the alias', owner: '@dana', due: '2025-03-20', status: 'done' });
    assert.deepEqual(actions[1], { id: 'A2', title: 'Alert when search returns no results for more than 5% of queries', owner: 'Lee Wong', due: '2025-04-01', status: 'open' });
    assert.deepEqual(fields.participants, ['Dana Kim', 'Lee Wong', 'Sam Ortiz (support)']);
    const body = bodyOf(result);
    assert.match(body, /## Summary[\s\S]*For about two hours/);
    assert.match(body, /## Impact\n\nAll EU customers/);
    assert.match(body, /## Learnings\n\n### Takeaways\n\nAsynchronous steps/);
  });

  it('reads an IANA zone in summer and derives detected from a stats line, with a note', () => {
    const result = importFixture(fixture('own', 'oslo-summer'));
    const fields = frontMatterOf(result);
    assert.equal(fields.started, '2024-07-01T06:00:00+02:00');
    assert.equal(fields.detected, '2024-07-01T06:15:00+02:00');
    assert.equal(fields.mitigated, '2024-07-01T06:45:00+02:00');
    assert.equal(fields.status, 'resolved');
    assert.match(result.text, /^detected: "2024-07-01T06:15:00\+02:00" {2}# started \+ "Time to detection: 15 minutes"; the timeline has no detection entry$/m);
    assert.match(bodyOf(result), /_`detected` is `started` plus "Time to detection: 15 minutes", because the timeline has no entry for the detection\._/);
  });

  it('uses an id stated in the text, a setext title and numbered ISO-timestamp lines', () => {
    const result = importFixture(fixture('own', 'numbered-sections'));
    const fields = frontMatterOf(result);
    assert.equal(fields.id, 'ORD-42');
    assert.equal(fields.title, 'Queue backlog in order intake');
    assert.equal(fields.severity, 'SEV2', '"severity: high" in the old front matter');
    assert.deepEqual(
      timelineOf(result).map((e) => [e.at, e.kind]),
      [
        ['2023-05-01T10:00:00Z', 'trigger'],
        ['2023-05-01T10:07:00Z', 'detection'],
        ['2023-05-01T10:18:00Z', 'mitigation'],
        ['2023-05-01T10:25:00Z', 'action'],
      ],
    );
    assert.match(bodyOf(result), /### Original front matter\n\n```yaml\ntitle: Queue backlog in order intake\n/);
  });

  it('carries times that cross midnight under one date heading to the next day, in ET', () => {
    const result = importFixture(fixture('own', 'new-york-midnight'));
    assert.deepEqual(
      timelineOf(result).map((e) => e.at),
      ['2024-11-03T23:40:00-05:00', '2024-11-03T23:55:00-05:00', '2024-11-04T00:20:00-05:00', '2024-11-04T01:05:00-05:00', '2024-11-04T02:10:00-05:00'],
    );
    assert.ok(result.warnings.some((w) => w.includes('next day (2024-11-04)')));
  });

  it('falls back to the date in the summary when there is no timeline', () => {
    const result = importFixture(fixture('own', 'prose-only'));
    const fields = frontMatterOf(result);
    assert.equal(fields.started, '2024-09-12T00:00:00Z');
    assert.equal(fields.resolved, '2024-09-12T00:00:00Z');
    assert.equal(result.fileName, '2024-09-12-status-page-showed-stale-data.md');
    assert.ok(result.warnings.some((w) => w.includes('2024-09-12 at 00:00')));
  });

  it('reads times as the configured zone when the source states none, and says so', () => {
    const text = '# Cache stampede\n\n## Timeline\n\n- 2024-02-01 10:00 Cache flushed\n- 2024-02-01 10:05 Alert fires\n';
    const result = importFixture({ name: 'cache.md', text }, { timeZone: 'America/New_York' });
    assert.deepEqual(timelineOf(result).map((e) => e.at), ['2024-02-01T10:00:00-05:00', '2024-02-01T10:05:00-05:00']);
    assert.ok(result.warnings.some((w) => w.includes('does not say which time zone')));
  });
});
