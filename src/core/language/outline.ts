/**
 * The outline of an incident file: its top-level fields, with each timeline
 * entry and each action under its field. Ranges are in file coordinates.
 */
import { FrontMatterText } from '../edits/frontMatterEdits';
import type { Range } from '../text';
import type { YamlNode } from '../yamlTree';

export type OutlineKind = 'field' | 'timeline-entry' | 'action';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole field or item. */
  readonly range: Range;
  /** What to reveal and highlight: the key, or the item's first line. */
  readonly selectionRange: Range;
  readonly children: readonly OutlineSymbol[];
}

const DETAIL_LENGTH = 80;

/** Empty when the text has no front matter that parses. */
export function incidentOutline(text: string): OutlineSymbol[] {
  const fm = FrontMatterText.parse(text);
  const root = fm?.locator.root;
  if (!fm || root?.kind !== 'map') return [];
  return (root.entries ?? []).map(({ key, value }) => {
    const name = String(key.value);
    const selectionRange = fm.locator.rangeOf(key.span.start, key.span.end);
    const range = fm.locator.rangeOf(key.span.start, Math.max(key.span.end, value.span.end));
    const children = name === 'timeline' ? items(fm, value, 'timeline-entry', timelineName) : name === 'actions' ? items(fm, value, 'action', actionName) : [];
    const detail = value.kind === 'scalar' ? shortened(scalarText(fm, value)) : undefined;
    return { name, kind: 'field', range, selectionRange, children, ...(detail ? { detail } : {}) };
  });
}

type Naming = (fields: Readonly<Record<string, unknown>>) => { name: string; detail?: string };

function items(fm: FrontMatterText, list: YamlNode, kind: OutlineKind, naming: Naming): OutlineSymbol[] {
  return (list.items ?? []).map((item, index) => {
    const fields = item.value !== null && typeof item.value === 'object' && !Array.isArray(item.value) ? (item.value as Record<string, unknown>) : {};
    const { name, detail } = naming(fields);
    const range = fm.locator.rangeOf(item.span.start, item.span.end);
    const selectionRange = fm.locator.firstLine([kind === 'action' ? 'actions' : 'timeline', index]);
    const shortDetail = detail ? shortened(detail) : undefined;
    return { name: name || `#${index + 1}`, kind, range, selectionRange, children: [], ...(shortDetail ? { detail: shortDetail } : {}) };
  });
}

function timelineName(fields: Readonly<Record<string, unknown>>): { name: string; detail?: string } {
  const at = written(fields.at);
  const kind = written(fields.kind);
  return { name: [at, kind].filter(Boolean).join(' · '), detail: written(fields.text) };
}

function actionName(fields: Readonly<Record<string, unknown>>): { name: string; detail?: string } {
  const id = written(fields.id);
  const title = written(fields.title);
  return { name: [id, title].filter(Boolean).join(' '), detail: [written(fields.status), written(fields.owner)].filter(Boolean).join(' · ') };
}

function written(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** A scalar as the file shows it (a time stays as written, quotes and all removed by the parser where it reads one). */
function scalarText(fm: FrontMatterText, node: YamlNode): string {
  return written(node.value) || fm.text.slice(fm.offset(node), fm.endOffset(node));
}

function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > DETAIL_LENGTH ? `${line.slice(0, DETAIL_LENGTH - 1)}…` : line;
}
