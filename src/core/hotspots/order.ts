/** Code-unit order, the same on every machine and locale: rankings and cache keys must not depend on either. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
