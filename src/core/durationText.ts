/**
 * How long something took, as every view, draft, report and export writes it.
 * Hours stay hours up to two days ("30 h" reads at a glance as a long night
 * and day); past that, days and hours ("3 d 4 h").
 */

const MINUTE_MS = 60_000;
/** Below this many hours a duration is written in hours and minutes. */
const HOURS_BEFORE_DAYS = 48;

/** "59 min", "1 h", "2 h 10 min", "30 h", "3 d", "3 d 4 h": rounded to the minute, never negative. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < HOURS_BEFORE_DAYS) {
    const restMinutes = minutes % 60;
    return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}
