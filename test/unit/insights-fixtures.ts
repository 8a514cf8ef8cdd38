/**
 * A small set of incidents with known answers for the insights tests: a
 * time zone that moves an incident across a month boundary, a near miss, a
 * missing start, times out of order, open incidents, and every state of
 * action item. Each incident goes through the real parser.
 */
import { analyzeText, defaultLintOptions, todayFromIso } from '../../src/core/lint';
import type { InsightSource } from '../../src/core/insights/types';
import type { IncidentSummary } from '../../src/core/incident';

export const TODAY_ISO = '2026-05-01';
export const TODAY = todayFromIso(TODAY_ISO) as number;
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
export const MIN = 60_000;

export function parse(frontMatter: readonly string[]): IncidentSummary {
  const analysis = analyzeText(['---', ...frontMatter, '---', '', '## Summary', ''].join('\n'), defaultLintOptions({ todayMs: TODAY }));
  if (!analysis.incident) throw new Error(`not an incident: ${frontMatter.join(' / ')}`);
  return analysis.incident;
}

export function source(path: string, frontMatter: readonly string[], folder = ''): InsightSource {
  return { key: folder ? `${folder}/${path}` : path, folder, path, incident: parse(frontMatter) };
}

/** A: SEV1 in January with every time, cache code, three kinds of action item. */
export const A = source('incidents/2026-01-10-a.md', [
  'id: INC-2026-001',
  'title: Checkout slow after cache change',
  'status: reviewed',
  'severity: SEV1',
  'started: 2026-01-10T10:00:00Z',
  'detected: 2026-01-10T10:10:00Z',
  'mitigated: 2026-01-10T11:00:00Z',
  'resolved: 2026-01-10T13:00:00Z',
  'services: [checkout, cache]',
  'tags: [latency]',
  'code:',
  '  - {path: src/cache/client.ts}',
  '  - {path: src/cache/ttl.ts}',
  'factors:',
  '  - {kind: change, text: TTL default changed}',
  '  - {kind: config, text: No per-namespace TTL}',
  '  - {kind: change, text: Library bump in the same deploy}',
  'actions:',
  '  - {id: A1, title: Explicit TTLs, owner: Sam, due: 2026-01-20, status: done}',
  '  - {id: A2, title: Canary for cache config, owner: Sam, due: 2026-02-01, status: open}',
  '  - {id: A3, title: Second cache vendor, status: dropped, reason: Covered by A1}',
]);

/** B: SEV2 started late on 31 January at UTC-2, which is already 1 February in UTC. No mitigated time. */
export const B = source('incidents/2026-01-31-b.md', [
  'id: INC-2026-002',
  'title: Cache pool exhausted',
  'status: resolved',
  'severity: SEV2',
  'started: 2026-01-31T23:30-02:00',
  'detected: 2026-01-31T23:35-02:00',
  'resolved: 2026-02-01T01:30-02:00',
  'services: [cache]',
  'code:',
  '  - {path: deploy/cache/**}',
  '  - {path: src/cache/redis/pool.ts}',
  'actions:',
  '  - {id: A1, title: Pool size alert, owner: Lee, due: 2026-06-01, status: open}',
  '  - {id: A2, title: Pool sizing guide, owner: Lee, status: in-progress}',
]);

/** C: a near miss at UTC+05:30, no code, no actions. */
export const C = source('incidents/2026-02-15-c.md', [
  'id: INC-2026-003',
  'title: Search index nearly full',
  'status: reviewed',
  'severity: SEV3',
  'near_miss: true',
  'started: 2026-02-15T09:00+05:30',
  'detected: 2026-02-15T09:20+05:30',
  'services: [search]',
  'factors:',
  '  - {kind: capacity, text: Disk alert at 90% only}',
]);

/** D: SEV2 still being investigated; detected is written before started. */
export const D = source('incidents/2026-02-20-d.md', [
  'id: INC-2026-004',
  'title: Checkout errors',
  'status: investigating',
  'severity: SEV2',
  'started: 2026-02-20T12:00:00Z',
  'detected: 2026-02-20T11:50:00Z',
  'services: [checkout]',
  'code:',
  '  - {path: src/checkout/a.ts}',
  'actions:',
  '  - {id: A1, title: Roll back, owner: Dana, due: 2026-02-25, status: open}',
]);

/** E: no start time at all (an error the linter reports; the report still lists it). */
export const E = source('incidents/e.md', [
  'id: INC-2026-005',
  'title: Cache warm-up slow',
  'status: resolved',
  'severity: SEV4',
  'services: [cache]',
  'actions:',
  '  - {id: A1, title: Warm-up script, status: dropped}',
]);

/** F: SEV1 in April, cache code again. */
export const F = source('incidents/2026-04-02-f.md', [
  'id: INC-2026-006',
  'title: Checkout down after cache client upgrade',
  'status: reviewed',
  'severity: SEV1',
  'started: 2026-04-02T08:00:00Z',
  'detected: 2026-04-02T08:30:00Z',
  'mitigated: 2026-04-02T09:30:00Z',
  'resolved: 2026-04-02T18:00:00Z',
  'services: [checkout]',
  'code:',
  '  - {path: src/cache/client.ts}',
  'factors:',
  '  - {kind: change, text: Client upgrade}',
  'actions:',
  '  - {id: A1, title: Pin the client, owner: Sam, due: 2026-04-10, status: done}',
]);

/** In a scrambled order: nothing may depend on the order files are read in. */
export const ALL: readonly InsightSource[] = [F, C, A, E, D, B];
