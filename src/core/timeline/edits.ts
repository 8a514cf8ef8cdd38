/**
 * The timeline panel's edits, as minimal text edits: changing an entry
 * touches only that entry's lines (moving them when its new time falls out
 * of order), deleting removes only its lines, adding inserts one entry where
 * its time belongs. Every result is read back before it is returned (the
 * entry's own lines where only they change, else the whole file), so an edit
 * never leaves the YAML saying something other than what was asked.
 */
import { FrontMatterText, itemBlocks } from '../edits/frontMatterEdits';
import type { TextEdit } from '../edits/textEdit';
import { isTimelineKind, TIMELINE_KINDS } from '../timelineKinds';
import { parseTimestamp } from '../timestamps';
import { findEntry, parseYamlWithSpans, type YamlEntry, type YamlNode } from '../yamlTree';
import { asText, incidentOffset, isRecord } from './model';
import { entryScalar } from './scalar';
import { resolveTimeInput, TIME_INPUT_HINT } from './timeInput';
import { nowMs } from '../clock';

const ENTRY_FIELDS = ['at', 'kind', 'who', 'text', 'evidence'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
/** New values as typed in the panel; `who` and `evidence` may be empty, which removes them. */
export type EntryChanges = Partial<Record<EntryField, string>>;

export interface NewEntry {
  readonly at: string;
  readonly kind: string;
  readonly who?: string;
  readonly text: string;
  readonly evidence?: string;
}

export type TimelineEditResult =
  | {
      readonly ok: true;
      readonly edits: TextEdit[];
      /** The entry's index once the edits are applied (-1 after a delete). */
      readonly index: number;
    }
  | { readonly ok: false; readonly message: string };

/** An absolute-offset replacement; converted to line/character ranges at the end. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const OPTIONAL: ReadonlySet<EntryField> = new Set(['who', 'evidence']);
const UNREADABLE = 'The front matter cannot be read right now (a YAML error?). Fix it in the file, then try again.';
const UNSAFE = 'That change could not be written without disturbing other lines. Edit the entry in the file instead.';

function fail(message: string): TimelineEditResult {
  return { ok: false, message };
}

interface Timeline {
  readonly fm: FrontMatterText;
  readonly seq: YamlNode;
  readonly items: readonly YamlNode[];
  readonly values: readonly unknown[];
}

/** The incident's text, or that text already parsed (see buildTimelineModel). */
export type IncidentSource = string | FrontMatterText;

function parsedOf(source: IncidentSource): FrontMatterText | undefined {
  return typeof source === 'string' ? FrontMatterText.parse(source) : source;
}

function readTimeline(source: IncidentSource): Timeline | string {
  const fm = parsedOf(source);
  if (!fm) return UNREADABLE;
  const seq = fm.node(['timeline']);
  const values = fm.value.timeline;
  if (!seq || seq.kind !== 'seq' || !Array.isArray(values)) return 'This incident has no timeline list.';
  return { fm, seq, items: seq.items ?? [], values };
}

function epochOf(value: unknown): number | undefined {
  return isRecord(value) ? parseTimestamp(asText(value.at))?.epochMs : undefined;
}

/** Checks and normalises typed values; returns a message for the first one that cannot be written. */
function resolveChanges(changes: EntryChanges, reference: { epochMs: number; offsetMinutes: number }): Partial<Record<EntryField, string>> | string {
  const resolved: Partial<Record<EntryField, string>> = {};
  for (const field of ENTRY_FIELDS) {
    const typed = changes[field];
    if (typed === undefined) continue;
    const value = typed.trim();
    if (field === 'at') {
      const at = resolveTimeInput(value, reference);
      if (!at) return `"${value}" is not a time. ${TIME_INPUT_HINT}`;
      resolved.at = at;
    } else if (field === 'kind') {
      if (!isTimelineKind(value)) return `The kind must be one of: ${TIMELINE_KINDS.join(', ')}.`;
      resolved.kind = value;
    } else if (field === 'text') {
      if (!value) return 'An entry needs a text: what happened.';
      resolved.text = value;
    } else {
      resolved[field] = value;
    }
  }
  return resolved;
}

function referenceFor(fm: FrontMatterText, epochMs: number | undefined): { epochMs: number; offsetMinutes: number } {
  const offsetMinutes = incidentOffset(fm.value);
  const started = parseTimestamp(asText(fm.value.started))?.epochMs;
  return { epochMs: epochMs ?? started ?? nowMs(), offsetMinutes };
}

/** Changes some fields of entry `index`. */
export function editEntry(source: IncidentSource, index: number, changes: EntryChanges): TimelineEditResult {
  const timeline = readTimeline(source);
  if (typeof timeline === 'string') return fail(timeline);
  const { fm, items, values } = timeline;
  const item = items[index];
  const current = values[index];
  if (!item || item.kind !== 'map' || !isRecord(current)) return fail('That entry is no longer in the timeline.');

  const resolved = resolveChanges(changes, referenceFor(fm, epochOf(current)));
  if (typeof resolved === 'string') return fail(resolved);
  // Only what differs is written: an unchanged field keeps its exact spelling.
  for (const field of ENTRY_FIELDS) if (resolved[field] !== undefined && resolved[field] === asText(current[field]) && field in current) delete resolved[field];
  // The same moment typed another way keeps the time as written.
  if (resolved.at !== undefined && parseTimestamp(resolved.at)?.epochMs === epochOf(current)) delete resolved.at;
  for (const field of OPTIONAL) if (resolved[field] === '' && !(field in current)) delete resolved[field];
  if (Object.keys(resolved).length === 0) return { ok: true, edits: [], index };

  const flow = fm.text[fm.offset(item)] === '{';
  const splices = ENTRY_FIELDS.flatMap((field) => {
    const value = resolved[field];
    return value === undefined ? [] : [fieldSplice(fm, item, field, value, flow)];
  });

  const changedFine = (entry: unknown): boolean => {
    if (!isRecord(entry)) return false;
    for (const field of ENTRY_FIELDS) {
      const wanted = resolved[field];
      if (wanted === undefined) continue;
      if (wanted === '' ? field in entry : asText(entry[field]) !== wanted) return false;
    }
    // Every field the edit did not name reads as before (unknown fields included).
    const rest = (value: Record<string, unknown>) => JSON.stringify(Object.entries(value).filter(([key]) => !(key in resolved)));
    return rest(entry) === rest(current);
  };

  const blocks = itemBlocks(fm, timeline.seq);
  if (!blocks) {
    // A flow list (`timeline: [...]`): edited in place, checked by reading the whole file again.
    return verified(fm, splices, index, (after) => after.length === values.length && changedFine(after[index]) && JSON.stringify(after.filter((_, i) => i !== index)) === JSON.stringify(values.filter((_, i) => i !== index)));
  }
  // A block list: the entry's own lines are all that change, so reading them alone is the check.
  const block = blocks[index];
  const newBlock = applySplices(fm.text.slice(block.start, block.end), splices, block.start);
  if (!changedFine(readBlock(newBlock, fm.eol))) return fail(UNSAFE);
  const newTime = resolved.at !== undefined ? parseTimestamp(resolved.at)?.epochMs : undefined;
  if (newTime === undefined || inOrder(values, index, newTime)) return done(fm, splices, index);
  // Out of order now: the entry's lines (and the comment above them) move to where the time belongs.
  const target = targetIndex(values, index, newTime);
  const moved = withEol(newBlock, fm.eol);
  const insertAt = target < values.length ? blocks[target].start : blocks[blocks.length - 1].end;
  const insertText = startsLine(fm.text, insertAt) ? moved : fm.eol + moved;
  const result = [{ start: block.start, end: block.end, text: '' }, { start: insertAt, end: insertAt, text: insertText }];
  return done(fm, result, target > index ? target - 1 : target);
}

/** Removes entry `index` and its lines (with the comment lines right above it). */
export function deleteEntry(source: IncidentSource, index: number): TimelineEditResult {
  const timeline = readTimeline(source);
  if (typeof timeline === 'string') return fail(timeline);
  const { fm, seq, items, values } = timeline;
  const item = items[index];
  if (!item) return fail('That entry is no longer in the timeline.');
  const blocks = itemBlocks(fm, seq);
  if (!blocks) return verified(fm, [listItemRemoval(fm, items, index)], -1, (after) => JSON.stringify(after) === JSON.stringify(values.filter((_, i) => i !== index)));
  // Whole lines of one item of a block list: what remains is the list without it.
  if (items.length > 1) return done(fm, [{ start: blocks[index].start, end: blocks[index].end, text: '' }], -1);
  // The last entry: the list stays a list, so the file stays valid; a comment after `timeline:` stays on its line.
  const key = findEntry(fm.locator.root, 'timeline')!.key;
  const keyEnd = fm.endOffset(key);
  const comment = fm.text.slice(keyEnd, fm.lines.lineEnd(fm.lineOf(keyEnd))).replace(/^\s*:/, '');
  return done(fm, [{ start: keyEnd, end: blocks[0].end, text: `: []${comment}${fm.eol}` }], -1);
}

/** Adds an entry where its time belongs: before the first later entry, else at the end. */
export function addEntry(source: IncidentSource, entry: NewEntry): TimelineEditResult {
  const fm = parsedOf(source);
  if (!fm) return fail(UNREADABLE);
  const values = Array.isArray(fm.value.timeline) ? (fm.value.timeline as unknown[]) : [];
  const latest = values.reduce<number | undefined>((max, value) => {
    const time = epochOf(value);
    return time !== undefined && (max === undefined || time > max) ? time : max;
  }, undefined);
  const resolved = resolveChanges({ at: entry.at, kind: entry.kind, who: entry.who ?? '', text: entry.text, evidence: entry.evidence ?? '' }, referenceFor(fm, latest));
  if (typeof resolved === 'string') return fail(resolved);
  const time = parseTimestamp(resolved.at!)!.epochMs;
  const fields = ENTRY_FIELDS.filter((field) => resolved[field]).map((field) => [field, resolved[field]!] as const);

  const seq = fm.node(['timeline']);
  const target = values.findIndex((value) => (epochOf(value) ?? Number.NEGATIVE_INFINITY) > time);
  const index = target === -1 ? values.length : target;
  const isNew = (value: unknown) => isRecord(value) && Object.keys(value).length === fields.length && fields.every(([field, written]) => asText(value[field]) === written);
  const blocks = seq && values.length > 0 ? itemBlocks(fm, seq) : undefined;
  if (seq && blocks) {
    // A block list: a new block of whole lines, in the style of its neighbours; reading it alone is the check.
    const items = seq.items ?? [];
    const sample = items[target === -1 ? items.length - 1 : target];
    const dash = fm.indentAt(fm.offset(sample));
    const written = fm.text[fm.offset(sample)] === '{' ? `${dash}- ${flowMap(fields)}${fm.eol}` : blockItem(fields, dash, ' '.repeat(fm.lines.positionAt(fm.offset(sample)).character), fm.eol);
    if (!isNew(readBlock(written, fm.eol))) return fail(UNSAFE);
    const at = target === -1 ? blocks[blocks.length - 1].end : blocks[target].start;
    return done(fm, [{ start: at, end: at, text: startsLine(fm.text, at) ? written : fm.eol + written }], index);
  }
  let splice: Splice;
  if (!seq || values.length === 0) {
    splice = newTimeline(fm, fields);
  } else {
    const items = seq.items ?? [];
    const written = flowMap(fields);
    splice = target === -1 ? { start: fm.endOffset(items[items.length - 1]), end: fm.endOffset(items[items.length - 1]), text: `, ${written}` } : { start: fm.offset(items[target]), end: fm.offset(items[target]), text: `${written}, ` };
  }
  return verified(fm, [splice], index, (after) => after.length === values.length + 1 && isNew(after[index]) && JSON.stringify(after.filter((_, i) => i !== index)) === JSON.stringify(values));
}

/** The `timeline:` key with one block-style entry, replacing an empty value or added at the end. */
function newTimeline(fm: FrontMatterText, fields: readonly (readonly [EntryField, string])[]): Splice {
  const key = findEntry(fm.locator.root, 'timeline')?.key;
  if (key) {
    const keyIndent = fm.indentAt(fm.offset(key));
    const item = blockItem(fields, `${keyIndent}  `, `${keyIndent}    `, fm.eol).replace(/(\r\n|\n)$/, '');
    const lineEnd = fm.lines.lineEnd(fm.lineOf(fm.offset(key)));
    return { start: fm.endOffset(key), end: lineEnd, text: `:${fm.eol}${item}` };
  }
  return { start: fm.yamlEnd, end: fm.yamlEnd, text: `timeline:${fm.eol}${blockItem(fields, '  ', '    ', fm.eol)}` };
}

function blockItem(fields: readonly (readonly [EntryField, string])[], dash: string, keys: string, eol: string): string {
  return fields.map(([field, value], i) => `${i === 0 ? `${dash}- ` : keys}${field}: ${entryScalar(value, false)}${eol}`).join('');
}

function flowMap(fields: readonly (readonly [EntryField, string])[]): string {
  return `{${fields.map(([field, value]) => `${field}: ${entryScalar(value, true)}`).join(', ')}}`;
}

/** Where in the entry's map one field's new value goes: replace it, remove it, or insert it in the usual order. */
function fieldSplice(fm: FrontMatterText, item: YamlNode, field: EntryField, value: string, flow: boolean): Splice {
  const entries = item.entries ?? [];
  const position = entries.findIndex((entry) => String(entry.key.value) === field);
  const existing = position === -1 ? undefined : entries[position];
  if (existing && value === '') return fieldRemoval(fm, entries, position, flow);
  const scalar = entryScalar(value, flow);
  if (existing) {
    const node = existing.value;
    if (node.span.end > node.span.start && fm.offset(node) >= fm.endOffset(existing.key)) {
      return { start: fm.offset(node), end: fm.endOffset(node), text: scalar };
    }
    // `who:` with nothing after it: the value goes after the colon.
    const keyEnd = fm.endOffset(existing.key);
    const stop = flow ? indexOfAny(fm.text, ',}', keyEnd) : fm.lines.lineEnd(fm.lineOf(keyEnd));
    return { start: keyEnd, end: stop, text: `: ${scalar}` };
  }
  // After the last field that comes before it in the usual order (at, kind, who, text, evidence).
  const order = ENTRY_FIELDS.indexOf(field);
  let anchor: YamlEntry | undefined;
  for (const entry of entries) {
    const rank = ENTRY_FIELDS.indexOf(String(entry.key.value) as EntryField);
    if (rank !== -1 && rank < order) anchor = entry;
  }
  anchor ??= entries[entries.length - 1];
  const anchorEnd = Math.max(fm.endOffset(anchor.value), fm.endOffset(anchor.key));
  if (flow) return { start: anchorEnd, end: anchorEnd, text: `, ${field}: ${scalar}` };
  const indent = ' '.repeat(fm.lines.positionAt(fm.offset(entries[0].key)).character);
  const at = fm.nextLineStart(anchorEnd);
  return { start: at, end: at, text: `${startsLine(fm.text, at) ? '' : fm.eol}${indent}${field}: ${scalar}${fm.eol}` };
}

function fieldRemoval(fm: FrontMatterText, entries: readonly YamlEntry[], position: number, flow: boolean): Splice {
  const entry = entries[position];
  const next = entries[position + 1];
  const end = Math.max(fm.endOffset(entry.value), fm.endOffset(entry.key));
  if (flow) {
    if (next) return { start: fm.offset(entry.key), end: fm.offset(next.key), text: '' };
    const previous = entries[position - 1];
    return { start: previous ? Math.max(fm.endOffset(previous.value), fm.endOffset(previous.key)) : fm.offset(entry.key), end, text: '' };
  }
  // The first field shares its line with the item's dash: the next field moves up instead.
  if (position === 0 && next) return { start: fm.offset(entry.key), end: fm.offset(next.key), text: '' };
  const start = fm.lines.lineStart(fm.lineOf(fm.offset(entry.key)));
  return { start, end: fm.nextLineStart(end - 1), text: '' };
}

function listItemRemoval(fm: FrontMatterText, items: readonly YamlNode[], index: number): Splice {
  const item = items[index];
  if (items[index + 1]) return { start: fm.offset(item), end: fm.offset(items[index + 1]), text: '' };
  if (index > 0) return { start: fm.endOffset(items[index - 1]), end: fm.endOffset(item), text: '' };
  return { start: fm.offset(item), end: fm.endOffset(item), text: '' };
}

/** The entry fits between its neighbours in the file (ignoring neighbours without a readable time). */
function inOrder(values: readonly unknown[], index: number, time: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const before = epochOf(values[i]);
    if (before !== undefined) {
      if (before > time) return false;
      break;
    }
  }
  for (let i = index + 1; i < values.length; i++) {
    const after = epochOf(values[i]);
    if (after !== undefined) return time <= after;
  }
  return true;
}

/** The original index of the first other entry later than `time` (values.length: at the end). */
function targetIndex(values: readonly unknown[], index: number, time: number): number {
  for (let i = 0; i < values.length; i++) {
    if (i === index) continue;
    const other = epochOf(values[i]);
    if (other !== undefined && other > time) return i;
  }
  return values.length;
}

/** True when `offset` is at the start of a line (so an inserted line needs no break before it). */
function startsLine(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r';
}

function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i])) return i;
  return text.length;
}

function applySplices(text: string, splices: readonly Splice[], base: number): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, splice.start - base) + splice.text + result.slice(splice.end - base);
  }
  return result;
}

function withEol(block: string, eol: string): string {
  return /(\r\n|\n|\r)$/.test(block) ? block : block + eol;
}

/** One item's lines read on their own, as the only item of a list; undefined when they are not exactly one item. */
function readBlock(block: string, eol: string): unknown {
  const parsed = parseYamlWithSpans(`timeline:${eol}${withEol(block, eol)}`);
  if (!parsed.ok || !isRecord(parsed.value)) return undefined;
  const list = parsed.value.timeline;
  return Array.isArray(list) && list.length === 1 ? list[0] : undefined;
}

function done(fm: FrontMatterText, splices: readonly Splice[], index: number): TimelineEditResult {
  return { ok: true, edits: splices.map((splice) => ({ range: fm.lines.rangeOf({ start: splice.start, end: splice.end }), newText: splice.text })), index };
}

/** Applies the splices to a copy, re-reads it, and returns the edits only when `check` agrees. */
function verified(fm: FrontMatterText, splices: readonly Splice[], index: number, check: (timeline: readonly unknown[]) => boolean): TimelineEditResult {
  const after = FrontMatterText.parse(applySplices(fm.text, splices, 0));
  if (!after) return fail(UNSAFE);
  const timeline = after.value.timeline;
  if (!Array.isArray(timeline) || !check(timeline)) return fail(UNSAFE);
  // Everything outside the timeline must read the same as before.
  const { timeline: _before, ...restBefore } = fm.value;
  const { timeline: _after, ...restAfter } = after.value;
  if (JSON.stringify(restBefore) !== JSON.stringify(restAfter)) return fail(UNSAFE);
  return done(fm, splices, index);
}
