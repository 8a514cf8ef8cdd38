/** Inserting a whole top-level field (a key with nested lines) after a chosen sibling. */
import { findEntry } from '../yamlTree';
import type { FrontMatterText } from './frontMatterEdits';
import type { TextEdit } from './textEdit';

/** The first of `preferred` that the front matter has, to insert after it. */
export function firstPresent(fm: FrontMatterText, preferred: readonly string[]): string | undefined {
  return preferred.find((name) => fm.value[name] !== undefined);
}

/**
 * Inserts lines (each without a line break) as a new top-level field after
 * the field `after` (its last line), or at the end of the front matter.
 */
export function insertTopLevel(fm: FrontMatterText, lines: readonly string[], after?: string): TextEdit {
  const anchor = after ? findEntry(fm.locator.root, after) : undefined;
  const at = anchor ? fm.nextLineStart(Math.max(fm.endOffset(anchor.key), fm.endOffset(anchor.value)) - 1) : fm.yamlEnd;
  const text = lines.map((line) => line + fm.eol).join('');
  return { range: fm.lines.rangeOf({ start: at, end: at }), newText: text };
}
