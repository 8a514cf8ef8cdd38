/**
 * Blaming phrases in the body, each with its blameless rewording hint, its
 * place in the file and the section it is in, for the panel's list.
 */
import { findBlameLanguage } from '../blame';
import type { LineIndex } from '../text';
import type { IncidentBody } from './outline';
import type { BlameItem } from './types';

/** Characters of context on each side of a phrase in its excerpt. */
const CONTEXT = 40;

export function blameItems(text: string, lines: LineIndex, body: IncidentBody, phrases: readonly string[]): BlameItem[] {
  const headings = body.sections.flatMap((section) => [section, ...section.children]).sort((a, b) => a.line - b.line);
  return findBlameLanguage(body.text, phrases, body.offset).map((match): BlameItem => {
    const start = lines.positionAt(match.span.start);
    const end = lines.positionAt(match.span.end);
    const section = headings.filter((heading) => heading.line <= start.line).pop();
    return {
      phrase: match.phrase,
      hint: match.hint,
      line: start.line,
      character: start.character,
      // A phrase may run over a line break ("human\nerror"); the range then ends with its first line.
      endCharacter: end.line === start.line ? end.character : lines.lineEnd(start.line) - lines.lineStart(start.line),
      section: section?.title ?? '',
      excerpt: excerpt(text, lines, match.span.start, match.span.end),
    };
  });
}

function excerpt(text: string, lines: LineIndex, start: number, end: number): string {
  const lineStart = lines.lineStart(lines.positionAt(start).line);
  const lineEnd = lines.lineEnd(lines.positionAt(end).line);
  const from = Math.max(lineStart, start - CONTEXT);
  const to = Math.min(lineEnd, end + CONTEXT);
  const middle = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > lineStart ? '…' : ''}${middle}${to < lineEnd ? '…' : ''}`;
}
