/**
 * Severity order and the "severe" group. Levels are configurable, worst
 * first; the two worst count as severe ("SEV1–2"), which is how leadership
 * usually reads them.
 */

/** The configured levels, then other values found (sorted), then '' (no severity) last if any. */
export function severityOrder(configured: readonly string[], found: Iterable<string>): string[] {
  const known = new Set(configured);
  const others = new Set<string>();
  let none = false;
  for (const severity of found) {
    if (severity === '') none = true;
    else if (!known.has(severity)) others.add(severity);
  }
  return [...configured, ...[...others].sort(), ...(none ? [''] : [])];
}

export function severeLevels(configured: readonly string[]): string[] {
  return configured.slice(0, 2);
}

/** "SEV1–2" for SEV1 and SEV2; "P0 or P1" where the names share no numbered stem. */
export function severeLabel(levels: readonly string[]): string {
  if (levels.length === 0) return 'severe';
  if (levels.length === 1) return levels[0];
  const [a, b] = levels;
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return `${a}–${mb[2]}`;
  return `${a} or ${b}`;
}
