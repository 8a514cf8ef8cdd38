/**
 * Every diagnostic code of the format, with a case that triggers it and one
 * that must not, asserting code, severity and the exact range (0-based lines
 * and UTF-16 columns, as the editor shows them).
 *
 * Files are built from REQUIRED (lines 1-5 after the opening `---` on line 0);
 * extra front matter lines start at line 6.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DIAGNOSTIC_SEVERITY } from '../../src/core/diagnostics';
import { GitCommitLookup } from '../../src/node/gitCommits';
import { NodeWorkspaceHost } from '../../src/node/nodeHost';
import { git, incident, KnownCommits, lint, MemoryHost, newIndex, REQUIRED, scanned, seen, where, withCode, withRequired } from './lint-support';

/** The spec's table, code by code. */
const SPEC_SEVERITIES: Record<string, string> = {
  'yaml-syntax': 'error',
  'missing-field': 'error',
  'invalid-value': 'error',
  'invalid-timestamp': 'error',
  'unknown-field': 'warning',
  'duplicate-id': 'error',
  'lifecycle-order': 'warning',
  'status-without-time': 'warning',
  'timeline-order': 'warning',
  'action-missing-owner': 'warning',
  'action-missing-due': 'warning',
  'action-overdue': 'warning',
  'code-path-missing': 'warning',
  'code-path-outside': 'error',
  'commit-unknown': 'warning',
  'code-link-drifted': 'warning',
  'action-dropped-without-reason': 'warning',
  'unknown-service': 'information',
  'too-large': 'warning',
  'blame-language': 'information',
};

/** The spec's own example incident: valid, so it must give no diagnostics at all. */
const SPEC_EXAMPLE = incident(
  [
    'id: INC-2026-014',
    'title: Checkout latency spike after cache config rollout',
    'status: reviewed',
    'severity: SEV2',
    'started: 2026-11-20T14:02:00Z',
    'detected: 2026-11-20T14:09:00Z',
    'mitigated: 2026-11-20T14:41:00Z',
    'resolved: 2026-11-20T15:30:00Z',
    'services: [checkout, cache]',
    'roles: {commander: Priya Shah, communications: Lee Wong}',
    'participants: [Priya Shah, Lee Wong, Sam Ortiz, Dana Kim (support)]',
    'code:',
    '  - {path: src/cache/client.ts, lines: 40-88, note: TTL default changed}',
    'commits:',
    '  - {sha: 3f2a9c1, role: trigger}',
    'factors:',
    '  - {kind: change, text: TTL default changed in a shared client without a rollout stage}',
    'actions:',
    '  - {id: A1, title: Canary stage for cache config, owner: Sam Ortiz, due: 2026-12-15, status: open}',
    'timeline:',
    '  - {at: 2026-11-20T14:02:00Z, kind: trigger, who: deploy-bot, text: Cache config v42 rolled out}',
    '  - {at: 2026-11-20T14:09:00Z, kind: detection, who: alerting, text: p99 latency alert for checkout}',
    '  - {at: 2026-11-20T14:41:00Z, kind: mitigation, who: Sam Ortiz, text: Rolled back to v41}',
  ],
  ['', '## Summary', 'The TTL default changed in a shared client.'],
);

describe('diagnostic codes', () => {
  it('have the severities of the spec table, and no others', () => {
    assert.deepEqual({ ...DIAGNOSTIC_SEVERITY }, SPEC_SEVERITIES);
  });

  it('the spec example is clean', () => {
    assert.deepEqual(seen(lint(SPEC_EXAMPLE)), []);
  });

  describe('yaml-syntax', () => {
    it('points at the character where the parser stopped', () => {
      const found = lint(withRequired(['tags: a: b']));
      assert.deepEqual(seen(found), [['yaml-syntax', 'error', 6, 7, 6, 8]]);
      assert.match(found[0].message, /^The front matter is not valid YAML: /);
    });

    it('reports a duplicated key on the repeat', () => {
      assert.deepEqual(seen(lint(withRequired(['status: resolved']))), [['yaml-syntax', 'error', 6, 0, 6, 1]]);
    });

    it('reports an unterminated flow list at the end of the front matter, where the parser ran out', () => {
      assert.deepEqual(seen(lint(withRequired(['tags: [checkout, cache']))), [['yaml-syntax', 'error', 7, 0, 7, 1]]);
    });

    it('reports an unclosed front matter on the opening line', () => {
      const found = lint(['---', ...REQUIRED, '', 'Body text'].join('\n'));
      assert.deepEqual(seen(found), [['yaml-syntax', 'error', 0, 0, 0, 3]]);
      assert.match(found[0].message, /not closed/);
    });

    it('keeps the range inside the line when the parser stopped at its end', () => {
      // `*nope` names no anchor; js-yaml stops after it, at the line break.
      assert.deepEqual(seen(lint(withRequired(['tags: *nope']))), [['yaml-syntax', 'error', 6, 11, 6, 11]]);
    });

    it('does not fire for valid YAML, nor for YAML-like text in the body', () => {
      const found = lint(withRequired(['tags: [a, "b: c"]'], ['key: value: broken', '---', '[unclosed']));
      assert.deepEqual(withCode(found, 'yaml-syntax'), []);
    });
  });

  describe('missing-field', () => {
    it('reports an absent required field on the opening line', () => {
      const found = lint(incident(REQUIRED.filter((line) => !line.startsWith('severity'))));
      assert.deepEqual(seen(found), [['missing-field', 'error', 0, 0, 0, 3]]);
      assert.equal(found[0].message, 'Missing required field `severity`. One of SEV1, SEV2, SEV3, SEV4.');
    });

    it('reports each of the five required fields of an empty front matter', () => {
      const found = lint(incident([]));
      assert.deepEqual(
        found.map((d) => [d.code, d.data?.field, ...where(d)]),
        ['id', 'title', 'status', 'severity', 'started'].map((field) => ['missing-field', field, 0, 0, 0, 3]),
      );
    });

    it('reports a missing field of a list item on the item first line', () => {
      const found = lint(withRequired(['actions:', '  - id: A1', '    status: done']));
      assert.deepEqual(seen(found), [['missing-field', 'error', 7, 4, 7, 10]]);
      assert.equal(found[0].message, 'Missing required field `title` in `actions[1]`.');
    });

    it('reports a missing action status, and then no open-action rule applies', () => {
      const found = lint(withRequired(['actions:', '  - {id: A1, title: Canary, due: 2026-11-01}']));
      assert.deepEqual(seen(found), [['missing-field', 'error', 7, 4, 7, 44]]);
      assert.equal(found[0].message, 'Missing required field `status` in `actions[1]`.');
    });

    it('reports missing timeline, commit and factor fields', () => {
      const found = lint(withRequired(['timeline:', '  - {kind: trigger, text: Rolled out}', 'commits:', '  - {role: fix}', 'factors:', '  - {text: No canary}']));
      assert.deepEqual(
        found.map((d) => [d.code, d.message, ...where(d)]),
        [
          ['missing-field', 'Missing required field `at` in `timeline[1]`.', 7, 4, 7, 37],
          ['missing-field', 'Missing required field `sha` in `commits[1]`.', 9, 4, 9, 15],
          ['missing-field', 'Missing required field `kind` in `factors[1]`.', 11, 4, 11, 21],
        ],
      );
    });

    it('does not fire when optional fields are absent', () => {
      assert.deepEqual(seen(lint(incident(REQUIRED))), []);
    });
  });

  describe('invalid-value', () => {
    it('reports a status outside its set on the value, listing the allowed values', () => {
      const found = lint(incident(REQUIRED.map((line) => (line.startsWith('status') ? 'status: closed' : line))));
      assert.deepEqual(seen(found), [['invalid-value', 'error', 3, 8, 3, 14]]);
      assert.equal(found[0].message, '"closed" is not allowed for `status`. Allowed: investigating, identified, monitoring, resolved, reviewed.');
    });

    it('reports a severity outside the configured levels', () => {
      const text = incident(REQUIRED.map((line) => (line.startsWith('severity') ? 'severity: SEV5' : line)));
      const found = lint(text);
      assert.deepEqual(seen(found), [['invalid-value', 'error', 4, 10, 4, 14]]);
      assert.match(found[0].message, /Allowed: SEV1, SEV2, SEV3, SEV4\.$/);
      assert.deepEqual(seen(lint(text, { severities: ['SEV5', 'SEV6'] })), []);
    });

    it('reports an id that is not an incident id', () => {
      const found = lint(incident(REQUIRED.map((line) => (line.startsWith('id') ? 'id: inc-14' : line))));
      assert.deepEqual(seen(found), [['invalid-value', 'error', 1, 4, 1, 10]]);
      assert.match(found[0].message, /is not an incident id/);
    });

    it('reports a wrong type, saying what was expected', () => {
      const found = lint(withRequired(['services: checkout', 'near_miss: yes']));
      assert.deepEqual(
        found.map((d) => [d.code, d.message, ...where(d)]),
        [
          ['invalid-value', '`services` should be a list, not the text "checkout".', 6, 10, 6, 18],
          ['invalid-value', '`near_miss` should be true or false, not the text "yes".', 7, 11, 7, 14],
        ],
      );
    });

    it('reports values inside list items: commit role, sha, code lines, timeline kind', () => {
      const found = lint(
        withRequired([
          'commits:',
          '  - {sha: 3f2a9c1, role: cause}',
          '  - {sha: xyz, role: fix}',
          'code:',
          '  - {path: src/a.ts, lines: 88-40}',
          'timeline:',
          '  - {at: 2026-11-20T14:02:00Z, kind: alert, text: Paged}',
        ]),
      );
      assert.deepEqual(
        found.map((d) => [d.code, ...where(d)]),
        [
          ['invalid-value', 7, 25, 7, 30],
          ['invalid-value', 8, 10, 8, 13],
          ['invalid-value', 10, 28, 10, 33],
          ['invalid-value', 12, 37, 12, 42],
        ],
      );
      assert.match(found[0].message, /Allowed: trigger, fix, mitigation, related\./);
      assert.match(found[1].message, /is not a commit sha/);
      assert.match(found[2].message, /is not a line range/);
    });

    it('reports an empty title on its key, since there is no value to point at', () => {
      const found = lint(incident(REQUIRED.map((line) => (line.startsWith('title') ? 'title:' : line))));
      assert.deepEqual(seen(found), [['invalid-value', 'error', 2, 0, 2, 5]]);
      assert.equal(found[0].message, '`title` should be text, not empty.');
    });

    it('accepts every allowed value and a sha of digits only', () => {
      const found = lint(
        withRequired([
          'near_miss: true',
          'review: {status: in-review, facilitator: Ana, held: 2026-11-24}',
          'commits:',
          '  - {sha: 1234567, role: fix}',
          '  - {sha: 3F2A9C1D, role: related, repo: infra}',
          'code:',
          '  - {path: src/a.ts, lines: 40}',
          '  - {path: src/b.ts, lines: 1-1, ref: 0012345}',
          'factors:',
          ...['change', 'capacity', 'dependency', 'config', 'monitoring', 'process', 'knowledge', 'communication', 'other'].map((kind) => `  - {kind: ${kind}, text: x}`),
        ]),
      );
      assert.deepEqual(seen(found), []);
    });
  });

  describe('invalid-timestamp', () => {
    it('reports a date without a time on the value', () => {
      const found = lint(incident(REQUIRED.map((line) => (line.startsWith('started') ? 'started: 2026-11-20' : line))));
      assert.deepEqual(seen(found), [['invalid-timestamp', 'error', 5, 9, 5, 19]]);
      assert.match(found[0].message, /^`started` "2026-11-20" has no time of day\. Use a time with a date and an offset/);
    });

    it('reports a time without an offset, and a date that does not exist', () => {
      const found = lint(withRequired(['detected: 2026-11-20T14:09:00', 'mitigated: 2026-02-30T10:00:00Z', 'resolved: yesterday']));
      assert.deepEqual(seen(found), [
        ['invalid-timestamp', 'error', 6, 10, 6, 29],
        ['invalid-timestamp', 'error', 7, 11, 7, 31],
        ['invalid-timestamp', 'error', 8, 10, 8, 19],
      ]);
      assert.deepEqual(
        found.map((d) => d.message.split('. Use ')[0]),
        ['`detected` "2026-11-20T14:09:00" has no offset (Z, or +HH:MM from UTC)', '`mitigated` "2026-02-30T10:00:00Z" is not a real date and time', '`resolved` "yesterday" is not ISO 8601'],
      );
    });

    it('says what is wrong: a space for the T, or an empty value', () => {
      const found = lint(withRequired(['detected: 2026-11-20 14:09:00Z', 'mitigated:']));
      assert.deepEqual(
        found.map((d) => [d.message, ...where(d)]),
        [
          ['`detected` "2026-11-20 14:09:00Z" needs a T between the date and the time. Use a time with a date and an offset, like 2026-11-20T14:02:00Z or 2026-11-20T15:02+01:00.', 6, 10, 6, 30],
          ['`mitigated` is empty. Use a time with a date and an offset, like 2026-11-20T14:02:00Z or 2026-11-20T15:02+01:00.', 7, 0, 7, 9],
        ],
      );
    });

    it('reports a due or held date that is not a real date', () => {
      const found = lint(withRequired(['review: {held: 2026-11-31}', 'actions:', '  - {id: A1, title: Canary, owner: Sam, due: 2026-13-01, status: done}']));
      assert.deepEqual(seen(found), [
        ['invalid-timestamp', 'error', 6, 15, 6, 25],
        ['invalid-timestamp', 'error', 8, 45, 8, 55],
      ]);
      assert.equal(found[1].message, '`actions[1].due` "2026-13-01" is not a real date. Use a date like 2026-12-15.');
    });

    it('accepts offsets, minutes-only times, fractions, quotes, and a due given as a timestamp', () => {
      const found = lint(
        withRequired([
          'detected: 2026-11-20T15:09+01:00',
          'mitigated: "2026-11-20T14:41:00.250Z"',
          "resolved: '2026-11-20T10:30:00-05:00'",
          'actions:',
          '  - {id: A1, title: Canary, owner: Sam, due: 2026-12-15T17:00:00Z, status: open}',
        ]),
      );
      assert.deepEqual(seen(found), []);
    });
  });

  describe('unknown-field', () => {
    it('reports a misspelt field on its key, suggesting the known one', () => {
      const found = lint(withRequired(['sevrity: SEV1']));
      assert.deepEqual(seen(found), [['unknown-field', 'warning', 6, 0, 6, 7]]);
      assert.equal(found[0].message, 'Unknown field `sevrity`. Did you mean `severity`?');
      assert.deepEqual(found[0].data, { field: 'sevrity', suggestion: 'severity' });
    });

    it('reports unknown fields at any depth', () => {
      const found = lint(withRequired(['impact: {summry: Slow checkout}', 'code:', '  - {path: src/a.ts, line: 3}']));
      assert.deepEqual(
        found.map((d) => [d.code, d.message, ...where(d)]),
        [
          ['unknown-field', 'Unknown field `summry` in `impact`. Did you mean `summary`?', 6, 9, 6, 15],
          ['unknown-field', 'Unknown field `line` in `code[1]`. Did you mean `lines`?', 8, 21, 8, 25],
        ],
      );
    });

    it('suggests nothing when no known field is close', () => {
      const found = lint(withRequired(['customer_tier: gold', 'a: 1', '<<: {x: 1}']));
      assert.deepEqual(
        found.map((d) => [d.message, ...where(d)]),
        [
          ['Unknown field `customer_tier`. It is kept as it is, but Incident Lens does not read it.', 6, 0, 6, 13],
          ['Unknown field `a`. It is kept as it is, but Incident Lens does not read it.', 7, 0, 7, 1],
          ['Unknown field `<<`. It is kept as it is, but Incident Lens does not read it.', 8, 0, 8, 2],
        ],
      );
    });

    it('does not fire for known fields, nor for roles beyond the standard four', () => {
      assert.deepEqual(seen(lint(withRequired(['roles: {commander: Priya, pilot: Ana}', 'tags: [cache]']))), []);
    });
  });

  describe('duplicate-id (actions in one incident)', () => {
    it('reports each repeat after the first, on its id', () => {
      const found = lint(
        withRequired([
          'actions:',
          '  - {id: A1, title: One, status: done}',
          '  - {id: A1, title: Two, status: done}',
          '  - {id: A1, title: Three, status: done}',
        ]),
      );
      assert.deepEqual(seen(found), [
        ['duplicate-id', 'error', 8, 9, 8, 11],
        ['duplicate-id', 'error', 9, 9, 9, 11],
      ]);
      assert.equal(found[0].message, 'Another action in this incident already has the id A1.');
    });

    it('does not fire for distinct ids', () => {
      assert.deepEqual(seen(lint(withRequired(['actions:', '  - {id: A1, title: One, status: done}', '  - {id: A2, title: Two, status: done}']))), []);
    });
  });

  describe('lifecycle-order', () => {
    it('reports the later field that comes before an earlier one', () => {
      const found = lint(withRequired(['detected: 2026-11-20T14:00:00Z', 'mitigated: 2026-11-20T14:30:00Z']));
      assert.deepEqual(seen(found), [['lifecycle-order', 'warning', 6, 10, 6, 30]]);
      assert.equal(
        found[0].message,
        '`detected` (2026-11-20T14:00:00Z) is before `started` (2026-11-20T14:02:00Z). The order is started, detected, mitigated, resolved.',
      );
    });

    it('reports resolved before mitigated, comparing instants across offsets', () => {
      const found = lint(withRequired(['mitigated: 2026-11-20T16:00:00+01:00', 'resolved: 2026-11-20T14:30:00Z']));
      assert.deepEqual(seen(found), [['lifecycle-order', 'warning', 7, 10, 7, 30]]);
    });

    it('does not fire for equal times or times in order in another offset', () => {
      assert.deepEqual(seen(lint(withRequired(['detected: 2026-11-20T14:02:00Z', 'mitigated: 2026-11-20T15:30:00+01:00', 'resolved: 2026-11-20T14:31:00Z']))), []);
    });
  });

  describe('status-without-time', () => {
    const withStatus = (status: string, extra: string[] = []) => incident([...REQUIRED.map((line) => (line.startsWith('status') ? `status: ${status}` : line)), ...extra]);

    it('reports resolved or reviewed without a resolved time, on the status', () => {
      for (const status of ['resolved', 'reviewed']) {
        const found = lint(withStatus(status, ['mitigated: 2026-11-20T15:00:00Z']));
        assert.deepEqual(seen(found), [['status-without-time', 'warning', 3, 8, 3, 8 + status.length]]);
        assert.equal(found[0].message, `Status is \`${status}\` but there is no \`resolved\` time. Add when the incident was closed.`);
      }
    });

    it('reports monitoring without a mitigated time', () => {
      const found = lint(withStatus('monitoring'));
      assert.deepEqual(seen(found), [['status-without-time', 'warning', 3, 8, 3, 18]]);
      assert.match(found[0].message, /no `mitigated` time/);
    });

    it('does not fire when the time is there, or for an early status', () => {
      assert.deepEqual(seen(lint(withStatus('resolved', ['mitigated: 2026-11-20T15:00:00Z', 'resolved: 2026-11-20T16:00:00Z']))), []);
      assert.deepEqual(seen(lint(withStatus('monitoring', ['mitigated: 2026-11-20T15:00:00Z']))), []);
      assert.deepEqual(seen(lint(withStatus('identified'))), []);
    });
  });

  describe('timeline-order', () => {
    it('reports an entry earlier than the one before it, on its time', () => {
      const found = lint(
        withRequired([
          'timeline:',
          '  - at: 2026-11-20T14:09:00Z',
          '    kind: detection',
          '    text: Alert',
          '  - at: 2026-11-20T14:02:00Z',
          '    kind: trigger',
          '    text: Rollout',
        ]),
      );
      assert.deepEqual(seen(found), [['timeline-order', 'warning', 10, 8, 10, 28]]);
      assert.equal(found[0].message, 'This entry (2026-11-20T14:02:00Z) comes after a later one (2026-11-20T14:09:00Z). Sort the timeline so it reads in order.');
      assert.deepEqual(found[0].data, { index: 1 });
    });

    it('does not fire for entries in order or at the same time', () => {
      const found = lint(
        withRequired([
          'timeline:',
          '  - {at: 2026-11-20T14:02:00Z, kind: trigger, text: a}',
          '  - {at: 2026-11-20T14:02:00Z, kind: detection, text: b}',
          '  - {at: 2026-11-20T15:03:00+01:00, kind: action, text: c}',
        ]),
      );
      assert.deepEqual(seen(found), []);
    });
  });

  describe('action-missing-owner and action-missing-due', () => {
    it('report an open action without owner or due on the item first line', () => {
      const found = lint(withRequired(['actions:', '  - id: A1', '    title: Canary', '    status: open']));
      assert.deepEqual(seen(found), [
        ['action-missing-due', 'warning', 7, 4, 7, 10],
        ['action-missing-owner', 'warning', 7, 4, 7, 10],
      ]);
      assert.equal(withCode(found, 'action-missing-owner')[0].message, 'Action A1 is open but has no owner. Name one person, so it does not get lost.');
      assert.equal(withCode(found, 'action-missing-due')[0].message, 'Action A1 is open but has no due date. Pick a date the owner agrees with.');
    });

    it('report an in-progress action too', () => {
      const found = lint(withRequired(['actions:', '  - {id: A2, title: Alerts, status: in-progress, owner: Sam}']));
      assert.deepEqual(seen(found), [['action-missing-due', 'warning', 7, 4, 7, 60]]);
    });

    it('do not fire for done or dropped actions, or open ones with both', () => {
      const found = lint(
        withRequired([
          'actions:',
          '  - {id: A1, title: One, status: done}',
          '  - {id: A2, title: Two, status: dropped, reason: Replaced by A3}',
          '  - {id: A3, title: Three, status: open, owner: Sam, due: 2026-12-15}',
        ]),
      );
      assert.deepEqual(seen(found), []);
    });
  });

  describe('action-overdue', () => {
    it('reports an open action past its due date on the date, with the days late', () => {
      const found = lint(withRequired(['actions:', '  - {id: A1, title: Canary, owner: Sam Ortiz, due: 2026-11-01, status: open}']));
      assert.deepEqual(seen(found), [['action-overdue', 'warning', 7, 51, 7, 61]]);
      assert.equal(found[0].message, 'Action A1 (Sam Ortiz) was due 2026-11-01, 24 days ago. Move the date, or mark it done or dropped.');
      assert.deepEqual(found[0].data, { index: 0, daysLate: 24 });
    });

    it('counts one day for a date yesterday, and takes the day a due timestamp names in its own offset', () => {
      const found = lint(
        withRequired([
          'actions:',
          '  - {id: A1, title: One, owner: Sam, due: 2026-11-24, status: in-progress}',
          '  - {id: A2, title: Two, owner: Sam, due: 2026-11-24T23:30:00-05:00, status: open}',
        ]),
      );
      assert.deepEqual(
        found.map((d) => [d.code, d.message.split(',')[1], ...where(d)]),
        [
          ['action-overdue', ' 1 day ago. Move the date', 7, 42, 7, 52],
          ['action-overdue', ' 1 day ago. Move the date', 8, 42, 8, 67],
        ],
      );
    });

    it('does not fire for a date today or later, or for actions that are done or dropped', () => {
      const found = lint(
        withRequired([
          'actions:',
          '  - {id: A1, title: One, owner: Sam, due: 2026-11-25, status: open}',
          '  - {id: A2, title: Two, owner: Sam, due: 2026-12-15, status: open}',
          '  - {id: A3, title: Three, owner: Sam, due: 2026-11-01, status: done}',
          '  - {id: A4, title: Four, owner: Sam, due: 2026-11-01, status: dropped, reason: Not needed}',
        ]),
      );
      assert.deepEqual(seen(found), []);
    });
  });

  describe('code-path-outside', () => {
    it('reports absolute and escaping paths on the path', () => {
      const found = lint(withRequired(['code:', '  - path: ../secrets/key.pem', '  - path: /etc/passwd', '  - {path: "C:/src/app.ts"}', '  - path: src/../../x.ts']));
      assert.deepEqual(seen(found), [
        ['code-path-outside', 'error', 7, 10, 7, 28],
        ['code-path-outside', 'error', 8, 10, 8, 21],
        // A quoted value's range includes its quotes.
        ['code-path-outside', 'error', 9, 11, 9, 26],
        ['code-path-outside', 'error', 10, 10, 10, 24],
      ]);
      assert.equal(found[0].message, '`../secrets/key.pem` is outside the workspace folder. Use a path relative to the folder, without `..`.');
    });

    it('does not fire for a relative path that stays inside the folder', () => {
      assert.deepEqual(seen(lint(withRequired(['code:', '  - path: src/cache/../cache/client.ts', '  - path: deploy/cache/**']))), []);
    });
  });

  describe('action-dropped-without-reason', () => {
    it('reports a dropped action without reason on its status', () => {
      const found = lint(withRequired(['actions:', '  - id: A1', '    title: Canary', '    status: dropped']));
      assert.deepEqual(seen(found), [['action-dropped-without-reason', 'warning', 9, 12, 9, 19]]);
      assert.equal(found[0].message, 'Action A1 was dropped without a reason. Say why it will not be done; that is a decision worth keeping.');
    });

    it('reports a blank reason too, and not a real one', () => {
      assert.deepEqual(seen(lint(withRequired(['actions:', '  - {id: A1, title: Canary, status: dropped, reason: "  "}']))), [['action-dropped-without-reason', 'warning', 7, 36, 7, 43]]);
      assert.deepEqual(seen(lint(withRequired(['actions:', '  - {id: A1, title: Canary, status: dropped, reason: Superseded by A2}']))), []);
    });
  });

  describe('blame-language', () => {
    it('reports a blaming phrase in the body, on the phrase, with a hint', () => {
      const found = lint(withRequired([], ['', '## Narrative', 'The outage was Human Error by the on-call.']));
      assert.deepEqual(seen(found), [['blame-language', 'information', 9, 15, 9, 26]]);
      assert.equal(found[0].message, '"Human Error" can read as blame. Describe what made the action reasonable at the time, and what let it cause harm.');
    });

    it('uses the configured phrase list', () => {
      const text = withRequired([], ['Sam dropped the ball.', 'It was careless.']);
      assert.deepEqual(seen(lint(text, { blamePhrases: ['dropped the ball'] })), [['blame-language', 'information', 7, 4, 7, 20]]);
    });

    it('does not fire in code, inside other words, or in the front matter', () => {
      const found = lint(withRequired(['title: Human error in deploys'], ['The `failed to` log line, then:', '```', 'careless fault', '```', 'A faulty disk; defaults held.']));
      assert.deepEqual(withCode(found, 'blame-language'), []);
    });
  });

  describe('too-large', () => {
    it('reports a file over the limit once, at its start, without parsing it', () => {
      const text = withRequired(['status: again', 'tags: [unclosed'], ['human error '.repeat(200)]);
      const found = lint(text, { maxBytes: 1024 });
      assert.deepEqual(seen(found), [['too-large', 'warning', 0, 0, 0, 0]]);
      assert.match(found[0].message, /^This file is 2\.\d KB, over the 1\.0 KB limit \(setting incidentLens\.maxFileSize\), so it is not checked\.$/);
    });

    it('counts bytes, not characters', () => {
      const text = withRequired([], ['é'.repeat(600)]);
      assert.ok(text.length < 1024 && Buffer.byteLength(text) > 1024);
      assert.deepEqual(seen(lint(text, { maxBytes: 1024 })), [['too-large', 'warning', 0, 0, 0, 0]]);
    });

    it('does not fire at or under the limit', () => {
      const text = withRequired();
      assert.deepEqual(seen(lint(text, { maxBytes: Buffer.byteLength(text) })), []);
    });

    it('in the index, reports a big file from its size without reading it', async () => {
      const host = new MemoryHost({ 'incidents/big.md': withRequired() });
      host.set('incidents/big.md', withRequired(), { size: 3 * 1024 * 1024 });
      const index = await scanned(host);
      assert.deepEqual(seen(index.diagnostics('incidents/big.md')), [['too-large', 'warning', 0, 0, 0, 0]]);
      assert.match(index.diagnostics('incidents/big.md')[0].message, /This file is 3\.0 MB, over the 2\.0 MB limit/);
      assert.ok(!host.reads.includes('incidents/big.md'));
    });
  });

  describe('workspace codes', () => {
    describe('duplicate-id (across files)', () => {
      it('reports the shared id on each file, naming the others', async () => {
        const host = new MemoryHost({ 'incidents/2026-11-20-a.md': withRequired(), 'incidents/2026-11-21-b.md': withRequired() });
        const index = await scanned(host);
        assert.deepEqual(seen(index.diagnostics('incidents/2026-11-20-a.md')), [['duplicate-id', 'error', 1, 4, 1, 16]]);
        assert.deepEqual(seen(index.diagnostics('incidents/2026-11-21-b.md')), [['duplicate-id', 'error', 1, 4, 1, 16]]);
        assert.equal(index.diagnostics('incidents/2026-11-20-a.md')[0].message, 'Another incident already uses the id INC-2026-014: incidents/2026-11-21-b.md.');
      });

      it('does not fire for distinct ids', async () => {
        const other = incident(REQUIRED.map((line) => (line.startsWith('id') ? 'id: INC-2026-015' : line)));
        const index = await scanned(new MemoryHost({ 'incidents/a.md': withRequired(), 'incidents/b.md': other }));
        assert.deepEqual([...index.allDiagnostics()], []);
      });
    });

    describe('code-path-missing', () => {
      const text = withRequired(['code:', '  - path: src/cache/client.ts', '  - path: deploy/cache/**', '  - {path: src/cache, note: the folder}', '  - path: ../outside.ts']);

      it('reports a path or glob that matches no file, on the path', async () => {
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text }));
        const found = index.diagnostics('incidents/a.md');
        assert.deepEqual(seen(found), [
          ['code-path-missing', 'warning', 7, 10, 7, 29],
          ['code-path-missing', 'warning', 8, 10, 8, 25],
          ['code-path-missing', 'warning', 9, 11, 9, 20],
          ['code-path-outside', 'error', 10, 10, 10, 23],
        ]);
        assert.equal(found[0].message, 'No file in this folder matches `src/cache/client.ts`. Was it moved or renamed?');
      });

      it('does not fire when the file, a glob match or the folder exists (and never for an outside path)', async () => {
        const host = new MemoryHost({ 'incidents/a.md': text, 'src/cache/client.ts': 'export {};\n', 'deploy/cache/values.yaml': 'ttl: 30\n' });
        const index = await scanned(host);
        assert.deepEqual(seen(index.diagnostics('incidents/a.md')), [['code-path-outside', 'error', 10, 10, 10, 23]]);
      });
    });

    describe('code-link-drifted', () => {
      const code = (patternLine: number) => Array.from({ length: 30 }, (_, i) => (i + 1 === patternLine ? 'const DEFAULT_TTL = 30;' : `// line ${i + 1}`)).join('\n') + '\n';
      const text = withRequired(['code:', '  - path: src/cache/ttl.ts', '    lines: 4-6', '    pattern: "const DEFAULT_TTL"']);

      it('reports a pattern that moved out of its lines, on the lines, with where it is now', async () => {
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text, 'src/cache/ttl.ts': code(20) }));
        const found = index.diagnostics('incidents/a.md');
        assert.deepEqual(seen(found), [['code-link-drifted', 'warning', 8, 11, 8, 14]]);
        assert.equal(found[0].message, 'The code moved: "const DEFAULT_TTL" is now at lines 20-22 of src/cache/ttl.ts, not 4-6.');
        assert.deepEqual(found[0].data, { index: 0, lines: '20-22' });
      });

      it('reports a pattern that is gone from the file', async () => {
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text, 'src/cache/ttl.ts': code(0) }));
        const found = index.diagnostics('incidents/a.md');
        assert.deepEqual(seen(found), [['code-link-drifted', 'warning', 8, 11, 8, 14]]);
        assert.equal(found[0].message, '"const DEFAULT_TTL" is no longer in src/cache/ttl.ts. Check the link, or drop its pattern.');
      });

      it('does not fire while the pattern is inside the lines, with CRLF code too', async () => {
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text, 'src/cache/ttl.ts': code(6).replace(/\n/g, '\r\n') }));
        assert.deepEqual(seen(index.diagnostics('incidents/a.md')), []);
      });
    });

    describe('commit-unknown', () => {
      const text = withRequired([
        'commits:',
        '  - {sha: 3f2a9c1, role: trigger}',
        '  - {sha: DEADBEEF, role: fix}',
        '  - {sha: 0badc0de, role: related, repo: github.com/acme/infra}',
      ]);
      const known = ['3f2a9c1e0000000000000000000000000000000a'];

      it('reports a sha the repository does not have, on the sha', async () => {
        const commits = new KnownCommits(known);
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text }, commits));
        const found = index.diagnostics('incidents/a.md');
        assert.deepEqual(seen(found), [['commit-unknown', 'warning', 8, 10, 8, 18]]);
        assert.equal(found[0].message, 'This repository has no commit deadbeef. Was it on another branch, or in another repository (add `repo:`)?');
        assert.equal(commits.asked.length, 1, 'one lookup per scan');
      });

      it('is not reported where git cannot tell, or without git', async () => {
        const cannotTell = await scanned(new MemoryHost({ 'incidents/a.md': text }, new KnownCommits(undefined)));
        assert.deepEqual(seen(cannotTell.diagnostics('incidents/a.md')), []);
        const noGit = await scanned(new MemoryHost({ 'incidents/a.md': text }));
        assert.deepEqual(seen(noGit.diagnostics('incidents/a.md')), []);
      });

      describe('with a real repository', function () {
        this.timeout(10_000);
        let dir = '';
        let sha = '';
        before(() => {
          dir = mkdtempSync(path.join(tmpdir(), 'incident-lens-commits-'));
          git(dir, 'init', '-q');
          mkdirSync(path.join(dir, 'src'));
          writeFileSync(path.join(dir, 'src', 'app.ts'), 'export const ttl = 30;\n');
          git(dir, 'add', '.');
          git(dir, 'commit', '-q', '-m', 'First');
          sha = git(dir, 'rev-parse', 'HEAD').trim();
          mkdirSync(path.join(dir, 'incidents'));
          writeFileSync(
            path.join(dir, 'incidents', '2026-11-20-a.md'),
            withRequired(['commits:', `  - {sha: ${sha.slice(0, 7)}, role: trigger}`, `  - {sha: ${sha.toUpperCase()}, role: fix}`, '  - {sha: 0000000, role: related}']),
          );
        });
        after(() => rmSync(dir, { recursive: true, force: true }));

        it('GitCommitLookup knows short and full shas of any case, and reports the rest', async () => {
          const lookup = new GitCommitLookup(dir);
          const found = await lookup.knownCommits([sha.slice(0, 7), sha, '0000000']);
          assert.deepEqual(found && [...found].sort(), [sha, sha.slice(0, 7)].sort());
          const host = new NodeWorkspaceHost(dir, { commits: lookup });
          const index = newIndex();
          await index.scan(host);
          assert.deepEqual(seen(index.diagnostics('incidents/2026-11-20-a.md')), [['commit-unknown', 'warning', 9, 10, 9, 17]]);
        });

        it('GitCommitLookup cannot tell in a shallow clone, nor outside a repository', async () => {
          const clone = mkdtempSync(path.join(tmpdir(), 'incident-lens-shallow-'));
          try {
            git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
            assert.equal(await new GitCommitLookup(clone).knownCommits(['0000000']), undefined);
            const index = newIndex();
            await index.scan(new NodeWorkspaceHost(clone, { commits: new GitCommitLookup(clone) }));
            assert.deepEqual(seen(index.diagnostics('incidents/2026-11-20-a.md')), []);
          } finally {
            rmSync(clone, { recursive: true, force: true });
          }
          const plain = mkdtempSync(path.join(tmpdir(), 'incident-lens-nogit-'));
          try {
            assert.equal(await new GitCommitLookup(plain).knownCommits(['0000000']), undefined);
          } finally {
            rmSync(plain, { recursive: true, force: true });
          }
        });
      });
    });

    describe('unknown-service', () => {
      const text = withRequired(['services: [checkout, payments]']);
      const catalog = ['services:', '  checkout:', '    owners: [team-payments]', '    code: [src/checkout/**]', ''].join('\n');

      it('reports a service the catalog does not name, on the name', async () => {
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text, 'incidents/catalog.yaml': catalog }));
        const found = index.diagnostics('incidents/a.md');
        assert.deepEqual(seen(found), [['unknown-service', 'information', 6, 21, 6, 29]]);
        assert.equal(found[0].message, 'The catalog does not name the service "payments".');
        assert.deepEqual(found[0].data, { service: 'payments' });
      });

      it('is not reported without a catalog, or when the catalog names every service', async () => {
        const none = await scanned(new MemoryHost({ 'incidents/a.md': text }));
        assert.deepEqual([...none.allDiagnostics()], []);
        const all = await scanned(new MemoryHost({ 'incidents/a.md': text, 'incidents/catalog.yaml': `${catalog}  payments: {owners: [team-payments]}\n` }));
        assert.deepEqual([...all.allDiagnostics()], []);
      });

      it('is not reported while the catalog cannot be read; the catalog gets the error', async () => {
        const index = await scanned(new MemoryHost({ 'incidents/a.md': text, 'incidents/catalog.yaml': 'services:\n  checkout: {owners: [team-payments]\n' }));
        assert.deepEqual(
          [...index.allDiagnostics()].map(([file, found]) => [file, seen(found)]),
          [['incidents/catalog.yaml', [['yaml-syntax', 'error', 2, 0, 2, 0]]]],
        );
      });
    });
  });
});
