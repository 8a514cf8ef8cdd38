/**
 * The kind of a timeline entry guessed from its words ("rolled back" →
 * mitigation), for lines typed during an incident and lines read from an
 * imported postmortem alike. A guess only fills `kind`; the text stays as
 * written.
 */
import type { TimelineKind } from './timelineKinds';

/** First match wins, so the more telling kinds come first; a kind may appear twice where a phrase outranks another kind's words. */
const KIND_WORDS: ReadonlyArray<{ kind: TimelineKind; pattern: RegExp }> = [
  {
    kind: 'resolution',
    pattern:
      /\b(resolved|all clear|closed|closing the incident|back to (their |its )?normal|fully (recovered|operational)|no (more|further) (errors|impact)|permanent(ly)? fix(ed)?|long-term fix|issue fixed|all systems (verified )?operational|verified (working|operational)|confirmed (working|resolved|resolution))\b/i,
  },
  {
    kind: 'mitigation',
    pattern:
      /\b(mitigat\w*|roll(ed)?[- ]?back|rollback|revert(ed)?|restored|restart(ed)?|workaround|fail(ed)? ?over|traffic (is )?(shifted|drained|moved)|scaled (up|out)|downgraded|service operational|fix (is )?(applied|deployed|live)|(applied|deployed) (a |the )?fix|manual fix|hotfix|reattached|errors? (are |is )?(dropping|down|gone)|(came|is|are|was|were) back up|back (up|online)|working again|recover(s|ed|ing|y)?|resum(ed|es|ing))\b/i,
  },
  { kind: 'communication', pattern: /\b(notified|informed|told|updated) (the )?(customers?|users|stakeholders|support|status ?page)\b/i },
  {
    kind: 'detection',
    pattern:
      /\b(warn(ing|ed)|alert(ed|s|ing)?|paged|pager|paging|page fired|notic(es|ed|ing)|detected|discover(ed|y)|customers? report(ed|s)?|support report(ed|s)?|reported|reports|reporting|notified|became aware|made aware|informed|first report|aware of)\b/i,
  },
  {
    kind: 'communication',
    pattern:
      /\b(status ?page|statuspage|e-?mail(ed)?|mail sent|posted|announce\w*|communicat\w*|slack|teams channel|told (the )?customers|customers? (were )?(told|updated)|update (sent|given|requested)|sent an update|tweeted|incident (raised|created))\b/i,
  },
  { kind: 'decision', pattern: /\b(decided|decision|we will|agreed|chose|opted|declared|escalat(ed|e|ing)|going to)\b/i },
  {
    kind: 'diagnosis',
    pattern:
      /\b(investigat\w*|identified|root cause|cause is|caused by|because|diagnos\w*|found|looked|looks like|seems|checked|suspect\w*|narrowed|correlat(es|ed)|the (logs|traces|metrics) show|concluded|analy[sz]\w*|troubleshoot\w*|debug\w*|evaluated|verification|verified)\b/i,
  },
  {
    kind: 'trigger',
    pattern:
      /\b(started after|began after|triggered by|kicked off|deploy(ed|ment)?|rolled out|roll-?out|upgrade[ds]?|released?|merged|applied|changed|config(uration)? change|expired?|published|committed|maintenance|migrat\w*)\b/i,
  },
  { kind: 'observation', pattern: /\b(at \d+(\.\d+)?%|p\d{2}|latency|error rate|cpu|memory|hit ratio|queue (depth|length|age))\b/i },
];

// "Rolled back, no improvement" did not mitigate; "no alert configured" detected nothing.
const NEGATED = /\b(no (improvement|effect|change|alerts?\b)|did ?n[o']t (help|work|fire|improve)|not (helping|working|improving|detected|alerted)|without (an? )?alert)/i;
const UNDONE_BY_NEGATION: ReadonlySet<TimelineKind> = new Set(['mitigation', 'detection', 'resolution']);

/** A guess, or undefined when the words say nothing clear. */
export function guessEntryKind(text: string): TimelineKind | undefined {
  const negated = NEGATED.test(text);
  return KIND_WORDS.find(({ kind, pattern }) => (!negated || !UNDONE_BY_NEGATION.has(kind)) && pattern.test(text))?.kind;
}
