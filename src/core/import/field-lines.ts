/**
 * Metadata written in other shapes than `Key: value` lines, as such lines:
 * two-column tables (`| Severity | Sev 3 |`) and several fields on one line
 * or in a quote (`> Status: Resolved · Severity: SEV2 · Owner: @lena`).
 */
import { isTableRow, tableCells } from './markdown';

const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
// A lookaround, not `\s+[·•|]\s+`: that retries from every blank of a long run of them.
const FIELD_SEPARATOR = /(?<=\s)[·•|](?=\s)/;

export function asFieldLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (isTableRow(line)) {
      const cells = tableCells(line);
      if (cells.length === 2 && !SEPARATOR_ROW.test(line) && cells[0] !== '' && cells[1] !== '') out.push(`${cells[0]}: ${cells[1]}`);
      continue;
    }
    const unquoted = line.replace(/^\s*>\s?/, '');
    const parts = unquoted.split(FIELD_SEPARATOR).map((p) => p.trim());
    out.push(...(parts.length > 1 && parts.every((p) => p.includes(':')) ? parts : [unquoted]));
  }
  return out;
}
