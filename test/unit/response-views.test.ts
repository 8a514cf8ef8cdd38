/** What the Incidents and Follow-ups views show, and in which order. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, defaultLintOptions, todayFromIso } from '../../src/core/lint';
import { ageOrDuration, dueLabel, formatWallTime } from '../../src/core/response/durations';
import { collectFollowUps, groupByOwner } from '../../src/core/response/followUps';
import { incidentDetails } from '../../src/core/response/incidentDetails';
import { groupIncidents } from '../../src/core/response/incidentGroups';
import { incidentDescription, pickDetail, statusBarText } from '../../src/core/response/labels';
import { DEFAULT_SEVERITIES } from '../../src/core/schema';
import { simple, summary } from './response-support';

const TODAY = todayFromIso('2026-11-25')!;
const NOW = Date.parse('2026-11-25T09:42:00Z');
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'workspace', 'incidents');

function exampleIncidents() {
  return readdirSync(EXAMPLE)
    .filter((name) => /^\d{4}-.*\.md$/.test(name))
    .map((name) => ({ key: name, incident: analyzeText(readFileSync(join(EXAMPLE, name), 'utf8'), defaultLintOptions()).incident! }));
}

describe('response: follow-ups', () => {
  const incidents = [
    {
      key: 'x',
      incident: summary([
        'id: INC-2026-001',
        'title: X',
        'status: resolved',
        'severity: SEV2',
        'started: 2026-11-01T10:00:00Z',
        'actions:',
        '  - {id: A1, title: Later, owner: Sam Ortiz, due: 2026-12-20, status: open}',
        '  - {id: A2, title: Long overdue, owner: Lee Wong, due: 2026-11-01, status: open}',
        '  - {id: A3, title: Done, owner: Sam Ortiz, due: 2026-11-02, status: done}',
        '  - {id: A4, title: No date, status: open}',
      ]),
    },
    {
      key: 'y',
      incident: summary([
        'id: INC-2026-002',
        'title: Y',
        'status: reviewed',
        'severity: SEV3',
        'started: 2026-10-01T10:00:00Z',
        'actions:',
        '  - {id: A1, title: Soon, owner: Lee Wong, due: 2026-11-26, status: in-progress}',
        '  - {id: A2, title: Overdue, owner: Sam Ortiz, due: 2026-11-20, status: open}',
        '  - {id: A3, title: Dropped, status: dropped, reason: not needed}',
      ]),
    },
  ];
  const titles = (list: { action: { title: string } }[]) => list.map((item) => item.action.title);

  it('overdue first (longest overdue first), then by due date, undated last; done and dropped hidden', () => {
    const list = collectFollowUps(incidents, { todayMs: TODAY, showClosed: false });
    assert.deepEqual(titles(list), ['Long overdue', 'Overdue', 'Soon', 'Later', 'No date']);
    assert.deepEqual(list.map((item) => item.overdue), [true, true, false, false, false]);
  });

  it('shows done and dropped ones last when asked', () => {
    assert.deepEqual(titles(collectFollowUps(incidents, { todayMs: TODAY, showClosed: true })), ['Long overdue', 'Overdue', 'Soon', 'Later', 'No date', 'Done', 'Dropped']);
  });

  it('groups by owner, by name, with no owner last, keeping the order inside', () => {
    const groups = groupByOwner(collectFollowUps(incidents, { todayMs: TODAY, showClosed: false }));
    assert.deepEqual(groups.map((g) => [g.owner, titles([...g.items]), g.overdue]), [
      ['Lee Wong', ['Long overdue', 'Soon'], 1],
      ['Sam Ortiz', ['Overdue', 'Later'], 1],
      [undefined, ['No date'], 0],
    ]);
  });

  it('orders the example workspace’s open follow-ups as the view does', () => {
    const list = collectFollowUps(exampleIncidents(), { todayMs: TODAY, showClosed: false });
    assert.deepEqual(
      list.map((item) => `${item.incident.id} ${item.action.id} ${item.action.due}${item.overdue ? ' overdue' : ''}`),
      [
        'INC-2026-012 A4 2026-10-30 overdue',
        'INC-2026-014 A2 2026-11-22 overdue',
        'INC-2026-013 A4 2026-12-04',
        'INC-2026-015 A2 2026-12-09',
        'INC-2026-010 A5 2026-12-11',
        'INC-2026-014 A3 2026-12-11',
        'INC-2026-017 A1 2026-12-11',
        'INC-2026-015 A3 2026-12-16',
        'INC-2026-012 A7 2026-12-18',
        'INC-2026-016 A3 2026-12-18',
      ],
    );
  });
});

describe('response: incident groups', () => {
  const items = [
    { incident: simple('INC-2026-001', 'reviewed', '2026-06-01T10:00:00Z', ['services: [search]']) },
    { incident: simple('INC-2026-002', 'investigating', '2026-11-25T08:00:00Z', ['services: [checkout, cache]']) },
    { incident: simple('INC-2026-003', 'monitoring', '2026-11-24T08:00:00Z') },
    { incident: simple('INC-2026-004', 'resolved', '2026-11-20T08:00:00Z', ['services: [cache]']) },
    { incident: summary(['id: INC-2026-005', 'title: t', 'status: paused', 'severity: SEV9', 'started: 2026-11-01T08:00:00Z']) },
  ];
  const ids = (groups: ReturnType<typeof groupIncidents>) => groups.map((g) => [g.id, g.items.map((i) => (i as (typeof items)[number]).incident.id), g.expanded]);

  it('by status: active (newest first), resolved, reviewed (collapsed), then anything else', () => {
    assert.deepEqual(ids(groupIncidents(items, 'status', DEFAULT_SEVERITIES)), [
      ['status:active', ['INC-2026-002', 'INC-2026-003'], true],
      ['status:resolved', ['INC-2026-004'], true],
      ['status:reviewed', ['INC-2026-001'], false],
      ['status:other', ['INC-2026-005'], true],
    ]);
  });

  it('by severity: worst first, unknown levels last; expanded where something is active', () => {
    const groups = groupIncidents(items, 'severity', DEFAULT_SEVERITIES);
    assert.deepEqual(groups.map((g) => [g.label, g.items.length, g.expanded]), [
      ['SEV2', 4, true],
      ['Other severities', 1, false],
    ]);
    assert.deepEqual(groups[0].items.map((i) => i.incident.id), ['INC-2026-002', 'INC-2026-003', 'INC-2026-004', 'INC-2026-001']);
  });

  it('by service: an incident under each of its services, no service last', () => {
    assert.deepEqual(ids(groupIncidents(items, 'service', DEFAULT_SEVERITIES)), [
      ['service:cache', ['INC-2026-002', 'INC-2026-004'], true],
      ['service:checkout', ['INC-2026-002'], true],
      ['service:search', ['INC-2026-001'], false],
      ['service:none', ['INC-2026-003', 'INC-2026-005'], true],
    ]);
  });
});

describe('response: rows under an incident', () => {
  const text = readFileSync(join(EXAMPLE, '2026-11-25-checkout-errors-eu-west.md'), 'utf8');
  const incident = analyzeText(text, defaultLintOptions()).incident!;
  const lines = text.split('\n');

  it('lists lifecycle times, roles, timeline, and code links, each at its line', () => {
    const details = incidentDetails(incident, TODAY);
    assert.deepEqual(
      details.map((d) => [d.label, d.description]),
      [
        ['Started', 'Nov 25 08:12 UTC'],
        ['Detected', 'Nov 25 08:16 UTC · +4 min'],
        ['Roles', 'Priya Shah, Lee Wong, Elif Demir, Ana Lima'],
        ['Timeline', '8 entries · last Nov 25 09:20 UTC'],
        ['Code links', '1'],
      ],
    );
    const at = (target: (typeof details)[number]['target']) => (target?.kind === 'incident' ? lines[target.line] : undefined);
    assert.equal(at(details[0].target), 'started: 2026-11-25T08:12:00Z');
    assert.equal(at(details[2].target), 'roles:');
    assert.equal(at(details[3].target), 'timeline:');
    assert.deepEqual(details[2].children?.map((c) => [c.label, c.description, c.target?.kind === 'incident' && c.target.find]), [
      ['commander', 'Priya Shah', 'commander:'],
      ['communications', 'Lee Wong', 'communications:'],
      ['operations', 'Elif Demir', 'operations:'],
      ['scribe', 'Ana Lima', 'scribe:'],
    ]);
    assert.deepEqual(details[4].children?.[0].target, { kind: 'file', path: 'src/checkout/orders.ts', startLine: 37, endLine: 50 });
  });

  it('lists actions with their state, overdue ones marked, at their item line', () => {
    const ttl = readFileSync(join(EXAMPLE, '2026-09-22-checkout-latency-cache-ttl.md'), 'utf8');
    const details = incidentDetails(analyzeText(ttl, defaultLintOptions()).incident!, TODAY);
    const actions = details.find((d) => d.id === 'actions')!;
    assert.equal(actions.description, '1 overdue · 2 done · 1 open · 1 in-progress');
    assert.deepEqual(actions.children?.map((c) => [c.label.split('  ')[0], c.icon, c.contextValue]), [
      ['A1', 'pass', 'detail.action.closed'],
      ['A2', 'warning', 'detail.action.open'],
      ['A3', 'sync', 'detail.action.open'],
      ['A4', 'pass', 'detail.action.closed'],
    ]);
    const a2 = actions.children![1];
    assert.match(a2.description ?? '', /Sam Ortiz · open · due 3 d ago/);
    assert.ok(a2.target?.kind === 'incident' && ttl.split('\n')[a2.target.line].includes('id: A2'));
    const links = details.find((d) => d.id === 'code')!;
    assert.deepEqual(links.children?.map((c) => c.target?.kind), ['file', 'file', 'file', 'file']);
  });

  it('opens globs and outside paths in the incident, not as files', () => {
    const withGlob = summary(['id: INC-2026-001', 'title: t', 'status: resolved', 'severity: SEV2', 'started: 2026-11-01T08:00:00Z', 'code:', '  - path: deploy/**', '  - path: ../secrets.txt']);
    const links = incidentDetails(withGlob, TODAY).find((d) => d.id === 'code')!;
    assert.deepEqual(links.children?.map((c) => c.target?.kind), ['incident', 'incident']);
  });
});

describe('response: labels and durations', () => {
  const active = simple('INC-2026-018', 'investigating', '2026-11-25T08:12:00Z', ['services: [checkout]', 'tags: [black-friday-week]']);
  const closed = simple('INC-2026-014', 'reviewed', '2026-09-22T14:02:00Z', ['resolved: 2026-09-22T15:30:00Z']);

  it('formats wall times and due dates plainly', () => {
    assert.equal(formatWallTime(Date.parse('2026-07-15T13:05:00Z'), 60), 'Jul 15 14:05 UTC+01:00');
    assert.equal(formatWallTime(Date.parse('2026-07-15T13:05:00Z'), -300, false), '08:05 UTC-05:00');
    assert.equal(dueLabel(TODAY, TODAY), 'due today');
    assert.equal(dueLabel(TODAY - 3 * 86_400_000, TODAY), 'due 3 d ago');
    assert.equal(dueLabel(TODAY + 2 * 86_400_000, TODAY), 'due in 2 d');
    assert.equal(dueLabel(Date.UTC(2026, 11, 12), TODAY), 'due Dec 12');
    assert.equal(dueLabel(Date.UTC(2027, 0, 12), TODAY), 'due Jan 12, 2027');
  });

  it('shows how long an active incident has run, and how long ago a closed one started', () => {
    assert.equal(ageOrDuration(active, NOW), '1 h 30 min');
    assert.equal(incidentDescription(active, NOW), 'SEV2 · 1 h 30 min');
    assert.equal(incidentDescription(closed, NOW), 'SEV2 · 63 d 19 h ago');
    assert.equal(statusBarText(active, NOW), 'INC-2026-018 SEV2 · 1 h 30 min');
  });

  it('puts status, date, services and tags in the pick detail, so the pick matches them', () => {
    assert.equal(pickDetail(active, NOW), 'investigating · started Nov 25 · checkout · #black-friday-week');
    assert.equal(pickDetail(closed, NOW), 'reviewed · started Sep 22 · lasted 1 h 28 min');
  });
});
