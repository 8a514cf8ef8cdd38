/**
 * Text from incident files (titles, names, reasons, paths) on its way into
 * HTML or Markdown: every report, export, panel and hover escapes it here, so
 * a title reads exactly as written and never becomes markup.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/;

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most values need nothing: a test is cheaper than a replace that copies.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]) : text;
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|&~\r\n]|^[#+\-=]|^\d+[.)]/;

/**
 * Plain text in Markdown, on one line: punctuation that could start emphasis,
 * a link, a code span, raw HTML or a table cell is backslash-escaped, as is a
 * start that would make a heading or a list; line breaks become spaces so a
 * value cannot end a paragraph or a table row.
 */
export function escapeMarkdown(text: string): string {
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  return oneLine(text)
    .replace(/[\\`*_[\]<>|&~]/g, (c) => `\\${c}`)
    .replace(/^[#+\-=]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A code span that holds any text: fences longer than any backtick run inside, `|` escaped for tables. */
export function markdownCode(text: string): string {
  const clean = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Each line break, with the spaces around it, becomes one space; blank lines go. The ends stay as they are: a value may be one piece of a sentence. */
function oneLine(text: string): string {
  // Split rather than /\s*[\r\n]+\s*/: that regex backtracks through long runs of spaces.
  const lines = text.split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i > 0 ? line.trimStart() : line))
    .map((line, i) => (i < last ? line.trimEnd() : line))
    .filter((line) => line.length > 0)
    .join(' ');
}
