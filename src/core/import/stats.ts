/**
 * "Stats" and metadata lines: `Time to detection: 64 minutes`,
 * `Category: Kubernetes`, `Severity: SEV2`, `Date: 2015-10-21`. Only what a
 * field can hold is read; the lines themselves stay in the body.
 */
import { stripInline } from './markdown';
import { oneOf, trimEndWhere } from './trim';

export interface Duration {
  readonly minutes: number;
  /** The line as written, for notes. */
  readonly line: string;
}

export interface StatLines {
  readonly timeToDetect?: Duration;
  readonly timeToRecover?: Duration;
  readonly timeToMitigate?: Duration;
  readonly categories: string[];
  /** Durations written too vaguely to use ("53? minutes", "?"), as written. */
  readonly unusable: string[];
}

/**
 * The key and what separates it from the value; the value is the rest of the
 * line. (A value group `(.*?)\s*$` here made the regex quadratic in a run of
 * blanks inside the value: 4,000 spaces took 100 ms.)
 */
const KEY_PREFIX = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z /()-]{1,40}?)(?:\*\*|__)?\s*[:=]\s*(?:\*\*|__)?\s*/;

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** `Key: value` read from a list item or a line, with markup removed; undefined otherwise. */
export function readKeyValue(line: string): KeyValue | undefined {
  const match = KEY_PREFIX.exec(line);
  if (!match) return undefined;
  const value = line.slice(match[0].length).trimEnd();
  // One line: a value broken by a line terminator is not a key-value line.
  if (/[\n\r\u2028\u2029]/.test(value)) return undefined;
  return { key: match[1].trim().toLowerCase().replace(/\s+/g, ' '), value: stripInline(value) };
}

export function readStats(lines: readonly string[]): StatLines {
  let timeToDetect: Duration | undefined;
  let timeToRecover: Duration | undefined;
  let timeToMitigate: Duration | undefined;
  const categories: string[] = [];
  const unusable: string[] = [];
  for (const line of lines) {
    const pair = readKeyValue(line);
    if (!pair) continue;
    const { key, value } = pair;
    const which = /^(time to (detect|detection)|ttd|mttd)$/.test(key)
      ? 'detect'
      : /^(time to (recover|recovery|restore|restoration|repair|resolve|resolution)|ttr|mttr)$/.test(key)
        ? 'recover'
        : /^(time to (mitigate|mitigation)|ttm|mttm)$/.test(key)
          ? 'mitigate'
          : undefined;
    if (which) {
      const minutes = parseDuration(value);
      const written = stripInline(line.replace(/^\s*[-*+]\s+/, ''));
      if (minutes === undefined) {
        if (value !== '') unusable.push(written);
        continue;
      }
      const duration = { minutes, line: written };
      if (which === 'detect') timeToDetect ??= duration;
      else if (which === 'recover') timeToRecover ??= duration;
      else timeToMitigate ??= duration;
    } else if (/^(category|categories)$/.test(key) && isRealValue(value)) {
      categories.push(...value.split(/\s*[,;]\s*/).filter(isRealValue));
    }
  }
  return { timeToDetect, timeToRecover, timeToMitigate, categories, unusable };
}

/** Template leftovers and "don't know" answers are not values. */
export function isRealValue(value: string): boolean {
  const text = value.trim();
  return text !== '' && !/^(\?+|n\/?a|none|tbd|tba|unknown|-+|x+|y+|z+|\.\.\.|…)$/i.test(text);
}

const UNIT_MINUTES: ReadonlyArray<[RegExp, number]> = [
  [/^(d|days?)$/i, 24 * 60],
  [/^(h|hrs?|hours?)$/i, 60],
  [/^(m|mins?|minutes?)$/i, 1],
  [/^(s|secs?|seconds?)$/i, 1 / 60],
];

/** "64 minutes", "19 hours 43 minutes.", "2h 5m", "11 Days"; undefined when vague ("53?", "?", "N/A"). */
export function parseDuration(value: string): number | undefined {
  const text = trimEndWhere(value.trim(), oneOf('.,;'));
  if (!isRealValue(text) || text.includes('?')) return undefined;
  const parts = [...text.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-z]+)/gi)];
  if (parts.length === 0) return undefined;
  // Everything must be number-unit pairs (and "and"), or the value is prose.
  const leftover = text.replace(/(\d+(?:[.,]\d+)?)\s*([a-z]+)/gi, '').replace(/\band\b|[\s,]/gi, '');
  if (leftover !== '') return undefined;
  let minutes = 0;
  for (const [, amount, unit] of parts) {
    const factor = UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1];
    if (factor === undefined) return undefined;
    minutes += Number(amount.replace(',', '.')) * factor;
  }
  return Math.round(minutes);
}
