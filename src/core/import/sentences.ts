/**
 * Timelines written as prose ("At 14:23 UTC, a change ... At 14:31 UTC, our
 * monitoring alerted ..."): each sentence with one clock time is an event.
 * A sentence with two times (a range, a comparison) stays prose: which time
 * the event happened at is not clear.
 */
import { splitLeadingStamp, type Stamp } from './dates';

export interface Sentence {
  readonly text: string;
  /** The sentence's time when it has exactly one; `written` is the stamp as written. */
  readonly stamp?: Stamp;
  readonly written?: string;
}

// A sentence ends at . ! or ? followed by a blank and a capital letter or an opening quote.
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[\p{Lu}"“(])/u;
const CLOCK = /(?<![\d:.])\d{1,2}:\d{2}(?!\d)/g;
const APPROXIMATELY_BEFORE = /(?:\babout|\baround|\bapproximately|~)\s*$/i;

/** The sentences of a line, or undefined when none has a time of its own. */
export function timedSentences(line: string): Sentence[] | undefined {
  const sentences = line.trim().split(SENTENCE_BREAK).map(readSentence);
  return sentences.some((s) => s.stamp) ? sentences : undefined;
}

function readSentence(text: string): Sentence {
  const clocks = [...text.matchAll(CLOCK)];
  if (clocks.length !== 1) return { text };
  const at = clocks[0].index ?? 0;
  const found = splitLeadingStamp(text.slice(at));
  if (!found?.stamp.time) return { text };
  const approximate = found.stamp.approximate || APPROXIMATELY_BEFORE.test(text.slice(0, at));
  // "At 14:23 UTC, a change ...": the stamp opens the sentence and the rest is the event.
  const opening = splitLeadingStamp(text);
  const event = opening?.stamp.time && opening.rest !== '' ? capitalised(opening.rest) : text;
  return { text: event, stamp: { ...found.stamp, approximate }, written: found.written };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
