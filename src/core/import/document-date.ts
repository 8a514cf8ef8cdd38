/**
 * The date a postmortem is about when it says so only in passing: in the
 * title or the opening prose, or through the year its other dates share.
 * Rows that give only a time or no year are placed with these.
 */
import { datesInText, findDateInText } from './dates';
import { quoteShort } from './lifecycle';
import { stripInline } from './markdown';
import type { LocalDate } from './types';

export interface FoundDate {
  readonly date: LocalDate;
  /** Where it was, for the notes. */
  readonly from: string;
}

/** "# 2024-03-05 Checkout outage", "# … on 5 March 2024", else "On March 5, 2024, …" in the summary. */
export function dateInTitleOrProse(title: string | undefined, prose: readonly string[]): FoundDate | undefined {
  const inTitle = title ? findDateInText(title) : undefined;
  if (inTitle) return { date: inTitle, from: `the title "${stripInline(title ?? '')}"` };
  for (const line of prose) {
    const date = findDateInText(line);
    if (date) return { date, from: `the text ${quoteShort(stripInline(line))}` };
  }
  return undefined;
}

/** The year most complete dates in the document share (due dates, log lines, prose), if any. */
export function usualYear(lines: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) for (const date of datesInText(line)) counts.set(date.year, (counts.get(date.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = year;
  return best;
}
