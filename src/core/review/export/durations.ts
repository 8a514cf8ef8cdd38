/**
 * The incident's durations, each with what it measures: a number without
 * its definition invites the wrong comparison. The wording matches the
 * timeline panel's phase rows.
 */
import { formatDuration } from '../../durationText';
import type { IncidentSummary, LocatedTime } from '../../incident';

export interface DurationLine {
  readonly name: string;
  /** "39 min", or why there is no number. */
  readonly value: string;
  readonly measured: boolean;
  readonly definition: string;
}

const MEASURES = [
  { name: 'Time to detect', end: 'detected', definition: 'started → detected: how long the impact went unnoticed' },
  { name: 'Time to mitigate', end: 'mitigated', definition: 'started → mitigated: how long users felt the impact' },
  { name: 'Time to resolve', end: 'resolved', definition: 'started → resolved: from the start of the impact until the incident was closed' },
] as const;

export function durationLines(incident: IncidentSummary): DurationLine[] {
  return MEASURES.map(({ name, end, definition }) => {
    const to: LocatedTime | undefined = incident[end];
    const from = incident.started;
    if (!from) return { name, value: 'not known (no start time)', measured: false, definition };
    if (!to) return { name, value: `not recorded (no \`${end}\` time)`, measured: false, definition };
    if (to.epochMs < from.epochMs) return { name, value: `not known (\`${end}\` is before \`started\`)`, measured: false, definition };
    return { name, value: formatDuration(to.epochMs - from.epochMs), measured: true, definition };
  });
}
