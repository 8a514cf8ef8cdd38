/**
 * Incidents over time: how many started in each month or quarter, per
 * severity, with near misses counted apart (they are incidents, but adding
 * them to a severity column would read as impact that did not happen). An
 * incident belongs to the month of the day it started in its own offset.
 */
import type { BucketUnit, IncidentRef, InsightFilters, OverTime, TimeBucket } from './types';

/** Months while the range spans at most this many; quarters beyond. */
const MAX_MONTHS = 18;
/** A filter reaching far past the data does not draw decades of empty columns. */
const MAX_BUCKETS = 240;

export function overTime(refs: readonly IncidentRef[], severities: readonly string[], filters: InsightFilters, unit?: BucketUnit): OverTime {
  const dated = refs.filter((ref) => ref.startedDay !== undefined);
  const undated = refs.filter((ref) => ref.startedDay === undefined).map((ref) => ref.key);
  if (dated.length === 0) return { unit: unit ?? 'month', buckets: [], undated };
  const days = dated.map((ref) => ref.startedDay as string).sort();
  let first = days[0];
  let last = days[days.length - 1];
  if (filters.from && filters.from < first) first = filters.from;
  if (filters.to && filters.to > last) last = filters.to;
  let chosen = unit ?? (monthIndex(last) - monthIndex(first) < MAX_MONTHS ? 'month' : 'quarter');
  if (bucketIndex(last, chosen) - bucketIndex(first, chosen) >= MAX_BUCKETS) {
    first = days[0];
    last = days[days.length - 1];
    if (unit === undefined && monthIndex(last) - monthIndex(first) >= MAX_MONTHS) chosen = 'quarter';
  }
  const from = bucketIndex(first, chosen);
  const to = bucketIndex(last, chosen);
  const column = new Map(severities.map((severity, index) => [severity, index]));
  const buckets: { bySeverity: number[]; nearMisses: number; incidents: string[]; nearMissIncidents: string[] }[] = [];
  for (let i = from; i <= to; i++) buckets.push({ bySeverity: severities.map(() => 0), nearMisses: 0, incidents: [], nearMissIncidents: [] });
  for (const ref of dated) {
    const bucket = buckets[bucketIndex(ref.startedDay as string, chosen) - from];
    if (!bucket) continue;
    if (ref.nearMiss) {
      bucket.nearMisses++;
      bucket.nearMissIncidents.push(ref.key);
    } else {
      const index = column.get(ref.severity);
      if (index !== undefined) bucket.bySeverity[index]++;
      bucket.incidents.push(ref.key);
    }
  }
  return {
    unit: chosen,
    buckets: buckets.map((bucket, offset): TimeBucket => ({ ...bucketLabel(from + offset, chosen), ...bucket })),
    undated,
  };
}

/** Months since year 0, from `YYYY-MM-DD`. */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function bucketIndex(day: string, unit: BucketUnit): number {
  const month = monthIndex(day);
  return unit === 'month' ? month : Math.floor(month / 3);
}

function bucketLabel(index: number, unit: BucketUnit): { id: string; start: string } {
  const month = unit === 'month' ? index : index * 3;
  const year = Math.floor(month / 12);
  const inYear = month % 12;
  const start = `${String(year).padStart(4, '0')}-${String(inYear + 1).padStart(2, '0')}-01`;
  return { id: unit === 'month' ? start.slice(0, 7) : `${year}-Q${inYear / 3 + 1}`, start };
}
