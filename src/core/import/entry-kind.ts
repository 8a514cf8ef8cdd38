/**
 * Guesses what a timeline line is (detection, mitigation...) from its words,
 * and reads the explicit markers writers use ("**Detection:**", "OUTAGE
 * BEGINS", "(resolved)"). A guess only picks the entry's `kind`; the
 * lifecycle times prefer markers and say which entry they came from.
 */
import type { TimelineEntry, TimelineKind } from './types';

type Marker = NonNullable<TimelineEntry['marker']>;

const MARKERS: ReadonlyArray<{ marker: Marker; kind: TimelineKind; pattern: RegExp }> = [
  { marker: 'started', kind: 'trigger', pattern: /\b(outage|impact|incident|problem|issue|degradation) (begins|began|starts|started)\b|^\W*(start|impact start|trigger)\W*:/i },
  { marker: 'detected', kind: 'detection', pattern: /^\W*(detection|detected|discovery|discovered|alert)\W*:|\((detection|detected)\)/i },
  { marker: 'mitigated', kind: 'mitigation', pattern: /\b(outage|impact) mitigated\b|^\W*(mitigation|mitigated|recovery|recovered)\W*:|\((mitigated|recovered|recovery)\)/i },
  { marker: 'resolved', kind: 'resolution', pattern: /\b(outage|impact) (ends|ended|is over)\b|^\W*(resolution|resolved|closed)\W*:|\((resolved|closed)\)|\bincident (closed|resolved)\b/i },
];

const KIND_WORDS: ReadonlyArray<{ kind: TimelineKind; pattern: RegExp }> = [
  { kind: 'resolution', pattern: /\b(resolved|permanent(ly)? fix(ed)?|long-term fix|issue fixed|all clear|closed|back to normal|fully operational|back to (their |its )?normal|all systems (verified )?operational|verified (working|operational)|confirmed (working|resolved|resolution))\b/i },
  { kind: 'mitigation', pattern: /\b(mitigat\w*|roll(ed)?[- ]?back|rollback|revert(ed)?|restored|restart(ed)?|workaround|fail(ed)? ?over|downgraded|service operational|fix (applied|deployed)|(applied|deployed) (a |the )?fix|manual fix|hotfix|reattached|(came|is|are|was|were) back up|back online|working again|recover(s|ed|y)?|resum(ed|es|ing))\b/i },
  { kind: 'detection', pattern: /\b(warn(ing|ed)|alert(ed|s)?|paged|pages|pager|paging|noticed|detected|discover(ed|y)|reported|reports|reporting|notified|became aware|made aware|informed|first report|aware of)\b/i },
  { kind: 'communication', pattern: /\b(status ?page|statuspage|e-?mail|mail sent|posted|announce\w*|communicat\w*|slack|teams channel|customers? (were )?(told|updated)|update (sent|given|requested)|declared|incident (raised|created))\b/i },
  { kind: 'decision', pattern: /\b(decided|decision|agreed|chose|opted)\b/i },
  { kind: 'diagnosis', pattern: /\b(investigat\w*|identified|root cause|diagnos\w*|found|looked|checked|suspect\w*|concluded|analy[sz]\w*|troubleshoot\w*|debug\w*|evaluated|verification|verified)\b/i },
  { kind: 'trigger', pattern: /\b(deploy(ed|ment)?|rolled out|roll-?out|upgrade[ds]?|released?|merged|applied|changed|config(uration)? change|expired?|published|committed|maintenance|migrat\w*)\b/i },
];

export function markerOf(text: string): { marker: Marker; kind: TimelineKind } | undefined {
  const found = MARKERS.find((m) => m.pattern.test(text));
  return found ? { marker: found.marker, kind: found.kind } : undefined;
}

// "Rolled back, no improvement" did not mitigate; "no alert configured" detected nothing.
const NEGATED = /\b(no (improvement|effect|change|alerts?\b)|did ?n[o']t (help|work|fire|improve)|not (helping|working|improving|detected|alerted)|without (an? )?alert)/i;
const UNDONE_BY_NEGATION: ReadonlySet<TimelineKind> = new Set(['mitigation', 'detection', 'resolution']);

export function guessKind(text: string): TimelineKind {
  const negated = NEGATED.test(text);
  return KIND_WORDS.find((k) => (!negated || !UNDONE_BY_NEGATION.has(k.kind)) && k.pattern.test(text))?.kind ?? 'action';
}
