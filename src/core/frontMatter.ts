/** Splits an incident file into its YAML front matter and Markdown body. */

export type FrontMatterSplit =
  | { kind: 'none' }
  | { kind: 'unclosed'; openingEnd: number }
  | {
      kind: 'ok';
      /** Offset of the YAML text (the line after the opening `---`). */
      yamlStart: number;
      /** Offset where the YAML ends (start of the closing `---` line). */
      yamlEnd: number;
      /** Offset of the body (after the closing line and its line break). */
      bodyStart: number;
      /** Offset of the end of the opening `---` (its line's content). */
      openingEnd: number;
    };

const FENCE = /^---[ \t]*(\r\n|\n|\r|$)/;
// Lines start after \r\n, \n or \r only: the `m` flag would also start one
// after U+2028/U+2029, which neither YAML nor the editor treats as a line break.
// The line break is matched, not looked behind for: a lookbehind is tried at
// every offset and made this regex ten times slower.
const CLOSING = /[\n\r](---|\.\.\.)[ \t]*(\r\n|\n|\r|(?![\s\S]))/g;

/** The text must already be free of a BOM. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const opening = FENCE.exec(text);
  if (!opening) return { kind: 'none' };
  const yamlStart = opening[0].length;
  const openingEnd = yamlStart - opening[1].length;
  if (opening[1] === '') return { kind: 'unclosed', openingEnd };
  // From the opening line's own break, so an empty front matter closes too.
  CLOSING.lastIndex = yamlStart - 1;
  const closing = CLOSING.exec(text);
  if (!closing) return { kind: 'unclosed', openingEnd };
  const yamlEnd = closing.index + 1;
  return { kind: 'ok', yamlStart, yamlEnd, bodyStart: closing.index + closing[0].length, openingEnd };
}
