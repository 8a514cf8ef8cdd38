/**
 * Sets the review's status, facilitator and date from the panel. Each field
 * is set with the front matter's own minimal edit; a missing `review` map is
 * added where the format lists it. When the review is done the incident's
 * `status` becomes `reviewed`, and goes back to `resolved` if the review is
 * reopened, so the two never contradict each other. A status change the
 * format would not allow is refused (see statusChange.ts), and reopening a
 * done review waits for the reader's confirmation.
 */
import { FrontMatterText, setField, yamlScalar } from '../edits/frontMatterEdits';
import { applyEdits, type TextEdit } from '../edits/textEdit';
import { isRecord } from '../edits/verify';
import { LineIndex, stripBom } from '../text';
import { parseDate } from '../timestamps';
import { findEntry } from '../yamlTree';
import { minimalEdits } from './minimalEdits';
import { type Confirmation, type ReviewFacts, reviewStatusVerdict } from './statusChange';
import { REVIEW_STATUSES, type ReviewField, type ReviewStatus } from './types';

export interface ReviewChanges {
  readonly status?: ReviewStatus;
  readonly facilitator?: string;
  /** YYYY-MM-DD. */
  readonly held?: string;
}

export interface ReviewEditOptions {
  /** The reader said yes to reopening a done review. */
  readonly confirmed?: boolean;
}

/** `confirm`: nothing was changed yet; ask it, and call again with `confirmed` on a yes. */
export type ReviewEditResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly message: string; readonly confirm?: Confirmation };

const MAX_FACILITATOR_LENGTH = 100;

/** Fields that come before `review` in the format's table: a new `review` map goes after the last of them. */
const FIELDS_BEFORE_REVIEW = ['id', 'title', 'status', 'severity', 'started', 'detected', 'mitigated', 'resolved', 'services', 'tags', 'roles', 'participants', 'impact', 'near_miss'];

/** Shared with the review's other front matter edits. */
export const UNREADABLE = 'The front matter cannot be read right now (is there a YAML error?), so nothing was changed.';
const UNSAFE = 'That change could not be written without disturbing other lines. Edit the review fields in the file instead.';

export function setReview(rawText: string, changes: ReviewChanges, options: ReviewEditOptions = {}): ReviewEditResult {
  const text = stripBom(rawText);
  const problem = checkChanges(changes);
  if (problem) return { ok: false, message: problem };
  if (changes.status !== undefined) {
    const fm = FrontMatterText.parse(text);
    if (!fm) return { ok: false, message: UNREADABLE };
    const verdict = reviewStatusVerdict(reviewFacts(fm.value), { ...changes, status: changes.status });
    if (verdict.kind === 'refused') return { ok: false, message: verdict.reason };
    if (verdict.kind === 'confirm' && !options.confirmed) return { ok: false, message: verdict.question, confirm: verdict };
  }
  let current = text;
  const fields: [ReviewField, string | undefined][] = [
    ['status', changes.status],
    ['facilitator', changes.facilitator?.trim()],
    ['held', changes.held],
  ];
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    const next = withReviewField(current, field, value);
    if (next === undefined) return { ok: false, message: UNREADABLE };
    current = next;
  }
  if (changes.status !== undefined) {
    const next = withIncidentStatus(current, changes.status);
    if (next === undefined) return { ok: false, message: UNREADABLE };
    current = next;
  }
  // Read back like every other edit: a layout the field edits cannot follow (a front matter of just `{}`) gives no edit, never a broken file.
  if (!FrontMatterText.parse(current)) return { ok: false, message: UNSAFE };
  return { ok: true, edits: minimalEdits(text, current) };
}

function checkChanges(changes: ReviewChanges): string | undefined {
  if (changes.status !== undefined && !(REVIEW_STATUSES as readonly string[]).includes(changes.status)) return `The review status is one of ${REVIEW_STATUSES.join(', ')}.`;
  if (changes.facilitator !== undefined) {
    const name = changes.facilitator.trim();
    if (!name) return 'The facilitator needs a name.';
    if (/[\r\n]/.test(name) || name.length > MAX_FACILITATOR_LENGTH) return `The facilitator's name is one line of up to ${MAX_FACILITATOR_LENGTH} characters.`;
  }
  if (changes.held !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(changes.held) && parseDate(changes.held) !== undefined)) return 'The review date is a day like 2026-11-24.';
  return undefined;
}

/** The review fields and the incident's closing, as the front matter has them; anything not a plain value counts as not set. */
function reviewFacts(value: Record<string, unknown>): ReviewFacts {
  const review = isRecord(value.review) ? value.review : {};
  return {
    review: { status: written(review.status), facilitator: written(review.facilitator), held: written(review.held) },
    incidentStatus: written(value.status),
    resolved: written(value.resolved),
  };
}

function written(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function apply(text: string, edit: TextEdit | undefined): string | undefined {
  if (!edit) return undefined;
  const lines = new LineIndex(text);
  return applyEdits(text, [edit], (position) => lines.offsetAt(position));
}

function withReviewField(text: string, field: ReviewField, value: string): string | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm) return undefined;
  const entry = findEntry(fm.locator.root, 'review');
  if (!entry) return apply(text, insertReviewMap(fm, field, value));
  if (entry.value.kind === 'map' && (entry.value.entries?.length ?? 0) > 0) return apply(text, setField(fm, ['review', field], value));
  // `review:` with nothing, `{}`, or a value that is not a map: it becomes a map with this one field.
  const keyEnd = fm.endOffset(entry.key);
  // An empty value's span may start on the next line: it then ends with the key.
  const valueEnd = entry.value.span.end > entry.value.span.start ? Math.max(keyEnd, fm.endOffset(entry.value)) : keyEnd;
  const lineEnd = fm.lines.lineEnd(fm.lineOf(valueEnd));
  return apply(text, { range: fm.lines.rangeOf({ start: keyEnd, end: lineEnd }), newText: `:${fm.eol}  ${field}: ${yamlScalar(value)}` });
}

function insertReviewMap(fm: FrontMatterText, field: ReviewField, value: string): TextEdit {
  const entries = fm.locator.root?.entries ?? [];
  const anchor = [...entries].reverse().find((entry) => FIELDS_BEFORE_REVIEW.includes(String(entry.key.value))) ?? entries[entries.length - 1];
  const insertAt = anchor ? fm.nextLineStart(Math.max(fm.endOffset(anchor.value), fm.endOffset(anchor.key))) : fm.yamlStart;
  const needsBreak = insertAt > fm.yamlStart && !/[\r\n]/.test(fm.text.slice(insertAt - 1, insertAt));
  const range = fm.lines.rangeOf({ start: insertAt, end: insertAt });
  return { range, newText: `${needsBreak ? fm.eol : ''}review:${fm.eol}  ${field}: ${yamlScalar(value)}${fm.eol}` };
}

/** `reviewed` when the review is done; back to `resolved` when a done review is reopened. */
function withIncidentStatus(text: string, reviewStatus: ReviewStatus): string | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm) return undefined;
  const status = fm.value.status;
  if (reviewStatus === 'done' && status !== 'reviewed') return apply(text, setField(fm, ['status'], 'reviewed', 'title'));
  if (reviewStatus !== 'done' && status === 'reviewed') return apply(text, setField(fm, ['status'], 'resolved', 'title'));
  return text;
}
