/**
 * Inserts a missing body section, or a perspective under `## Perspectives`,
 * where the template puts it. Only new lines are added: nothing already
 * written moves or changes. Each result says which line the new heading is
 * on, so the editor can put the cursor under it.
 */
import type { TextEdit } from '../edits/textEdit';
import { LineIndex, stripBom } from '../text';
import { headingKey, type IncidentBody, readBody } from './outline';
import { findSection, isGroup, templateName } from './sectionNames';
import { type SectionName, TEMPLATE_SECTIONS } from './types';

export type BodyEditResult = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly line: number } | { readonly ok: false; readonly message: string };

/** Group names typed in the panel: one short line, no Markdown heading marks. */
const MAX_GROUP_LENGTH = 60;

function cleanGroupName(name: string): string {
  return name.replace(/[\r\n\t]+/g, ' ').replace(/^[#\s]+/, '').replace(/\s+/g, ' ').trim().slice(0, MAX_GROUP_LENGTH).trim();
}

export function insertSection(rawText: string, name: SectionName): BodyEditResult {
  const text = stripBom(rawText);
  const body = readBody(text);
  const existing = findSection(body.sections, name);
  if (existing) return { ok: false, message: `There is already a "${existing.title}" section (line ${existing.line + 1}).` };
  return insertBlock(text, body, sectionLine(body, name), [`## ${name}`]);
}

export function insertPerspective(rawText: string, rawGroup: string): BodyEditResult {
  const group = cleanGroupName(rawGroup);
  if (!group) return { ok: false, message: 'A perspective needs a name, such as Support or Product.' };
  const text = stripBom(rawText);
  const body = readBody(text);
  const perspectives = findSection(body.sections, 'Perspectives');
  if (!perspectives) return insertBlock(text, body, sectionLine(body, 'Perspectives'), ['## Perspectives', `### ${group}`], 1);
  const existing = perspectives.children.find((child) => isGroup(child.title, group) || headingKey(child.title) === headingKey(group));
  if (existing) return { ok: false, message: `"${existing.title}" is already a perspective (line ${existing.line + 1}).` };
  return insertBlock(text, body, perspectives.endLine, [`### ${group}`]);
}

/**
 * The line a new section goes before: the first later template section that
 * is there, else the end of the last earlier one, else the end of the body.
 */
function sectionLine(body: IncidentBody, name: SectionName): number {
  const rank = TEMPLATE_SECTIONS.indexOf(name);
  const ranked = body.sections.map((section) => ({ section, rank: rankOf(section.title) }));
  const later = ranked.find((entry) => entry.rank !== undefined && entry.rank > rank);
  if (later) return later.section.line;
  const earlier = ranked.filter((entry) => entry.rank !== undefined && entry.rank < rank).pop();
  if (earlier) return earlier.section.endLine;
  return body.startLine + lineTotal(body.text);
}

function rankOf(title: string): number | undefined {
  const name = templateName(title);
  return name === undefined ? undefined : TEMPLATE_SECTIONS.indexOf(name);
}

function lineTotal(text: string): number {
  return text.length === 0 ? 0 : text.split(/\r\n|\n|\r/).length - (/(\r\n|\n|\r)$/.test(text) ? 1 : 0);
}

/**
 * Inserts headings at the start of a line, each followed by a blank line,
 * with a blank line before them when the line above has text. `focus` is the
 * heading whose line the result reports.
 */
function insertBlock(text: string, body: IncidentBody, line: number, headings: readonly string[], focus = 0): BodyEditResult {
  const lines = new LineIndex(text);
  const { eol } = body;
  // Never inside the front matter, whatever the outline said.
  const offset = Math.max(line >= lines.lineCount ? text.length : lines.lineStart(line), body.offset);
  const before = text.slice(0, offset);
  const endsWithBreak = /(\r\n|\n|\r)$/.test(before);
  // The new heading starts a line of its own, after a blank line when the line above has text.
  let prefix = before.length > 0 && !endsWithBreak ? eol : '';
  // Found with lastIndexOf: `/[^\r\n]*$/` retries from every offset of a long line and took minutes on a 200,000-character one.
  const above = before.replace(/(\r\n|\n|\r)$/, '');
  const lineAbove = above.slice(Math.max(above.lastIndexOf('\n'), above.lastIndexOf('\r')) + 1);
  if (before.length > 0 && /\S/.test(lineAbove)) prefix += eol;
  const atEnd = offset === text.length;
  const newText = `${prefix}${headings.map((heading) => `${heading}${eol}`).join(eol)}${atEnd ? '' : eol}`;
  const position = lines.positionAt(offset);
  return {
    ok: true,
    edits: [{ range: { start: position, end: position }, newText }],
    line: position.line + countBreaks(prefix) + focus * 2,
  };
}

function countBreaks(text: string): number {
  return (text.match(/\r\n|\n|\r/g) ?? []).length;
}
