/**
 * started / detected / mitigated / resolved from the timeline, each with the
 * reason in words (written as a YAML comment beside the field). Markers the
 * writer put in the timeline win over guesses; "stats" durations fill in
 * only what the timeline does not show.
 */
import type { Duration } from './stats';
import type { TimelineEntry } from './types';

export interface DerivedTime {
  readonly iso: string;
  readonly epochMs: number;
  readonly reason: string;
}

export interface Lifecycle {
  readonly started?: DerivedTime;
  readonly detected?: DerivedTime;
  readonly mitigated?: DerivedTime;
  readonly resolved?: DerivedTime;
  /** Notes for the body where a stats line was used. */
  readonly notes: string[];
}

export interface StatDurations {
  readonly timeToDetect?: Duration;
  readonly timeToRecover?: Duration;
  readonly timeToMitigate?: Duration;
}

/** Entries must be in time order. */
export function deriveLifecycle(entries: readonly TimelineEntry[], stats: StatDurations): Lifecycle {
  const notes: string[] = [];
  if (entries.length === 0) return { notes };
  const startEntry = entries.find((e) => e.marker === 'started');
  const started = startEntry ? fromEntry(startEntry, 'marked as the start in the timeline') : fromEntry(entries[0], 'first timeline entry');

  const after = (floor: DerivedTime | undefined) => entries.filter((e) => floor === undefined || e.epochMs >= floor.epochMs);
  // Detection comes before the impact was marked as over, whatever the words say later.
  const ceiling = entries.find((e) => e.epochMs >= started.epochMs && (e.marker === 'mitigated' || e.marker === 'resolved'));
  const detectable = after(started).filter((e) => ceiling === undefined || e.epochMs <= ceiling.epochMs);
  const detectionMarker = detectable.find((e) => e.marker === 'detected');
  const detectionAtStat = entryAt(entries, started, stats.timeToDetect);
  const detectionEntry = detectionMarker ?? detectionAtStat ?? detectable.find((e) => e.kind === 'detection');
  let detected = detectionEntry
    ? fromEntry(detectionEntry, detectionMarker ? 'marked as detection in the timeline' : detectionEntry === detectionAtStat ? `the entry at started + "${stats.timeToDetect?.line}"` : 'first detection in the timeline')
    : undefined;

  const floor = detected ?? started;
  // Impact has stopped at the latest when something was declared resolved.
  const mitigationMarker = after(floor).find((e) => e.marker === 'mitigated');
  const recovery = stats.timeToMitigate ?? stats.timeToRecover;
  const mitigationAtStat = entryAt(after(floor), started, recovery);
  const mitigationEntry =
    mitigationMarker ?? mitigationAtStat ?? after(floor).find((e) => e.kind === 'mitigation' || e.kind === 'resolution' || e.marker === 'resolved');
  let mitigated = mitigationEntry
    ? fromEntry(
        mitigationEntry,
        mitigationMarker
          ? 'marked as mitigation in the timeline'
          : mitigationEntry === mitigationAtStat
            ? `the entry at started + "${recovery?.line}"`
            : `first ${mitigationEntry.kind} in the timeline`,
      )
    : undefined;

  if (!detected && stats.timeToDetect) {
    const candidate = plus(started, stats.timeToDetect, 'the timeline has no detection entry');
    if (!mitigated || candidate.epochMs <= mitigated.epochMs) {
      detected = candidate;
      notes.push(`\`detected\` is \`started\` plus "${stats.timeToDetect.line}", because the timeline has no entry for the detection.`);
    }
  }
  if (!mitigated && recovery) {
    const candidate = plus(started, recovery, 'the timeline has no mitigation entry');
    if (candidate.epochMs >= (detected ?? started).epochMs) {
      mitigated = candidate;
      notes.push(`\`mitigated\` is \`started\` plus "${recovery.line}", because the timeline has no entry for the mitigation.`);
    }
  }

  const resolvedFloor = mitigated ?? detected ?? started;
  const closing = [...after(resolvedFloor)].reverse();
  const resolutionEntry = closing.find((e) => e.marker === 'resolved') ?? closing.find((e) => e.kind === 'resolution');
  const last = entries[entries.length - 1];
  const resolved = resolutionEntry
    ? fromEntry(resolutionEntry, resolutionEntry.marker ? 'marked as resolved in the timeline' : 'last resolution in the timeline')
    : last.epochMs >= resolvedFloor.epochMs
      ? fromEntry(last, 'last timeline entry; the source does not say when it was resolved')
      : { ...resolvedFloor, reason: 'no timeline entry after mitigated; set to it' };
  return { started, detected, mitigated, resolved, notes };
}

/** The entry exactly `duration` after `started` (a stats line that agrees with the timeline). */
function entryAt(entries: readonly TimelineEntry[], started: DerivedTime, duration: Duration | undefined): TimelineEntry | undefined {
  if (!duration || duration.minutes <= 0) return undefined;
  return entries.find((e) => e.epochMs === started.epochMs + duration.minutes * 60_000);
}

function fromEntry(entry: TimelineEntry, why: string): DerivedTime {
  return { iso: entry.at, epochMs: entry.epochMs, reason: `${why}: ${quoteShort(entry.text)}` };
}

function plus(started: DerivedTime, duration: Duration, why: string): DerivedTime {
  const epochMs = started.epochMs + duration.minutes * 60_000;
  return { iso: shiftIso(started.iso, duration.minutes), epochMs, reason: `started + "${duration.line}"; ${why}` };
}

/** Adds minutes to an ISO timestamp, keeping its offset. */
function shiftIso(iso: string, minutes: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) return iso;
  const wall = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5] + minutes, +match[6]));
  return `${wall.toISOString().slice(0, 19)}${match[7]}`;
}

/** A text in quotes, cut to about 60 characters. */
export function quoteShort(text: string): string {
  const words = text.length > 60 ? `${text.slice(0, 57).replace(/\s+\S*$/, '')}...` : text;
  return `"${words}"`;
}
