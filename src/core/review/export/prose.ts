/**
 * Plain sentences out of the body, for the executive summary: the first
 * paragraphs of a section with their Markdown dropped, and the first
 * sentences of those.
 */
import { plainText } from '../markdownTree';
import type { ReadIncident } from '../model';
import { findSection } from '../sectionNames';
import type { SectionName } from '../types';

/** The paragraphs (and list items) written directly under a section, as plain text. */
export function sectionParagraphs(read: ReadIncident, name: SectionName): string[] {
  const section = findSection(read.body.sections, name);
  if (!section) return [];
  const { tokens, startLine } = read.body;
  const paragraphs: string[] = [];
  let inHeading = false;
  for (const token of tokens) {
    if (token.type === 'heading_open') inHeading = true;
    if (token.type === 'heading_close') inHeading = false;
    if (token.type !== 'inline' || inHeading || !token.map) continue;
    const line = startLine + token.map[0];
    if (line <= section.line || line >= section.endLine) continue;
    const text = plainText(token.children ?? []).replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  return paragraphs;
}

/**
 * The first `count` sentences of a text. A sentence ends at . ! or ? followed
 * by a space and a capital, a digit or a quote, so "v4.2" and "e.g. this"
 * do not end one.
 */
export function firstSentences(text: string, count: number): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=["“'(\p{Lu}\p{N}])/u);
  return sentences.slice(0, count).join(' ').trim();
}
