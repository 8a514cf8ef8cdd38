/**
 * Re-anchoring a code link whose `lines` moved (`code-link-drifted`): the
 * link's `pattern` says what the lines were about, so where the pattern now
 * is, the link belongs.
 */

export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export type ReanchorResult = { readonly status: 'ok' } | { readonly status: 'drifted'; readonly lines: LineRange } | { readonly status: 'missing' };

/**
 * `ok` when the pattern is still inside `lines` (1-based, inclusive);
 * `drifted` with the new lines when it is elsewhere in the file; `missing`
 * when it is nowhere. The new range keeps the old one's length and starts
 * at the pattern's first line (pulled up if that would run past the end of
 * the file), and among several occurrences takes the one nearest the old
 * lines, the earlier one on a tie.
 */
export function reanchor(fileText: string, lines: LineRange, pattern: string): ReanchorResult {
  if (pattern === '') return { status: 'ok' };
  const text = fileText.replace(/\r\n?/g, '\n');
  const lineStarts = lineStartOffsets(text);
  const oldStart = Math.min(lines.start, lines.end);
  const oldEnd = Math.max(lines.start, lines.end);

  let best: { start: number; end: number; distance: number } | undefined;
  for (let offset = text.indexOf(pattern); offset >= 0; offset = text.indexOf(pattern, offset + 1)) {
    const start = lineOf(lineStarts, offset);
    const end = lineOf(lineStarts, offset + pattern.length - 1);
    if (start >= oldStart && end <= oldEnd) return { status: 'ok' };
    const distance = start < oldStart ? oldStart - start : Math.max(0, end - oldEnd);
    if (!best || distance < best.distance) best = { start, end, distance };
  }
  if (!best) return { status: 'missing' };

  const length = Math.max(oldEnd - oldStart, best.end - best.start);
  const lastLine = lineStarts.length;
  const start = Math.max(1, Math.min(best.start, lastLine - length));
  return { status: 'drifted', lines: { start, end: start + length } };
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
  // A final newline ends the last line; it does not open another.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return starts;
}

/** 1-based line holding `offset`. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
