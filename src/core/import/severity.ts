/** The severity a postmortem states ("Severity: SEV2", "Sev 1", "High"), in the configured levels. */
import { usualSeverity } from '../schema';
import { stripInline } from './markdown';
import { readKeyValue } from './stats';

export const DEFAULT_LEVELS: readonly string[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

const WORD_RANKS: ReadonlyArray<[RegExp, number]> = [
  [/^(critical|blocker|highest|major outage)$/i, 0],
  [/^(high|major|serious)$/i, 1],
  [/^(medium|moderate|normal)$/i, 2],
  [/^(low|minor|lowest|trivial)$/i, 3],
];

export interface StatedSeverity {
  /** The level, when the stated value maps to one. */
  readonly level?: string;
  /** The line as written. */
  readonly written: string;
}

/** The first `Severity:` line in the lines, mapped to a level where possible. */
export function findSeverity(lines: readonly string[], levels: readonly string[]): StatedSeverity | undefined {
  for (const line of lines) {
    const pair = readKeyValue(line);
    if (!pair || !/^(severity|sev|incident severity|severity level)$/.test(pair.key)) continue;
    const written = stripInline(line.replace(/^\s*[-*+>]\s+/, ''));
    return { level: toLevel(pair.value, levels), written };
  }
  return undefined;
}

/** The configured default as one of the levels ("SEV3" is P3 when the levels are P1..P4), else the middle one. */
export function defaultLevel(configured: string | undefined, levels: readonly string[]): string {
  return (configured ? toLevel(configured, levels) : undefined) ?? usualSeverity(levels);
}

export function toLevel(value: string, levels: readonly string[]): string | undefined {
  const text = stripInline(value).trim();
  const exact = levels.find((level) => level.toLowerCase() === text.toLowerCase());
  if (exact) return exact;
  // "Sev 3", "SEV-2", "P2", "Severity 1": the level with the same number, whatever the levels are called.
  const numbered = /^(?:sev(?:erity)?|s|p)?\s*-?\s*(\d)\b/i.exec(text);
  if (numbered) {
    const candidate = levels.find((level) => /(\d+)$/.exec(level)?.[1] === numbered[1]);
    if (candidate) return candidate;
  }
  const firstWord = text.split(/[\s(/,-]+/)[0] ?? '';
  const rank = WORD_RANKS.find(([pattern]) => pattern.test(firstWord))?.[1];
  return rank !== undefined && levels.length === 4 ? levels[rank] : undefined;
}
