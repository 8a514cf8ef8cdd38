/**
 * Field values written into an exported Markdown report. A title or a
 * person's name is text, not Markdown: its punctuation is escaped so it reads
 * exactly as written, cannot open a link, a table cell or raw HTML, and stays
 * on one line.
 */

/** Backslash-escapes what would start Markdown syntax inline; line breaks become spaces. */
export function mdText(value: string): string {
  return value
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|&~!#]/g, (c) => `\\${c}`)
    .trim();
}

/** A table row of already escaped cells. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)];
}
