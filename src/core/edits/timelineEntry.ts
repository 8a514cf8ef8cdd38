/**
 * Adds one timeline entry where its time belongs: after the last entry at or
 * before it, in the style of its neighbours (block or flow items, their
 * indentation). Only the inserted lines change; comments stay with the
 * entries they describe.
 */
import { parseTimestamp } from '../timestamps';
import type { YamlNode } from '../yamlTree';
import { flowScalar, FrontMatterText, itemBlocks, yamlScalar } from './frontMatterEdits';
import type { TextEdit } from './textEdit';
import { checked, isRecord } from './verify';

export interface TimelineEntryInput {
  readonly at: string;
  readonly kind: string;
  readonly who?: string;
  readonly text: string;
  readonly evidence?: string;
}

const FIELD_ORDER = ['at', 'kind', 'who', 'text', 'evidence'] as const;

/** The entry's fields in the format's order, without empty optional ones. */
function fields(entry: TimelineEntryInput): [string, string][] {
  return FIELD_ORDER.flatMap((name) => {
    const value = entry[name]?.trim();
    return value ? [[name, value] as [string, string]] : [];
  });
}

function flowItem(entry: TimelineEntryInput): string {
  return `{${fields(entry)
    .map(([name, value]) => `${name}: ${flowScalar(value)}`)
    .join(', ')}}`;
}

function blockItem(entry: TimelineEntryInput, dash: string, keyIndent: string, eol: string): string {
  return fields(entry)
    .map(([name, value], i) => `${i === 0 ? dash : keyIndent}${name}: ${yamlScalar(value)}${eol}`)
    .join('');
}

/** Where the new entry goes: after the last entry at or before its time, else first. */
export function insertionIndex(timeline: readonly unknown[], epochMs: number): number {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i];
    const at = isRecord(entry) && typeof entry.at === 'string' ? parseTimestamp(entry.at) : undefined;
    if (at && at.epochMs <= epochMs) return i + 1;
  }
  return 0;
}

/** The edit that adds the entry, or undefined when the timeline's layout does not allow a safe one. */
export function addTimelineEntry(fm: FrontMatterText, entry: TimelineEntryInput): TextEdit | undefined {
  const time = parseTimestamp(entry.at);
  if (!time || !entry.text.trim() || !entry.kind.trim()) return undefined;
  const seq = fm.node(['timeline']);
  const values = fm.value.timeline;
  if (fm.value.timeline === undefined) return newTimeline(fm, entry);
  if (values === null) return emptyTimeline(fm, entry);
  if (!seq || seq.kind !== 'seq' || !Array.isArray(values)) return undefined;
  const index = insertionIndex(values, time.epochMs);
  if (fm.text[fm.offset(seq)] === '[') return intoFlowSequence(fm, seq, index, entry);
  return intoBlockSequence(fm, seq, index, entry);
}

/** The same, as a list of edits checked by re-reading the result. */
export function addTimelineEntryEdits(text: string, entry: TimelineEntryInput): TextEdit[] | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm) return undefined;
  const before = Array.isArray(fm.value.timeline) ? fm.value.timeline.length : 0;
  const edit = addTimelineEntry(fm, entry);
  return checked(fm, edit && [edit], (value) => Array.isArray(value.timeline) && value.timeline.length === before + 1 && value.timeline.some((item) => sameEntry(item, entry)));
}

export function sameEntry(item: unknown, entry: TimelineEntryInput): boolean {
  if (!isRecord(item)) return false;
  return fields(entry).every(([name, value]) => String(item[name]) === value) && FIELD_ORDER.every((name) => entry[name]?.trim() || item[name] === undefined);
}

function newTimeline(fm: FrontMatterText, entry: TimelineEntryInput): TextEdit {
  const at = fm.yamlEnd;
  const needsBreak = at > fm.yamlStart && !/[\r\n]/.test(fm.text[at - 1] ?? '\n');
  const text = `${needsBreak ? fm.eol : ''}timeline:${fm.eol}${blockItem(entry, '  - ', '    ', fm.eol)}`;
  return { range: fm.lines.rangeOf({ start: at, end: at }), newText: text };
}

/** `timeline:` with nothing after it: the entry goes on the next line. */
function emptyTimeline(fm: FrontMatterText, entry: TimelineEntryInput): TextEdit | undefined {
  const seq = fm.node(['timeline']);
  if (seq && seq.span.end > seq.span.start) return undefined;
  const key = fm.locator.keyRange(['timeline']);
  const at = fm.nextLineStart(fm.lines.offsetAt(key.end));
  return { range: fm.lines.rangeOf({ start: at, end: at }), newText: blockItem(entry, '  - ', '    ', fm.eol) };
}

function intoFlowSequence(fm: FrontMatterText, seq: YamlNode, index: number, entry: TimelineEntryInput): TextEdit {
  const items = seq.items ?? [];
  const item = flowItem(entry);
  if (items.length === 0) {
    const closing = fm.endOffset(seq) - 1;
    return { range: fm.lines.rangeOf({ start: closing, end: closing }), newText: item };
  }
  if (index < items.length) {
    const at = fm.offset(items[index]);
    return { range: fm.lines.rangeOf({ start: at, end: at }), newText: `${item}, ` };
  }
  const at = fm.endOffset(items[items.length - 1]);
  return { range: fm.lines.rangeOf({ start: at, end: at }), newText: `, ${item}` };
}

function intoBlockSequence(fm: FrontMatterText, seq: YamlNode, index: number, entry: TimelineEntryInput): TextEdit | undefined {
  const items = seq.items ?? [];
  const blocks = itemBlocks(fm, seq);
  if (!blocks || items.length === 0) return undefined;
  // The neighbour the new entry sits next to sets its style.
  const model = items[Math.min(index, items.length - 1)];
  const line = fm.lineOf(fm.offset(model));
  const lineText = fm.text.slice(fm.lines.lineStart(line), fm.lines.lineEnd(line));
  const dashMatch = /^([ \t]*)-([ \t]+)/.exec(lineText);
  if (!dashMatch) return undefined;
  const dash = dashMatch[0];
  const isFlowItem = fm.text[fm.offset(model)] === '{';
  const text = isFlowItem ? `${dash}${flowItem(entry)}${fm.eol}` : blockItem(entry, dash, ' '.repeat(dash.length), fm.eol);
  // Front matter always ends with its closing line, so every block ends at a line start.
  const at = index < blocks.length ? blocks[index].start : blocks[blocks.length - 1].end;
  return { range: fm.lines.rangeOf({ start: at, end: at }), newText: text };
}
