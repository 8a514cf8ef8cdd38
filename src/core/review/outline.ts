/**
 * The body's sections as the review reads them: each `##` heading with its
 * `###` subsections, where it starts and ends, and whether anything is
 * written under it. Headings come from markdown-it, so a `## ` inside a code
 * block is not a section, and underlined (setext) headings are.
 */
import { splitFrontMatter } from '../frontMatter';
import { LineIndex } from '../text';
import { parseMarkdown, plainText } from './markdownTree';

type Token = ReturnType<typeof parseMarkdown>[number];

export interface BodySection {
  readonly level: number;
  /** The heading as plain text. */
  readonly title: string;
  /** 0-based file line of the heading. */
  readonly line: number;
  /** 0-based file line where the section ends (the next heading of its level or higher, or the line after the body). */
  readonly endLine: number;
  /** Something is written under the heading, or in one of its subsections. */
  readonly hasContent: boolean;
  /** The `###` headings of a `##` section. */
  readonly children: readonly BodySection[];
}

export interface IncidentBody {
  readonly text: string;
  /** Offset of the body in the file, and its first line. */
  readonly offset: number;
  readonly startLine: number;
  readonly tokens: readonly Token[];
  /** The `##` sections, in file order. */
  readonly sections: readonly BodySection[];
  /** The file's line break, for inserted text. */
  readonly eol: string;
}

/** The body of an incident file (BOM already stripped); the whole text when there is no front matter. */
export function readBody(text: string): IncidentBody {
  const split = splitFrontMatter(text);
  const offset = split.kind === 'ok' ? split.bodyStart : split.kind === 'unclosed' ? text.length : 0;
  const body = text.slice(offset);
  const startLine = new LineIndex(text).positionAt(offset).line;
  const tokens = parseMarkdown(body);
  return { text: body, offset, startLine, tokens, sections: sectionsOf(tokens, startLine, startLine + lineCount(body)), eol: /\r\n/.test(text) ? '\r\n' : '\n' };
}

function lineCount(body: string): number {
  return body.length === 0 ? 0 : body.split(/\r\n|\n|\r/).length - (/(\r\n|\n|\r)$/.test(body) ? 1 : 0);
}

interface Heading {
  readonly level: number;
  readonly title: string;
  readonly line: number;
  readonly ownContent: boolean;
}

function headings(tokens: readonly Token[], startLine: number): Heading[] {
  const found: { level: number; title: string; line: number; ownContent: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open' && token.level === 0) {
      const inline = tokens[i + 1];
      found.push({ level: Number(token.tag.slice(1)), title: plainText(inline?.children ?? []).trim(), line: startLine + (token.map?.[0] ?? 0), ownContent: false });
      continue;
    }
    const current = found[found.length - 1];
    if (current && !current.ownContent && token.level === 0 && token.nesting >= 0 && isWritten(token, tokens[i + 1])) current.ownContent = true;
  }
  return found;
}

/** Template placeholders are not writing. */
const PLACEHOLDER = /^\s*(\.\.\.|…|tbd|todo)\s*$/i;

function isWritten(token: Token, next: Token | undefined): boolean {
  if (token.type === 'heading_close') return false;
  if (token.type === 'paragraph_open') return !!next && next.type === 'inline' && !PLACEHOLDER.test(next.content);
  return token.type !== 'paragraph_close' && token.type !== 'inline';
}

function sectionsOf(tokens: readonly Token[], startLine: number, bodyEndLine: number): BodySection[] {
  const all = headings(tokens, startLine);
  const endOf = (index: number, level: number): number => {
    for (let j = index + 1; j < all.length; j++) if (all[j].level <= level) return all[j].line;
    return bodyEndLine;
  };
  const sections: BodySection[] = [];
  all.forEach((heading, index) => {
    if (heading.level !== 2) return;
    const endLine = endOf(index, 2);
    const children: BodySection[] = [];
    for (let j = index + 1; j < all.length && all[j].line < endLine; j++) {
      const child = all[j];
      if (child.level !== 3) continue;
      const childEnd = endOf(j, 3);
      const written = child.ownContent || all.slice(j + 1).some((h) => h.line < childEnd && h.ownContent);
      children.push({ level: 3, title: child.title, line: child.line, endLine: childEnd, hasContent: written, children: [] });
    }
    const subWritten = all.slice(index + 1).some((h) => h.line < endLine && h.ownContent);
    sections.push({ level: 2, title: heading.title, line: heading.line, endLine, hasContent: heading.ownContent || subWritten, children });
  });
  return sections;
}

/** Heading text as compared: case, trailing colons and extra spaces do not matter. */
export function headingKey(title: string): string {
  // Trimmed by hand: /[:.\s]+$/ backtracks through every run of spaces in a long heading.
  const words = title.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  let end = words.length;
  while (end > 0 && (words[end - 1] === ':' || words[end - 1] === '.' || words[end - 1] === ' ')) end--;
  return words.slice(0, end);
}
