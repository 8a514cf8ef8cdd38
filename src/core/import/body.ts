/**
 * The body of the imported incident: the source's unmapped parts under the
 * format's sections (Summary, Impact, Narrative, ...) in the template's
 * order, each part kept as written.
 */

export const BODY_SECTIONS = [
  'Summary',
  'Impact',
  'Narrative',
  'Timeline (not dated)',
  'Perspectives',
  'What went well',
  'Where we got lucky',
  'Open questions',
  'Learnings',
] as const;

export type BodySection = (typeof BODY_SECTIONS)[number];

export class BodyBuilder {
  private readonly chunks = new Map<BodySection, string[][]>();

  /** Adds lines (blank edges trimmed) to a section; empty chunks are ignored. */
  add(section: BodySection, lines: readonly string[]): void {
    const trimmed = trimBlankEdges(lines);
    if (trimmed.length === 0) return;
    const list = this.chunks.get(section) ?? [];
    list.push(trimmed);
    this.chunks.set(section, list);
  }

  render(preface: string): string {
    const out: string[] = [preface];
    for (const section of BODY_SECTIONS) {
      const chunks = this.chunks.get(section);
      if (!chunks) continue;
      out.push('', `## ${section}`);
      for (const chunk of chunks) out.push('', ...collapseBlankRuns(chunk));
    }
    // Split at every line terminator `$` knows (the pieces at odd indexes are the terminators).
    return `${out
      .join('\n')
      .split(/(\r|\n|\u2028|\u2029)/)
      .map((piece, i) => (i % 2 === 0 ? trimLineEnd(piece) : piece))
      .join('')}\n`;
  }
}

/**
 * A blank line becomes empty; trailing blanks become a Markdown hard break
 * (two spaces) where there were two or more, else nothing. A loop, not
 * `/[ \t]+$/gm`: that regex retries from every blank of a run that does not
 * end the line, so a line with 25,000 spaces in it took seconds.
 */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  if (end === line.length) return line;
  if (end === 0) return '';
  return line.slice(0, end) + (line.length - end >= 2 ? '  ' : '');
}

export function trimBlankEdges(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}

function collapseBlankRuns(lines: readonly string[]): string[] {
  return lines.filter((line, i) => line.trim() !== '' || lines[i - 1]?.trim() !== '');
}
