/** Which entries the reader asked to see: by kind, by person, by words. */
import type { TimelineEntry } from '../../../core/timeline/types';

export interface Filters {
  /** '' for all kinds. */
  readonly kind: string;
  /** '' for anyone. */
  readonly who: string;
  readonly search: string;
}

export const NO_FILTERS: Filters = { kind: '', who: '', search: '' };

export function isFiltering(filters: Filters): boolean {
  return filters.kind !== '' || filters.who !== '' || filters.search.trim() !== '';
}

/** A matcher built once per change of the filters, not once per entry. */
export function entryMatcher(filters: Filters): (entry: TimelineEntry) => boolean {
  const words = filters.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (entry) => {
    if (filters.kind && entry.kind !== filters.kind) return false;
    if (filters.who && entry.who !== filters.who) return false;
    if (words.length === 0) return true;
    const haystack = `${entry.text}\n${entry.who}\n${entry.kind}\n${entry.evidence}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
}

/** Everyone named in the timeline, for the person filter. */
export function people(entries: readonly TimelineEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.who).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
