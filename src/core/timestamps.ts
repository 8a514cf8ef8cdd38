/**
 * ISO 8601 timestamps with an offset, and calendar dates, as the format
 * allows them. Parsing keeps the written offset so times can be shown in the
 * incident's own zone.
 */

export interface Timestamp {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** The written offset in minutes east of UTC (0 for `Z`). */
  readonly offsetMinutes: number;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseTimestamp(text: string): Timestamp | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  // Plain variables, not a mapped array: this runs for every timeline entry, several times.
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = parseOffset(m[8]);
  if (offsetMinutes === undefined) return undefined;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { epochMs, offsetMinutes };
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

function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  // `+01`, `+0100` or `+01:00`.
  const sign = text[0] === '-' ? -1 : 1;
  const hours = Number(text.slice(1, 3));
  const minutes = text.length > 3 ? Number(text.slice(text.length - 2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
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
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;
