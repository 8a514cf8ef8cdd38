/**
 * Filters: a date range on the day impact began (in the incident's own
 * offset, as its file name says), a service and a severity. An incident
 * without a start time cannot be placed in a range, so a date filter leaves
 * it out and says so instead of guessing.
 */
import { localDay } from './refs';
import type { InsightFilters, InsightSource } from './types';

export interface Selection {
  readonly selected: readonly InsightSource[];
  readonly undatedLeftOut: readonly string[];
}

export function select(sources: readonly InsightSource[], filters: InsightFilters): Selection {
  const selected: InsightSource[] = [];
  const undatedLeftOut: string[] = [];
  const dated = filters.from !== undefined || filters.to !== undefined;
  for (const source of sources) {
    const { incident } = source;
    if (filters.severity !== undefined && incident.severity !== filters.severity) continue;
    if (filters.service !== undefined && !incident.services.some((service) => service.value === filters.service)) continue;
    if (dated) {
      if (!incident.started) {
        undatedLeftOut.push(source.key);
        continue;
      }
      const day = localDay(incident.started.epochMs, incident.started.offsetMinutes);
      if (filters.from !== undefined && day < filters.from) continue;
      if (filters.to !== undefined && day > filters.to) continue;
    }
    selected.push(source);
  }
  return { selected, undatedLeftOut };
}

/** Only the filters that are set, so reports and state compare equal when nothing is chosen. */
export function cleanFilters(filters: InsightFilters | undefined): InsightFilters {
  const clean: { -readonly [K in keyof InsightFilters]: InsightFilters[K] } = {};
  if (filters?.from) clean.from = filters.from;
  if (filters?.to) clean.to = filters.to;
  if (filters?.service) clean.service = filters.service;
  if (filters?.severity) clean.severity = filters.severity;
  return clean;
}
