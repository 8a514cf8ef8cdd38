/**
 * The explicit markers writers put on timeline lines ("**Detection:**",
 * "OUTAGE BEGINS", "(resolved)"). Lines without one get a kind guessed from
 * their words (../entryKindGuess.ts); the lifecycle times prefer markers and
 * say which entry they came from.
 */
import type { TimelineEntry, TimelineKind } from './types';

type Marker = NonNullable<TimelineEntry['marker']>;

const MARKERS: ReadonlyArray<{ marker: Marker; kind: TimelineKind; pattern: RegExp }> = [
  { marker: 'started', kind: 'trigger', pattern: /\b(outage|impact|incident|problem|issue|degradation) (begins|began|starts|started)\b|^\W*(start|impact start|trigger)\W*:/i },
  { marker: 'detected', kind: 'detection', pattern: /^\W*(detection|detected|discovery|discovered|alert)\W*:|\((detection|detected)\)/i },
  { marker: 'mitigated', kind: 'mitigation', pattern: /\b(outage|impact) mitigated\b|^\W*(mitigation|mitigated|recovery|recovered)\W*:|\((mitigated|recovered|recovery)\)/i },
  { marker: 'resolved', kind: 'resolution', pattern: /\b(outage|impact) (ends|ended|is over)\b|^\W*(resolution|resolved|closed)\W*:|\((resolved|closed)\)|\bincident (closed|resolved)\b/i },
];

export function markerOf(text: string): { marker: Marker; kind: TimelineKind } | undefined {
  const found = MARKERS.find((m) => m.pattern.test(text));
  return found ? { marker: found.marker, kind: found.kind } : undefined;
}
