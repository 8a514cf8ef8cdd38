/** How the insights name and order incidents: one small record per file. */
import type { IncidentSummary } from '../incident';
import type { IncidentRef, InsightSource } from './types';

/** A covered incident: what the report shows of it, beside what the file says. */
export interface Covered {
  readonly ref: IncidentRef;
  readonly incident: IncidentSummary;
}

const DAY_MS = 86_400_000;

/**
 * The calendar day of an instant in a fixed offset, `YYYY-MM-DD`. By
 * arithmetic (days to civil date, after Howard Hinnant) rather than a Date
 * and a string per call: reports run this for every incident.
 */
export function localDay(epochMs: number, offsetMinutes: number): string {
  return dayString(localDayNumber(epochMs, offsetMinutes));
}

/** Days since 1970-01-01 of the day the instant falls on in the offset. */
export function localDayNumber(epochMs: number, offsetMinutes: number): number {
  return Math.floor((epochMs + offsetMinutes * 60_000) / DAY_MS);
}

function dayString(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function incidentRef(source: InsightSource): IncidentRef {
  const { incident } = source;
  const fileName = source.path.slice(source.path.lastIndexOf('/') + 1);
  // Built field by field, not with spreads: reports make one per incident.
  const ref: { -readonly [K in keyof IncidentRef]: IncidentRef[K] } = {
    key: source.key,
    id: incident.id ?? fileName,
    title: incident.title ?? '',
    severity: incident.severity ?? '',
    status: incident.status ?? '',
    nearMiss: incident.nearMiss,
    folder: source.folder,
    path: source.path,
  };
  const started = incident.started;
  if (started) {
    ref.started = started.text;
    ref.startedMs = started.epochMs;
    ref.startedDay = localDay(started.epochMs, started.offsetMinutes);
  }
  return ref;
}

/** Earliest start first; incidents without a start last; then by key so the order never depends on input order. */
export function byStart(a: IncidentRef, b: IncidentRef): number {
  if (a.startedMs !== b.startedMs) {
    if (a.startedMs === undefined) return 1;
    if (b.startedMs === undefined) return -1;
    return a.startedMs - b.startedMs;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
