/**
 * What a reviewer types as a time in the panel: a full timestamp, a date and
 * a clock time, or just a clock time. Times without an offset are in the
 * incident's offset, the one the panel shows.
 */
import { isoOffset, wallClock } from '../offsets';
import { formatTimestamp, parseTimestamp } from '../timestamps';

export interface TimeReference {
  /** A moment whose day a bare clock time belongs to. */
  readonly epochMs: number;
  /** The incident's offset. */
  readonly offsetMinutes: number;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_CLOCK = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export const TIME_INPUT_HINT = 'Use 14:05, 2026-11-20 14:05 or 2026-11-20T14:05:00Z.';

/** The timestamp to write for a typed time, or undefined when it is not a time. */
export function resolveTimeInput(input: string, reference: TimeReference): string | undefined {
  const typed = input.trim();
  // A full timestamp keeps the offset its writer chose.
  const full = typed.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
  if (parseTimestamp(full)) return full;

  const clock = CLOCK.exec(typed);
  if (clock) return inOffset(wallClock(reference.epochMs, reference.offsetMinutes).date, clock[1], clock[2], clock[3], reference.offsetMinutes);
  const dated = DATE_CLOCK.exec(typed);
  if (dated) return inOffset(dated[1], dated[2], dated[3], dated[4], reference.offsetMinutes);
  return undefined;
}

function inOffset(date: string, hours: string, minutes: string, seconds: string | undefined, offsetMinutes: number): string | undefined {
  const parsed = parseTimestamp(`${date}T${hours.padStart(2, '0')}:${minutes}:${seconds ?? '00'}${isoOffset(offsetMinutes)}`);
  return parsed ? formatTimestamp(parsed.epochMs, offsetMinutes) : undefined;
}
