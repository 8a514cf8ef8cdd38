/** Markdown tables for the exported reports. Cells come already escaped: escapeMarkdown keeps each on one line with its pipes escaped, so no value can end a row. */

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)];
}
