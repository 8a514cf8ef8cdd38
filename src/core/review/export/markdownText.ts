/**
 * Field values written into an exported Markdown report. A title or a
 * person's name is text, not Markdown: its punctuation is escaped so it reads
 * exactly as written, cannot open a link, a table cell or raw HTML, and stays
 * on one line.
 */

/** Backslash-escapes what would start Markdown syntax inline; line breaks become spaces. */
export function mdText(value: string): string {
  // Split rather than /\s*[\r\n]+\s*/: that regex backtracks through long runs of spaces.
  const oneLine = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
  return oneLine.replace(/[\\`*_[\]<>|&~!#]/g, (c) => `\\${c}`);
}

/** A table row of already escaped cells. */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)];
}
