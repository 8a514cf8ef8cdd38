/**
 * The kind of a timeline entry typed during an incident: given up front
 * ("decision: fail over to eu-central"), else guessed from its words.
 */
import { guessEntryKind } from '../entryKindGuess';
import { TIMELINE_KINDS, type TimelineKind } from '../timelineKinds';

const PREFIX = new RegExp(`^\\s*(${TIMELINE_KINDS.join('|')})\\s*:\\s*`, 'i');

/** Reads `kind: text`; otherwise guesses the kind from the words, falling back to `fallback`. */
export function readEntryInput(typed: string, fallback: TimelineKind = 'action'): { kind: TimelineKind; text: string; guessed: boolean } {
  const m = PREFIX.exec(typed);
  if (m) return { kind: m[1].toLowerCase() as TimelineKind, text: typed.slice(m[0].length).trim(), guessed: false };
  const text = typed.trim();
  const guess = guessEntryKind(text);
  return { kind: guess ?? fallback, text, guessed: guess !== undefined };
}
