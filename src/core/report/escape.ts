/**
 * Escaping for the two report formats. Everything an incident file provides
 * (titles, names, reasons, paths) passes through here before it is written.
 */

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most values need nothing: a test is cheaper than a replace that copies.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML[c]) : text;
}

const HTML_SPECIAL = /[&<>"']/;
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|&~\r\n]|^([#+\-=]|\d+[.)])/;

/**
 * Plain text in Markdown: punctuation that could start emphasis, a link, a
 * code span, raw HTML or a table cell is backslash-escaped, and line breaks
 * become spaces so a value cannot end a paragraph or a table row.
 */
export function escapeMarkdown(text: string): string {
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  return text
    .replace(/\r\n?|\n/g, ' ')
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
