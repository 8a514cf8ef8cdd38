/** Re-anchors a code link whose `lines` no longer hold its `pattern` (`code-link-drifted`). */

export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export type ReanchorResult = { status: 'ok' } | { status: 'drifted'; lines: LineRange } | { status: 'missing' };

/**
 * Lines are 1-based. The pattern is plain text; it may span lines. When it is
 * found elsewhere, the link keeps its length and starts where the occurrence
 * nearest to the old lines starts.
 */
export function reanchor(fileText: string, lines: LineRange, pattern: string): ReanchorResult {
  const fileLines = fileText.split(/\r\n|\n|\r/);
  const patternLines = pattern.split(/\r\n|\n|\r/).length;
  const window = fileLines.slice(lines.start - 1, lines.end).join('\n');
  if (window.includes(pattern.replace(/\r\n|\r/g, '\n'))) return { status: 'ok' };
  const occurrences: number[] = [];
  for (let i = 0; i < fileLines.length; i++) {
    const candidate = fileLines.slice(i, i + patternLines).join('\n');
    if (candidate.includes(pattern.replace(/\r\n|\r/g, '\n'))) occurrences.push(i + 1);
  }
  if (occurrences.length === 0) return { status: 'missing' };
  const nearest = occurrences.reduce((best, line) => (Math.abs(line - lines.start) < Math.abs(best - lines.start) ? line : best));
  const length = lines.end - lines.start;
  return { status: 'drifted', lines: { start: nearest, end: nearest + length } };
}
