/**
 * Every aggregate of the insights on the fixture set, with answers worked
 * out by hand (see insights-fixtures.ts for the incidents).
 */
import * as assert from 'node:assert/strict';
import { buildInsights } from '../../src/core/insights';
import type { Insights, TallyRow } from '../../src/core/insights/types';
import { A, ALL, B, C, D, E, F, MIN, SEVERITIES, TODAY } from './insights-fixtures';

const insights = (): Insights => buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES });

const rows = (list: readonly TallyRow[]) => list.map((row) => [row.label, row.count, row.severe, row.incidents]);

describe('insights: aggregates', () => {
  it('covers every incident, earliest start first, undated last', () => {
    const result = insights();
    assert.deepEqual(
      result.incidents.map((ref) => ref.id),
      ['INC-2026-001', 'INC-2026-002', 'INC-2026-003', 'INC-2026-004', 'INC-2026-006', 'INC-2026-005'],
    );
    assert.equal(result.scope.total, 6);
    assert.equal(result.scope.firstDay, '2026-01-10');
    assert.equal(result.scope.lastDay, '2026-04-02');
    assert.deepEqual(result.scope.severe, ['SEV1', 'SEV2']);
    assert.deepEqual(result.scope.services, ['cache', 'checkout', 'search']);
  });

  it('takes the start day in the incident’s own offset', () => {
    const b = insights().incidents.find((ref) => ref.key === B.key);
    assert.equal(b?.startedDay, '2026-01-31', '23:30 at UTC-2 is still 31 January where it happened');
    const c = insights().incidents.find((ref) => ref.key === C.key);
    assert.equal(c?.startedDay, '2026-02-15');
  });

  it('counts services per incident, most first, ties by severe incidents', () => {
    assert.deepEqual(rows(insights().services.rows), [
      ['checkout', 3, 3, [A.key, D.key, F.key]],
      ['cache', 3, 2, [A.key, B.key, E.key]],
      ['search', 1, 0, [C.key]],
    ]);
    assert.deepEqual(insights().services.without, []);
  });

  it('counts factor kinds once per incident and keeps the statements apart', () => {
    const factors = insights().factors;
    assert.deepEqual(rows(factors.rows), [
      ['change', 2, 2, [A.key, F.key]],
      ['config', 1, 1, [A.key]],
      ['capacity', 1, 0, [C.key]],
    ]);
    assert.equal(factors.rows[0].mentions, 3, 'A names change twice, F once');
    assert.deepEqual(factors.without, [B.key, D.key, E.key]);
  });

  it('counts tags', () => {
    assert.deepEqual(rows(insights().tags.rows), [['latency', 1, 1, [A.key]]]);
    assert.equal(insights().tags.without.length, 5);
  });

  it('finds code areas from code links: parent folders, globs as folders, subfolders counted in their parent', () => {
    const areas = insights().areas;
    assert.equal(areas.source, 'links');
    assert.deepEqual(rows(areas.rows), [
      ['src/cache', 3, 3, [A.key, B.key, F.key]],
      ['src/checkout', 1, 1, [D.key]],
      ['deploy/cache', 1, 1, [B.key]],
      ['src/cache/redis', 1, 1, [B.key]],
    ]);
    assert.deepEqual(areas.without, [C.key, E.key]);
  });

  it('counts incidents per month by severity, near misses apart, empty months kept', () => {
    const time = insights().overTime;
    assert.equal(time.unit, 'month');
    assert.deepEqual(
      time.buckets.map((bucket) => [bucket.id, bucket.start, bucket.bySeverity, bucket.nearMisses, bucket.incidents, bucket.nearMissIncidents]),
      [
        ['2026-01', '2026-01-01', [1, 1, 0, 0], 0, [A.key, B.key], []],
        ['2026-02', '2026-02-01', [0, 1, 0, 0], 1, [D.key], [C.key]],
        ['2026-03', '2026-03-01', [0, 0, 0, 0], 0, [], []],
        ['2026-04', '2026-04-01', [1, 0, 0, 0], 0, [F.key], []],
      ],
    );
    assert.deepEqual(time.undated, [E.key]);
  });

  it('counts per quarter when asked', () => {
    const time = buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, unit: 'quarter' }).overTime;
    assert.deepEqual(
      time.buckets.map((bucket) => [bucket.id, bucket.start, bucket.bySeverity, bucket.nearMisses]),
      [
        ['2026-Q1', '2026-01-01', [1, 2, 0, 0], 1],
        ['2026-Q2', '2026-04-01', [1, 0, 0, 0], 0],
      ],
    );
  });

  it('switches to quarters by itself past 18 months', () => {
    const late = { ...F, key: 'late.md', incident: { ...F.incident, started: { ...F.incident.started!, epochMs: Date.UTC(2027, 8, 1), offsetMinutes: 0 } } };
    const time = buildInsights([A, late], { todayMs: TODAY, severities: SEVERITIES }).overTime;
    assert.equal(time.unit, 'quarter');
    assert.equal(time.buckets.length, 7, '2026-Q1 to 2027-Q3');
  });

  it('measures durations per severity with median and quartiles, near misses left out', () => {
    const { measures, nearMisses } = insights().durations;
    assert.deepEqual(nearMisses, [C.key]);
    const detect = measures.find((measure) => measure.name === 'detect');
    assert.ok(detect);
    assert.deepEqual(
      detect.groups.map((group) => [group.severity, group.points.map((point) => [point.key, point.ms / MIN])]),
      [
        ['SEV1', [[A.key, 10], [F.key, 30]]],
        ['SEV2', [[B.key, 5]]],
      ],
    );
    const sev1 = detect.groups[0].spread;
    assert.equal(sev1.n, 2);
    assert.deepEqual([sev1.min, sev1.q1, sev1.median, sev1.q3, sev1.max].map((ms) => ms / MIN), [10, 15, 20, 25, 30]);
  });

  it('lists every incident it could not measure, with the reason', () => {
    const byName = Object.fromEntries(insights().durations.measures.map((measure) => [measure.name, measure.missing.map((missing) => [missing.key, missing.reason])]));
    assert.deepEqual(byName.detect, [
      [D.key, 'out-of-order'],
      [E.key, 'no-start'],
    ]);
    assert.deepEqual(byName.mitigate, [
      [B.key, 'no-end'],
      [D.key, 'still-open'],
      [E.key, 'no-start'],
    ]);
    assert.deepEqual(byName.resolve, [
      [D.key, 'still-open'],
      [E.key, 'no-start'],
    ]);
  });

  it('times durations across time zones by the instant, not the wall clock', () => {
    const resolve = insights().durations.measures.find((measure) => measure.name === 'resolve');
    const b = resolve?.groups.find((group) => group.severity === 'SEV2')?.points[0];
    assert.deepEqual(b, { key: B.key, ms: 120 * MIN }, '23:30 to 01:30 the next day is two hours');
  });

  it('tallies follow-through: done, open, overdue, dropped with reasons, ages', () => {
    const follow = insights().followThrough;
    assert.equal(follow.total, 8);
    assert.deepEqual(follow.done.map((action) => [action.incident, action.id]), [[A.key, 'A1'], [F.key, 'A1']]);
    assert.deepEqual(follow.open.map((action) => [action.incident, action.id, action.status, action.ageDays]), [
      [A.key, 'A2', 'open', 111],
      [B.key, 'A1', 'open', 90],
      [B.key, 'A2', 'in-progress', 90],
      [D.key, 'A1', 'open', 70],
    ]);
    assert.deepEqual(follow.overdue.map((action) => [action.incident, action.id, action.daysOverdue]), [
      [A.key, 'A2', 89],
      [D.key, 'A1', 65],
    ]);
    assert.deepEqual(follow.noDue.map((action) => [action.incident, action.id]), [[B.key, 'A2']]);
    assert.deepEqual(follow.dropped.map((action) => [action.incident, action.id, action.reason]), [
      [A.key, 'A3', 'Covered by A1'],
      [E.key, 'A1', undefined],
    ]);
    assert.deepEqual(follow.openAge, { n: 4, min: 70, q1: 85, median: 90, q3: 95.25, max: 111 });
    assert.deepEqual(follow.allOpen, [B.key, D.key]);
    assert.deepEqual(follow.withoutActions, [C.key]);
  });

  it('does not depend on the order the files were read in', () => {
    const reversed = buildInsights([...ALL].reverse(), { todayMs: TODAY, severities: SEVERITIES });
    assert.deepEqual(reversed, insights());
  });

  it('puts unknown and missing severities after the configured ones', () => {
    const odd = { ...C, key: 'odd.md', incident: { ...C.incident, severity: 'P0', nearMiss: false } };
    const none = { ...D, key: 'none.md', incident: { ...D.incident, severity: undefined } };
    const result = buildInsights([A, odd, none], { todayMs: TODAY, severities: SEVERITIES });
    assert.deepEqual(result.scope.severities, ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'P0', '']);
    assert.deepEqual(result.overTime.buckets.find((bucket) => bucket.id === '2026-02')?.bySeverity, [0, 0, 0, 0, 1, 1]);
  });
});

describe('insights: filters', () => {
  it('filters by date on the local start day, and says which undated incidents it left out', () => {
    const result = buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, filters: { from: '2026-02-01' } });
    assert.deepEqual(
      result.incidents.map((ref) => ref.key),
      [C.key, D.key, F.key],
      'B started on 31 January where it happened, though it was 1 February in UTC',
    );
    assert.deepEqual(result.scope.undatedLeftOut, [E.key]);
    assert.equal(result.scope.available, 6);
  });

  it('filters by an inclusive date range', () => {
    const result = buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, filters: { from: '2026-01-31', to: '2026-02-15' } });
    assert.deepEqual(result.incidents.map((ref) => ref.key), [B.key, C.key]);
    assert.deepEqual(
      result.overTime.buckets.map((bucket) => bucket.id),
      ['2026-01', '2026-02'],
    );
  });

  it('filters by service and by severity', () => {
    assert.deepEqual(buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, filters: { service: 'cache' } }).incidents.map((ref) => ref.key), [A.key, B.key, E.key]);
    assert.deepEqual(buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, filters: { severity: 'SEV1' } }).incidents.map((ref) => ref.key), [A.key, F.key]);
  });

  it('ignores empty filter values', () => {
    const result = buildInsights(ALL, { todayMs: TODAY, severities: SEVERITIES, filters: { service: '', from: '' } });
    assert.deepEqual(result.scope.filters, {});
    assert.equal(result.scope.total, 6);
  });
});
