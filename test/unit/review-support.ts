/** Helpers for the review tests: the fixture incident, options, applying edits and seeing which lines changed. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type TextEdit } from '../../src/core/edits/textEdit';
import { todayFromIso } from '../../src/core/lint';
import { DEFAULT_BLAME_PHRASES } from '../../src/core/blame';
import { LineIndex } from '../../src/core/text';
import type { ReviewOptions } from '../../src/core/review/types';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'review');
export const FIXTURE_NAME = '2026-11-20-checkout-latency.md';
export const TODAY = todayFromIso('2026-11-25') as number;

export function fixture(name = FIXTURE_NAME): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function options(overrides: Partial<ReviewOptions> = {}): ReviewOptions {
  return { actionHorizonDays: 60, maxOpenActions: 5, blamePhrases: DEFAULT_BLAME_PHRASES, todayMs: TODAY, ...overrides };
}

export function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits, (position) => lines.offsetAt(position));
}

/**
 * Lines removed from `before` and added in `after`, by a plain line diff of
 * the two texts: what a reviewer of the change would see.
 */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

/** An incident with the required fields, the given extra front matter and body. */
export function incidentText(extra: readonly string[] = [], body: readonly string[] = []): string {
  return ['---', 'id: INC-2026-020', 'title: Search latency', 'status: resolved', 'severity: SEV3', 'started: 2026-11-20T10:00:00Z', 'resolved: 2026-11-20T12:00:00Z', ...extra, '---', ...body].join('\n') + '\n';
}
