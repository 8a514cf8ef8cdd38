/**
 * The report document as DOM: the same sections, tables and charts as the
 * HTML report, with each incident reference a button that opens the file.
 */
import type { IncidentRef } from '../../../core/insights/types';
import { refList } from '../../../core/report/inline';
import type { Block, Inline, ReportDocument, Section, TableModel } from '../../../core/report/model';
import { chartElement, legendElement } from './chart';
import { h } from './dom';

/** Past this many, the list of incidents starts folded: the sections above already link to them. */
const OPEN_LIST_UP_TO = 30;

export function topElement(document: ReportDocument, refs: ReadonlyMap<string, IncidentRef>): HTMLElement {
  const behind = document.top.incidents.length > 0 ? h('p', { class: 'behind' }, 'Incidents behind it: ', ...inlineNodes(refList(document.top.incidents), refs), '.') : null;
  return h(
    'section',
    { class: 'top', attrs: { 'aria-labelledby': 'top-insight' } },
    h('h2', { text: 'Top insight', attrs: { id: 'top-insight' } }),
    h('p', { class: 'sentence', text: document.top.sentence }),
    behind,
    h('p', { class: 'definition', text: document.top.basis }),
  );
}

export function sectionElement(section: Section, refs: ReadonlyMap<string, IncidentRef>): HTMLElement {
  const heading = h(section.level === 2 ? 'h2' : 'h3', { text: section.title, attrs: { id: `section-${section.id}`, tabindex: '-1' } });
  const blocks = section.blocks.map((block) => blockElement(block, refs));
  if (section.id === 'incidents') {
    const count = refs.size;
    const details = h('details', {}, h('summary', { text: `Show the ${count} incidents` }), ...blocks);
    details.open = count <= OPEN_LIST_UP_TO;
    return h('section', { attrs: { 'aria-labelledby': `section-${section.id}` } }, heading, details);
  }
  return h('section', { class: `level-${section.level}`, attrs: { 'aria-labelledby': `section-${section.id}` } }, heading, ...blocks);
}

function blockElement(block: Block, refs: ReadonlyMap<string, IncidentRef>): HTMLElement {
  switch (block.kind) {
    case 'text':
      return h('p', { class: block.style }, ...inlineNodes(block.parts, refs));
    case 'list':
      return h('ul', { class: 'plain' }, ...block.items.map((item) => h('li', {}, ...inlineNodes(item, refs))));
    case 'table':
      return tableElement(block.table, refs, false);
    case 'figure':
      // The chart pictures the table beneath it; the table is what a screen reader and the keyboard use.
      return h('figure', {}, h('figcaption', { text: block.table.caption }), chartElement(block.chart), legendElement(block.chart.legend), tableElement(block.table, refs, true));
  }
}

function tableElement(table: TableModel, refs: ReadonlyMap<string, IncidentRef>, inFigure: boolean): HTMLElement {
  const head = h('tr', {}, ...table.columns.map((column) => h('th', { class: column.numeric ? 'num' : undefined, text: column.label, attrs: { scope: 'col' } })));
  const rows = table.rows.map((row) => h('tr', {}, ...row.map((cell, index) => h('td', { class: table.columns[index]?.numeric ? 'num' : undefined }, ...inlineNodes(cell, refs)))));
  return h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: inFigure ? 'sr-only' : undefined, text: table.caption }), h('thead', {}, head), h('tbody', {}, ...rows)));
}

export function inlineNodes(parts: readonly Inline[], refs: ReadonlyMap<string, IncidentRef>): (Node | string)[] {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    if ('code' in part) return h('code', { text: part.code });
    const ref = refs.get(part.ref);
    if (!ref) return part.ref;
    const label = ref.title ? `${ref.id}: ${ref.title}` : ref.id;
    return h('button', { class: 'ref', text: ref.id, attrs: { type: 'button', 'data-ref': ref.key, title: `Open ${label}`, 'aria-label': `Open ${label}` } });
  });
}
