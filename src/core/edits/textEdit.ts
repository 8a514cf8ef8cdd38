/** Text edits the core computes; the editor applies them through a WorkspaceEdit. */
import type { Range } from '../text';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Applies non-overlapping edits to a text (for tests and the command-line tool). */
export function applyEdits(text: string, edits: readonly TextEdit[], offsetAt: (position: Range['start']) => number): string {
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  }
  return result;
}
