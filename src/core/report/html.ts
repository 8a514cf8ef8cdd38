/**
 * The report as one self-contained HTML file: inline style, inline SVG
 * charts, no script and no remote asset, so it can be attached to a
 * quarterly review, opened anywhere and printed. Incident references link to
 * the list of incidents at the end.
 */
import { escapeHtml } from '../escape';
import { REPORT_CSS } from './htmlStyle';
import { refList } from './inline';
import type { Block, Inline, ReportDocument, TableModel } from './model';
import { PATTERN_DEFS } from './patterns';
import { chartSvg, legendHtml } from './svg';

export function renderHtml(document: ReportDocument, options: { readonly generator?: string } = {}): string {
  const anchors = new Map(document.incidents.map((ref, index) => [ref.key, { id: ref.id, anchor: `incident-${index + 1}` }]));
  const inline = (parts: readonly Inline[]) => parts.map((part) => inlineHtml(part, anchors)).join('');
  const body: string[] = [];
  body.push(`<header><h1>${escapeHtml(document.title)}</h1><p class="scope">${inline(document.scope)}</p></header>`);
  const behind = document.top.incidents.length > 0 ? `<p>Incidents behind it: ${inline(refList(document.top.incidents))}.</p>` : '';
  body.push(`<section class="top" aria-labelledby="top-insight"><h2 id="top-insight">Top insight</h2><p class="sentence">${escapeHtml(document.top.sentence)}</p>${behind}<p class="definition">${escapeHtml(document.top.basis)}</p></section>`);
  for (const section of document.sections) {
    const heading = `<h${section.level} id="${escapeHtml(section.id)}">${escapeHtml(section.title)}</h${section.level}>`;
    const blocks = section.blocks.map((block) => blockHtml(block, inline, section.id === 'incidents' ? anchors : undefined)).join('\n');
    body.push(`<section aria-labelledby="${escapeHtml(section.id)}">${heading}\n${blocks}</section>`);
  }
  const generator = options.generator ? ` by ${escapeHtml(options.generator)}` : '';
  body.push(`<footer>Generated${generator} from the incident files. Every number links to the incidents behind it.</footer>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(document.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${PATTERN_DEFS}
${body.join('\n')}
</body>
</html>
`;
}

type Anchors = ReadonlyMap<string, { id: string; anchor: string }>;

function inlineHtml(part: Inline, anchors: Anchors): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
  const target = anchors.get(part.ref);
  return target ? `<a href="#${target.anchor}">${escapeHtml(target.id)}</a>` : escapeHtml(part.ref);
}

function blockHtml(block: Block, inline: (parts: readonly Inline[]) => string, rowAnchors?: Anchors): string {
  switch (block.kind) {
    case 'text':
      return `<p${block.style ? ` class="${block.style}"` : ''}>${inline(block.parts)}</p>`;
    case 'list':
      return `<ul class="plain">${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block.table, inline, rowAnchors);
    case 'figure':
      // The chart is a picture of the table beneath it; the table is what assistive technology reads.
      return `<figure><figcaption>${escapeHtml(block.table.caption)}</figcaption>${chartSvg(block.chart)}${legendHtml(block.chart.legend)}${tableHtml(block.table, inline, undefined, true)}</figure>`;
  }
}

function tableHtml(table: TableModel, inline: (parts: readonly Inline[]) => string, rowAnchors?: Anchors, inFigure = false): string {
  // In a figure the caption is already shown above the chart; the table keeps it for screen readers.
  const caption = `<caption${inFigure ? ' class="sr-only"' : ''}>${escapeHtml(table.caption)}</caption>`;
  const head = `<tr>${table.columns.map((column) => `<th scope="col"${column.numeric ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((row) => {
    // The list of incidents: each row is the target of the links above.
    const first = row[0]?.[0];
    const anchor = rowAnchors && first && typeof first === 'object' && 'ref' in first ? rowAnchors.get(first.ref)?.anchor : undefined;
    const cells = row.map((cell, index) => `<td${table.columns[index]?.numeric ? ' class="num"' : ''}>${inline(cell)}</td>`).join('');
    return `<tr${anchor ? ` id="${anchor}"` : ''}>${cells}</tr>`;
  });
  return `<table>${caption}<thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
