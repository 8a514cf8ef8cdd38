/**
 * The kind of a timeline entry typed during an incident, guessed from its
 * words ("rolled back" → mitigation), or given up front ("decision: fail
 * over to eu-central"). A guess only fills `kind`; the text stays as typed.
 */
import { TIMELINE_KINDS } from '../schema';

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** First match wins, so the more telling kinds come first. */
const KIND_WORDS: ReadonlyArray<{ kind: TimelineKind; pattern: RegExp }> = [
  { kind: 'resolution', pattern: /\b(resolved|all clear|incident (is )?closed|closing the incident|back to normal|fully recovered|no (more|further) (errors|impact))\b/i },
  {
    kind: 'mitigation',
    pattern:
      /\b(rolled[- ]?back|roll-?back (is )?(done|complete|finished|live)|reverted|revert (is )?(done|live|deployed)|mitigated|failed over|fail-?over (is )?(done|complete)|traffic (is )?(shifted|drained|moved)|restarted|scaled (up|out)|hotfix (is )?(live|deployed)|fix (is )?(live|deployed)|recover(ed|ing)|errors? (are |is )?(dropping|down|gone)|working again|back up)\b/i,
  },
  { kind: 'detection', pattern: /\b(alert(ed|s|ing)?|paged|page fired|noticed|detected|customers? report(ed|s)?|support report(ed|s)?|reported by)\b/i },
  { kind: 'communication', pattern: /\b(status ?page|posted|announced|told (the )?customers|update sent|sent an update|emailed|tweeted|notified|informed)\b/i },
  { kind: 'decision', pattern: /\b(decided|decision|we will|agreed|declared|escalat(ed|e|ing)|going to)\b/i },
  { kind: 'diagnosis', pattern: /\b(root cause|cause is|caused by|because|suspect(ed)?|looks like|seems|found|identified|narrowed|correlat(es|ed)|the (logs|traces|metrics) show)\b/i },
  { kind: 'trigger', pattern: /\b(started after|began after|triggered by|kicked off)\b/i },
  { kind: 'observation', pattern: /\b(at \d+(\.\d+)?%|p\d{2}|latency|error rate|cpu|memory|hit ratio|queue (depth|length|age))\b/i },
];

/** A guess, or undefined when the words say nothing clear. */
export function guessEntryKind(text: string): TimelineKind | undefined {
  return KIND_WORDS.find((entry) => entry.pattern.test(text))?.kind;
}

const PREFIX = new RegExp(`^\\s*(${TIMELINE_KINDS.join('|')})\\s*:\\s*`, 'i');

/** Reads `kind: text`; otherwise guesses the kind from the words, falling back to `fallback`. */
export function readEntryInput(typed: string, fallback: TimelineKind = 'action'): { kind: TimelineKind; text: string; guessed: boolean } {
  const m = PREFIX.exec(typed);
  if (m) return { kind: m[1].toLowerCase() as TimelineKind, text: typed.slice(m[0].length).trim(), guessed: false };
  const text = typed.trim();
  const guess = guessEntryKind(text);
  return { kind: guess ?? fallback, text, guessed: guess !== undefined };
}
