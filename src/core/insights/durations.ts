/**
 * How long incidents took, as distributions per severity: time to detect
 * (detected − started), to mitigate (mitigated − started) and to resolve
 * (resolved − started). Each group keeps every point, so the long tail shows
 * and each dot leads to its incident. Incidents that cannot be measured are
 * listed with the reason, never dropped; near misses are left out because
 * there was no impact to time.
 */
import { ACTIVE_STATUSES } from '../activeStatuses';
import type { LocatedTime } from '../incident';
import type { Covered } from './refs';
import { spreadOf } from './stats';
import type { DurationGroup, DurationMeasure, DurationName, DurationPoint, Durations, MissingTime } from './types';

interface MeasureDefinition {
  readonly name: DurationName;
  readonly endField: 'detected' | 'mitigated' | 'resolved';
  /** Statuses in which the end has not happened yet. */
  readonly openStatuses: ReadonlySet<string>;
}

export const MEASURES: readonly MeasureDefinition[] = [
  { name: 'detect', endField: 'detected', openStatuses: new Set() },
  // Monitoring comes after mitigation: the impact is over, the incident is not.
  { name: 'mitigate', endField: 'mitigated', openStatuses: new Set(ACTIVE_STATUSES.filter((status) => status !== 'monitoring')) },
  { name: 'resolve', endField: 'resolved', openStatuses: new Set(ACTIVE_STATUSES) },
];

export function durations(covered: readonly Covered[], severities: readonly string[]): Durations {
  const nearMisses = covered.filter(({ ref }) => ref.nearMiss).map(({ ref }) => ref.key);
  const measured = covered.filter(({ ref }) => !ref.nearMiss);
  return {
    measures: MEASURES.map((definition) => measure(definition, measured, severities)),
    nearMisses,
  };
}

function measure(definition: MeasureDefinition, covered: readonly Covered[], severities: readonly string[]): DurationMeasure {
  const bySeverity = new Map<string, DurationPoint[]>();
  const missing: MissingTime[] = [];
  for (const { ref, incident } of covered) {
    const started = incident.started;
    const end: LocatedTime | undefined = incident[definition.endField];
    if (!started) {
      missing.push({ key: ref.key, reason: 'no-start' });
    } else if (!end) {
      missing.push({ key: ref.key, reason: definition.openStatuses.has(ref.status) ? 'still-open' : 'no-end' });
    } else if (end.epochMs < started.epochMs) {
      missing.push({ key: ref.key, reason: 'out-of-order' });
    } else {
      let points = bySeverity.get(ref.severity);
      if (!points) bySeverity.set(ref.severity, (points = []));
      points.push({ key: ref.key, ms: end.epochMs - started.epochMs });
    }
  }
  const groups: DurationGroup[] = [];
  for (const severity of severities) {
    const points = bySeverity.get(severity);
    if (!points) continue;
    // Stable: equal durations stay in incident order (earliest start first).
    points.sort((a, b) => a.ms - b.ms);
    const spread = spreadOf(points.map((point) => point.ms));
    if (spread) groups.push({ severity, points, spread });
  }
  return { name: definition.name, endField: definition.endField, groups, missing };
}
