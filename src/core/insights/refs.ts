/** How the insights name and order incidents: one small record per file. */
import type { IncidentRef, InsightSource } from './types';

/** The calendar day of an instant in a fixed offset, `YYYY-MM-DD`. */
export function localDay(epochMs: number, offsetMinutes: number): string {
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function incidentRef(source: InsightSource): IncidentRef {
  const { incident } = source;
  const started = incident.started;
  const fileName = source.path.slice(source.path.lastIndexOf('/') + 1);
  return {
    key: source.key,
    id: incident.id ?? fileName,
    title: incident.title ?? '',
    severity: incident.severity ?? '',
    status: incident.status ?? '',
    nearMiss: incident.nearMiss,
    ...(started ? { started: started.text, startedMs: started.epochMs, startedDay: localDay(started.epochMs, started.offsetMinutes) } : {}),
    folder: source.folder,
    path: source.path,
  };
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

/** Orders keys by their incidents' start, using a rank map built once. */
export function keysInOrder(keys: Iterable<string>, rank: ReadonlyMap<string, number>): string[] {
  return [...keys].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}
