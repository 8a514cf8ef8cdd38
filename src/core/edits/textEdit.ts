/** Text edits the core computes; the editor applies them through a WorkspaceEdit. */
import type { Position, Range } from '../text';

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

/**
 * Where a point `offset` characters into an edit's new text ends up once the
 * edit is applied (no other edit of the same change may come before it).
 */
export function positionInNewText(edit: TextEdit, offset: number): Position {
  const inserted = edit.newText.slice(0, offset);
  const lastBreak = inserted.lastIndexOf('\n');
  const breaks = inserted.split('\n').length - 1;
  return lastBreak < 0 ? { line: edit.range.start.line, character: edit.range.start.character + offset } : { line: edit.range.start.line + breaks, character: offset - lastBreak - 1 };
}
