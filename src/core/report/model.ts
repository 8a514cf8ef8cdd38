/**
 * The report as a document: sections of text, tables and charts, with
 * references to incidents instead of links. The Markdown and HTML reports and
 * the Insights panel all render this one model, so they say the same thing
 * in the same words. Plain JSON, no markup: renderers escape everything.
 */
import type { IncidentRef } from '../insights/types';

/**
 * Plain text, a reference to an incident (rendered as its id, linked where
 * the medium allows), or a code span (a field name, a path).
 */
export type Inline = string | { readonly ref: string } | { readonly code: string };

export type Cell = readonly Inline[];

export interface Column {
  readonly label: string;
  /** Right-aligned numbers. */
  readonly numeric?: boolean;
}

export interface TableModel {
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export type MarkClass = string;

export type Mark =
  | { readonly type: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly className: MarkClass; readonly title?: string; readonly ref?: string }
  | { readonly type: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly className: MarkClass; readonly title?: string; readonly ref?: string }
  | { readonly type: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly className: MarkClass }
  | { readonly type: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly className: MarkClass; readonly anchor: 'start' | 'middle' | 'end' };

export interface LegendEntry {
  readonly label: string;
  /** The class its marks carry: the swatch uses it, so legend and chart agree. */
  readonly className: MarkClass;
}

export interface Chart {
  readonly width: number;
  readonly height: number;
  /** What the chart shows, for assistive technology; the table beneath has the numbers. */
  readonly description: string;
  readonly marks: readonly Mark[];
  readonly legend: readonly LegendEntry[];
}

export type Block =
  | { readonly kind: 'text'; readonly parts: readonly Inline[]; readonly style?: 'note' | 'definition' }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly table: TableModel }
  | { readonly kind: 'figure'; readonly chart: Chart; readonly table: TableModel };

export interface Section {
  /** Stable, for anchors and tests. */
  readonly id: string;
  readonly title: string;
  readonly level: 2 | 3;
  readonly blocks: readonly Block[];
}

export interface ReportDocument {
  readonly title: string;
  /** What the report covers: how many incidents, which period, which filters, as of when. */
  readonly scope: readonly Inline[];
  readonly top: { readonly sentence: string; readonly incidents: readonly string[]; readonly basis: string };
  readonly sections: readonly Section[];
  /** Every incident the document refers to, in report order; renderers resolve refs here. */
  readonly incidents: readonly IncidentRef[];
}
