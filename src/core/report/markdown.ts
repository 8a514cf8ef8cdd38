/**
 * The report as Markdown that pastes into a wiki: headings, paragraphs and
 * GitHub-style tables. Charts have no Markdown form; their tables carry the
 * same numbers.
 */
import { escapeMarkdown, markdownCode } from '../escape';
import { refList } from './inline';
import type { Block, Inline, ReportDocument, TableModel } from './model';

export function renderMarkdown(document: ReportDocument): string {
  const ids = new Map(document.incidents.map((ref) => [ref.key, ref.id]));
  const inline = (parts: readonly Inline[]) => parts.map((part) => inlineMarkdown(part, ids)).join('');
  const out: string[] = [`# ${escapeMarkdown(document.title)}`, '', inline(document.scope), ''];
  out.push(`**Top insight:** ${escapeMarkdown(document.top.sentence)}`, '');
  if (document.top.incidents.length > 0) out.push(`Incidents behind it: ${inline(refList(document.top.incidents))}.`, '');
  out.push(`*${escapeMarkdown(document.top.basis)}*`, '');
  for (const section of document.sections) {
    out.push(`${'#'.repeat(section.level)} ${escapeMarkdown(section.title)}`, '');
    for (const block of section.blocks) out.push(...blockMarkdown(block, inline), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function inlineMarkdown(part: Inline, ids: ReadonlyMap<string, string>): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('code' in part) return markdownCode(part.code);
  return escapeMarkdown(ids.get(part.ref) ?? part.ref);
}

function blockMarkdown(block: Block, inline: (parts: readonly Inline[]) => string): string[] {
  switch (block.kind) {
    case 'text':
      return [block.style === 'definition' ? `*${inline(block.parts)}*` : inline(block.parts)];
    case 'list':
      return block.items.map((item) => `- ${inline(item)}`);
    case 'table':
    case 'figure':
      return tableMarkdown(block.table, inline);
  }
}

function tableMarkdown(table: TableModel, inline: (parts: readonly Inline[]) => string): string[] {
  const head = `| ${table.columns.map((column) => escapeMarkdown(column.label)).join(' | ')} |`;
  const rule = `|${table.columns.map((column) => (column.numeric ? '---:' : '---')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map((cell) => inline(cell) || ' ').join(' | ')} |`);
  return [`**${escapeMarkdown(table.caption)}**`, '', head, rule, ...rows];
}
