/**
 * Merges markers and entries into the rows a reader scans: time order, the
 * phases between lifecycle markers labelled with what they measure, long
 * quiet stretches collapsed into one labelled row, and day breaks when the
 * incident spans midnight.
 */
import { formatDuration } from '../durationText';
import { wallClock } from '../offsets';
import type { LifecycleMarker, MarkerName, PhaseName, TimelineEntry, TimelineRow } from './types';

const MINUTE = 60_000;
/** Below this, nothing reads as "quiet", however dense the rest of the timeline. */
const MIN_QUIET_GAP_MS = 15 * MINUTE;
/** Two hours without a note always reads as quiet, however sparse the notes. */
const MAX_QUIET_GAP_MS = 120 * MINUTE;

/**
 * A gap is quiet when it is at least 15 minutes and at least twice the median
 * spacing between consecutive moments: relative, so a two-day incident with
 * hourly notes does not label every hour, and a 40-minute one still shows its
 * 18 silent minutes. Two hours is always quiet.
 */
export function quietGapThreshold(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const steps: number[] = [];
  for (let i = 1; i < sorted.length; i++) if (sorted[i] > sorted[i - 1]) steps.push(sorted[i] - sorted[i - 1]);
  if (steps.length === 0) return MIN_QUIET_GAP_MS;
  steps.sort((a, b) => a - b);
  const mid = steps.length >> 1;
  const median = steps.length % 2 ? steps[mid] : (steps[mid - 1] + steps[mid]) / 2;
  return Math.min(MAX_QUIET_GAP_MS, Math.max(MIN_QUIET_GAP_MS, 2 * median));
}

interface PhaseSpec {
  readonly phase: PhaseName;
  readonly name: string;
  readonly meaning: string;
}

/** The phase that ends at a marker, measured from `started`. */
const PHASE_ENDING_AT: Partial<Record<MarkerName, PhaseSpec>> = {
  detected: { phase: 'detect', name: 'time to detect', meaning: 'started → detected: how long the impact went unnoticed' },
  mitigated: { phase: 'mitigate', name: 'time to mitigate', meaning: 'started → mitigated: how long users felt the impact' },
  resolved: { phase: 'resolve', name: 'time to resolve', meaning: 'started → resolved: from the start of the impact until the incident was closed' },
};

type Moment = { kind: 'marker'; marker: LifecycleMarker; order: number } | { kind: 'entry'; entry: TimelineEntry; order: number };

function momentTime(moment: Moment): number {
  return moment.kind === 'marker' ? moment.marker.epochMs : (moment.entry.epochMs as number);
}

export function buildRows(markers: readonly LifecycleMarker[], entries: readonly TimelineEntry[], offsetMinutes: number, quietGapMs: number): TimelineRow[] {
  // Markers come first at equal times (the start, then what happened at it); entries keep file order.
  const moments: Moment[] = [
    ...markers.map((marker, i): Moment => ({ kind: 'marker', marker, order: i })),
    ...entries.filter((entry) => entry.epochMs !== null).map((entry): Moment => ({ kind: 'entry', entry, order: markers.length + entry.index })),
  ];
  moments.sort((a, b) => momentTime(a) - momentTime(b) || a.order - b.order);

  const started = markers.find((marker) => marker.name === 'started');
  const dates = moments.map((moment) => wallClock(momentTime(moment), offsetMinutes).date);
  const showDays = dates.length > 0 && dates[0] !== dates[dates.length - 1];

  const rows: TimelineRow[] = [];
  let previous: number | undefined;
  let previousDate: string | undefined;
  for (const [i, moment] of moments.entries()) {
    const time = momentTime(moment);
    if (previous !== undefined && time - previous >= quietGapMs) {
      rows.push({ type: 'gap', fromMs: previous, toMs: time, label: `${formatDuration(time - previous)} quiet` });
    }
    const date = dates[i];
    if (showDays && date !== previousDate) rows.push({ type: 'day', date });
    previousDate = date;
    if (moment.kind === 'marker') {
      const spec = PHASE_ENDING_AT[moment.marker.name];
      if (spec && started && time >= started.epochMs) {
        const length = formatDuration(time - started.epochMs);
        rows.push({ type: 'phase', phase: spec.phase, fromMs: started.epochMs, toMs: time, label: `${length} · ${spec.name}`, meaning: spec.meaning });
      }
      rows.push({ type: 'marker', name: moment.marker.name, epochMs: time });
    } else {
      rows.push({ type: 'entry', index: moment.entry.index });
    }
    previous = time;
  }

  const untimed = entries.filter((entry) => entry.epochMs === null);
  if (untimed.length > 0) {
    rows.push({ type: 'untimed', count: untimed.length });
    for (const entry of untimed) rows.push({ type: 'entry', index: entry.index });
  }
  return rows;
}
