/**
 * Medians and quartiles. Quartiles interpolate between ranks (the method
 * spreadsheets call QUARTILE.INC), so small samples give the numbers a
 * reader can check by hand.
 */
import type { Spread } from './types';

/** The spread of values sorted ascending; undefined for none. */
export function spreadOf(sorted: readonly number[]): Spread | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  return { n, min: sorted[0], q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), max: sorted[n - 1] };
}

function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const lower = sorted[below];
  return lower + (sorted[above] - lower) * (position - below);
}
