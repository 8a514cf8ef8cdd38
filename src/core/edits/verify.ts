/**
 * Re-reads the text an edit would produce, so an edit is only offered when
 * the YAML then says exactly what was asked (an unusual layout that the edit
 * cannot follow gives no edit, never a broken file).
 */
import { FrontMatterText } from './frontMatterEdits';
import { applyEdits, type TextEdit } from './textEdit';

export function applied(fm: FrontMatterText, edits: readonly TextEdit[]): string {
  return applyEdits(fm.text, edits, (position) => fm.lines.offsetAt(position));
}

/** The edits, when the edited text parses and `holds` accepts its front matter. */
export function checked(fm: FrontMatterText, edits: readonly TextEdit[] | undefined, holds: (value: Record<string, unknown>) => boolean): TextEdit[] | undefined {
  if (!edits || edits.length === 0) return undefined;
  const after = FrontMatterText.parse(applied(fm, edits));
  return after && holds(after.value) ? [...edits] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
