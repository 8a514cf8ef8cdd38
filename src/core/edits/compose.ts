/**
 * Combines edits computed against one text into a list a `WorkspaceEdit`
 * accepts: sorted, never overlapping, and with insertions at the same point
 * joined in the order they were given (so a new field goes before a new
 * timeline that lands on the same line).
 */
import type { LineIndex } from '../text';
import type { TextEdit } from './textEdit';

/** Undefined when two edits overlap: the caller then has no safe edit to offer. */
export function combineEdits(lines: LineIndex, edits: readonly (TextEdit | undefined)[]): TextEdit[] | undefined {
  const spans = edits
    .filter((edit): edit is TextEdit => edit !== undefined)
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), edit, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const combined: { start: number; end: number; edit: TextEdit }[] = [];
  for (const span of spans) {
    const last = combined[combined.length - 1];
    if (last && last.start === last.end && span.start === last.start) {
      // Two insertions at one point, or an insertion before a replacement that starts there.
      combined[combined.length - 1] = { start: last.start, end: span.end, edit: { range: { start: last.edit.range.start, end: span.edit.range.end }, newText: last.edit.newText + span.edit.newText } };
      continue;
    }
    if (last && span.start < last.end) return undefined;
    combined.push(span);
  }
  return combined.map((span) => span.edit);
}
