/**
 * Blaming phrases in review prose, each with a blameless rewording hint.
 * The list is a setting; phrases without a hint of their own get a general one.
 */
import type { Span } from './text';

const JUDGEMENT_HINT = 'Describe the pressures and trade-offs people faced, not a judgement of them.';

/**
 * Phrases that judge people after the fact. Each matches as whole words in
 * any case, so words that merely contain one ("default", "faulty") are not
 * flagged.
 */
const DEFAULT_BLAME_HINTS: Readonly<Record<string, string>> = {
  'human error': 'Describe what made the action reasonable at the time, and what let it cause harm.',
  careless: 'Describe the conditions people worked in (time pressure, missing signals) instead of the person.',
  'should have': 'Say what was known at the time, and what would have helped (a signal, a check, a runbook).',
  'failed to': 'Say what happened and what made it hard, for example "the alert did not reach on-call".',
  fault: 'Name the contributing factors instead of a person or a single cause.',
  'forgot to': 'Say what made the step easy to miss (no reminder, no checklist, an interruption) and what would catch it.',
  negligent: JUDGEMENT_HINT,
  negligence: JUDGEMENT_HINT,
  "why didn't": 'Ask what made the choice make sense then: "What did you see at the time?"',
  'mistake by': 'Describe the action and what made it reasonable then, not whose it was.',
};

export const DEFAULT_BLAME_PHRASES: readonly string[] = Object.keys(DEFAULT_BLAME_HINTS);

const GENERAL_HINT = 'Describe the situation and the system, not a person: what made the action make sense at the time?';

export interface BlameMatch {
  readonly phrase: string;
  readonly hint: string;
  readonly span: Span;
}

/** One spelling for comparing phrases: any case, any spacing, straight or curly apostrophes. */
function normalizePhrase(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");
}

export function blameHint(phrase: string): string {
  return DEFAULT_BLAME_HINTS[normalizePhrase(phrase)] ?? GENERAL_HINT;
}

const patternCache = new Map<string, RegExp | undefined>();

function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const key = phrases.join('\u0000');
  if (patternCache.has(key)) return patternCache.get(key);
  const parts = phrases
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase.length > 0)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/['\u2019]/g, "['\u2019]"));
  const pattern = parts.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : undefined;
  patternCache.set(key, pattern);
  return pattern;
}

/**
 * Finds phrases in a Markdown body, outside fenced code blocks and inline
 * code (quoted logs and commands are evidence, not wording).
 */
export function findBlameLanguage(body: string, phrases: readonly string[], bodyOffset = 0): BlameMatch[] {
  const pattern = phrasePattern(phrases);
  if (!pattern) return [];
  const lowerPhrases = new Map(phrases.map((phrase) => [normalizePhrase(phrase), phrase.trim()]));
  const matches: BlameMatch[] = [];
  const skipped = codeSpans(body);
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(body))) {
    const start = m.index;
    if (skipped.some((span) => start >= span.start && start < span.end)) continue;
    const phrase = lowerPhrases.get(normalizePhrase(m[0])) ?? m[0];
    matches.push({ phrase, hint: blameHint(phrase), span: { start: bodyOffset + start, end: bodyOffset + start + m[0].length } });
  }
  return matches;
}

function codeSpans(body: string): Span[] {
  const spans: Span[] = [];
  const fence = /^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(body))) spans.push({ start: m.index, end: m.index + m[0].length });
  const inline = /`[^`\n]+`/g;
  while ((m = inline.exec(body))) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}
