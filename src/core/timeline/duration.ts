/**
 * Durations and clock times as the timeline shows them: short, in the
 * incident's own offset, so "14:02" means what the people on the call saw.
 */

const MINUTE = 60_000;

/** "42 min", "2 h 10 min", "3 d 4 h": the two largest units, rounded to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 24) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

/** "UTC", "UTC+01:00", "UTC−05:30". */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall-clock parts of an instant in a fixed offset. */
export function wallClock(epochMs: number, offsetMinutes: number): { date: string; time: string; seconds: number } {
  const local = new Date(epochMs + offsetMinutes * MINUTE);
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    seconds: local.getUTCSeconds(),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
