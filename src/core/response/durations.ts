/** Ages, durations and times of incidents for views and drafts: "2 h 10 min ago", "Jul 15 14:05 UTC+01:00", "due in 3 d". */
import { isActive } from '../activeStatuses';
import { formatDuration } from '../durationText';
import type { IncidentSummary } from '../incident';
import { offsetLabel, wallClock } from '../offsets';

const MINUTE = 60_000;

/** Active incidents: how long they have run. Closed ones: how long ago they started. */
export function ageOrDuration(incident: IncidentSummary, nowMs: number): string {
  const started = incident.started?.epochMs;
  if (started === undefined) return '';
  if (isActive(incident)) return formatDuration(nowMs - started);
  return `${formatDuration(nowMs - started)} ago`;
}

/** How long a closed incident lasted (started to resolved, else to mitigated). */
export function lasted(incident: IncidentSummary): string | undefined {
  const started = incident.started?.epochMs;
  const end = incident.resolved?.epochMs ?? incident.mitigated?.epochMs;
  return started !== undefined && end !== undefined && end >= started ? formatDuration(end - started) : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 25 08:12 UTC` or `Jul 15 14:05 UTC+01:00`: a time in its own offset. */
export function formatWallTime(epochMs: number, offsetMinutes: number, withDate = true): string {
  const local = new Date(epochMs + offsetMinutes * MINUTE);
  const date = `${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()}`;
  return `${withDate ? `${date} ` : ''}${wallClock(epochMs, offsetMinutes).time} ${offsetLabel(offsetMinutes)}`;
}

/** `Dec 12` (this year) or `Dec 12, 2027`, for due dates (UTC midnight). */
export function formatDay(dayMs: number, todayMs: number): string {
  const day = new Date(dayMs);
  const sameYear = day.getUTCFullYear() === new Date(todayMs).getUTCFullYear();
  return `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}${sameYear ? '' : `, ${day.getUTCFullYear()}`}`;
}

/** "due today", "due in 3 d", "due 3 d ago", "due Dec 12". */
export function dueLabel(dueMs: number, todayMs: number): string {
  const days = Math.round((dueMs - todayMs) / 86_400_000);
  if (days === 0) return 'due today';
  if (days < 0) return `due ${-days} d ago`;
  if (days <= 7) return `due in ${days} d`;
  return `due ${formatDay(dueMs, todayMs)}`;
}
