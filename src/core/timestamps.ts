/**
 * ISO 8601 timestamps with an offset, and calendar dates, as the format
 * allows them. Parsing keeps the written offset so times can be shown in the
 * incident's own zone.
 */
import { isoOffset, wallClock } from './offsets';

export interface Timestamp {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** The written offset in minutes east of UTC (0 for `Z`). */
  readonly offsetMinutes: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// What parseTimestamp and parseDate accept, as regular expressions for tools
// that cannot run them (the JSON Schemas): ranges of months, days, hours,
// minutes and offsets, but not whether a day exists in its month (2026-02-30).
const DAY_SHAPE = String.raw`\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])`;
const TIME_SHAPE = String.raw`[Tt]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?([Zz]|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)`;
export const TIMESTAMP_SHAPE = new RegExp(`^${DAY_SHAPE}${TIME_SHAPE}$`);
export const DATE_SHAPE = new RegExp(`^${DAY_SHAPE}(${TIME_SHAPE})?$`);

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH[[:]MM]`, read by hand:
 * this runs for every timeline entry, several times per lint, and a regex
 * with eight groups cost more than the rest of the check. It accepts exactly
 * what TIMESTAMP_SHAPE matches, on days that exist.
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  const n = text.length;
  if (n < 17) return undefined;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const t = text.charCodeAt(10);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 116) || text.charCodeAt(13) !== 58) return undefined;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58 /* : */) {
    second = twoDigits(text, i + 1);
    if (second < 0) return undefined;
    i += 3;
    if (text.charCodeAt(i) === 46 /* . */) {
      let count = 0;
      for (i++; i < n && isDigit(text.charCodeAt(i)); i++, count++) {
        if (count < 3) millis = millis * 10 + (text.charCodeAt(i) - 48);
      }
      if (count === 0 || count > 9) return undefined;
      for (let k = count; k < 3; k++) millis *= 10;
    }
  }
  const offsetMinutes = readOffset(text, i);
  if (offsetMinutes === undefined) return undefined;
  const year = century * 100 + yy;
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { epochMs, offsetMinutes };
}

/** `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM` from `i` to the end of the text. */
function readOffset(text: string, i: number): number | undefined {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 90 || c === 122) return i + 1 === n ? 0 : undefined;
  if (c !== 43 && c !== 45) return undefined;
  const hours = twoDigits(text, i + 1);
  if (hours < 0) return undefined;
  let minutes = 0;
  const j = i + 3;
  if (j !== n) {
    const colon = text.charCodeAt(j) === 58 ? 1 : 0;
    minutes = twoDigits(text, j + colon);
    if (minutes < 0 || j + colon + 2 !== n) return undefined;
  }
  if (hours > 23 || minutes > 59) return undefined;
  return (c === 45 ? -1 : 1) * (hours * 60 + minutes);
}

/** The two ASCII digits at `i` as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + (b - 48) : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A calendar date `YYYY-MM-DD` (or a full timestamp) as UTC midnight of that day. */
export function parseDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (m) {
    const [year, month, day] = [m[1], m[2], m[3]].map(Number);
    return isRealDate(year, month, day) ? Date.UTC(year, month - 1, day) : undefined;
  }
  const timestamp = parseTimestamp(text);
  if (!timestamp) return undefined;
  // The day as written, in the timestamp's own zone.
  const local = new Date(timestamp.epochMs + timestamp.offsetMinutes * 60_000);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Without a Date object per call. */
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= DAYS_IN_MONTH[month - 1]) return true;
  if (month !== 2 || day !== 29) return false;
  // Date.UTC reads years 0-99 as 1900-1999; leap days follow it, as before.
  const y = year >= 0 && year <= 99 ? year + 1900 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Formats an instant in a fixed offset: `2026-11-20T14:02:00+01:00`. */
export function formatTimestamp(epochMs: number, offsetMinutes: number): string {
  const clock = wallClock(epochMs, offsetMinutes);
  return `${clock.date}T${clock.time}:${String(clock.seconds).padStart(2, '0')}${isoOffset(offsetMinutes)}`;
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;
