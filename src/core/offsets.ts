/**
 * Fixed offsets from UTC: how people read them ("UTC+01:00") and how
 * timestamps write them ("+01:00", "Z"), and an instant's wall clock in one,
 * so "14:02" means what the people on the call saw.
 */

const MINUTE_MS = 60_000;

/** "UTC", "UTC+01:00", "UTC-08:00", "UTC+05:30": said in full so a bare "+01:00" is not read as "one hour later". */
export function offsetLabel(offsetMinutes: number): string {
  return offsetMinutes === 0 ? 'UTC' : `UTC${signedHoursMinutes(offsetMinutes)}`;
}

/** The end of an ISO 8601 timestamp: "Z", "+01:00", "-08:00". */
export function isoOffset(offsetMinutes: number): string {
  return offsetMinutes === 0 ? 'Z' : signedHoursMinutes(offsetMinutes);
}

/** The wall-clock parts of an instant in a fixed offset. */
export function wallClock(epochMs: number, offsetMinutes: number): { date: string; time: string; seconds: number } {
  const local = new Date(epochMs + offsetMinutes * MINUTE_MS);
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    seconds: local.getUTCSeconds(),
  };
}

function signedHoursMinutes(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
