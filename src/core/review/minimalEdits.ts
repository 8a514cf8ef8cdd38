/**
 * The smallest line edits that turn one text into another. The review's
 * front matter changes are computed one field at a time, each on the text the
 * previous one produced; this turns the end result back into edits of the
 * original text that touch only the lines that changed, so the editor's
 * undo, cursors and folding stay where they were everywhere else.
 */
import type { TextEdit } from '../edits/textEdit';
import { LineIndex } from '../text';

/** Beyond this many changed lines on each side, one block replaces the middle (the table would cost more than it saves). */
const MAX_DIFF_CELLS = 250_000;

export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = linesWithEnds(before);
  const b = linesWithEnds(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const hunks = (endA - start) * (endB - start) <= MAX_DIFF_CELLS ? diffHunks(a, b, start, endA, start, endB) : [{ a0: start, a1: endA, b0: start, b1: endB }];
  const index = new LineIndex(before);
  const lineOffset = (line: number) => (line >= a.length ? before.length : index.lineStart(line));
  return hunks.map((hunk) => ({
    range: index.rangeOf({ start: lineOffset(hunk.a0), end: lineOffset(hunk.a1) }),
    newText: b.slice(hunk.b0, hunk.b1).join(''),
  }));
}

/** Lines with their line breaks, so joining them gives the text back exactly. */
function linesWithEnds(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Changed runs between a[a0..a1) and b[b0..b1), from a longest common subsequence of lines. */
function diffHunks(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): Hunk[] {
  const n = a1 - a0;
  const m = b1 - b0;
  // lcs[i][j]: common lines of a[a0+i..a1) and b[b0+j..b1).
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[a0 + i] === b[b0 + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let open: Hunk | undefined;
  let i = 0;
  let j = 0;
  const close = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[a0 + i] === b[b0 + j]) {
      close();
      i++;
      j++;
    } else {
      open ??= { a0: a0 + i, a1: a0 + i, b0: b0 + j, b1: b0 + j };
      if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) open.b1 = b0 + ++j;
      else open.a1 = a0 + ++i;
    }
  }
  close();
  return hunks;
}
