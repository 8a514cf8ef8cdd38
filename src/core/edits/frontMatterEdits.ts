/**
 * Minimal edits to an incident's front matter: each touches only the lines
 * of the field it changes, so comments, unknown fields and formatting stay.
 */
import { stringify } from 'yaml';
import { splitFrontMatter } from '../frontMatter';
import { expandsTooFar } from '../lint';
import { FrontMatterLocator, type YamlPath } from '../located';
import { LineIndex, stripBom } from '../text';
import { parseTimestamp } from '../timestamps';
import { findEntry, parseYamlWithSpans, type YamlNode } from '../yamlTree';
import type { TextEdit } from './textEdit';

/** A parsed front matter ready for computing edits; undefined when it cannot be parsed. */
export class FrontMatterText {
  private constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly locator: FrontMatterLocator,
    readonly value: Record<string, unknown>,
    readonly yamlStart: number,
    readonly yamlEnd: number,
    readonly eol: string,
  ) {}

  static parse(rawText: string): FrontMatterText | undefined {
    // Editor text has no BOM; a BOM here would shift every offset by one.
    if (rawText !== stripBom(rawText)) return undefined;
    const split = splitFrontMatter(rawText);
    if (split.kind !== 'ok') return undefined;
    const yamlText = rawText.slice(split.yamlStart, split.yamlEnd);
    const parsed = parseYamlWithSpans(yamlText);
    if (!parsed.ok) return undefined;
    // An alias bomb reads back as shared references, but anything that walks it (a comparison, JSON) would not finish.
    if (expandsTooFar(yamlText, parsed.value)) return undefined;
    const value = parsed.value ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const lines = new LineIndex(rawText);
    const locator = new FrontMatterLocator(parsed.root, lines, split.yamlStart, { start: { line: 0, character: 0 }, end: { line: 0, character: split.openingEnd } });
    const eol = /\r\n/.test(rawText) ? '\r\n' : '\n';
    return new FrontMatterText(rawText, lines, locator, value as Record<string, unknown>, split.yamlStart, split.yamlEnd, eol);
  }

  node(path: YamlPath): YamlNode | undefined {
    return this.locator.node(path);
  }

  /** The absolute offset of a node's span start. */
  offset(node: YamlNode): number {
    return this.yamlStart + node.span.start;
  }

  endOffset(node: YamlNode): number {
    return this.yamlStart + node.span.end;
  }

  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line;
  }

  /** Indentation (spaces) of the line holding an offset. */
  indentAt(offset: number): string {
    const line = this.lineOf(offset);
    const start = this.lines.lineStart(line);
    return /^[ \t]*/.exec(this.text.slice(start, this.lines.lineEnd(line)))![0];
  }

  /** Offset of the start of the line after the one holding `offset` (or the end of the text). */
  nextLineStart(offset: number): number {
    const line = this.lineOf(offset);
    return line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
  }
}

/** A scalar written as YAML, quoted only where needed. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value === 'string' && parseTimestamp(value)) return value;
  return oneLine(value, stringify(value, { lineWidth: 0 }).replace(/\n$/, ''));
}

/** A scalar for a flow collection (`{a: b}`, `[a, b]`): also quoted where a comma or bracket would end it. */
export function flowScalar(value: string | number | boolean): string {
  if (typeof value === 'string' && parseTimestamp(value)) return value;
  const written = stringify([value], { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
  return oneLine(value, written.slice(1, -1));
}

/**
 * `yaml` writes multi-line strings, and ones that start like a document
 * marker (`... then`, `--- x`), as block scalars (`|-`) or folded lines,
 * which read back only where their indentation fits the spot they are put
 * in; double quotes (JSON's escapes are YAML's) keep any string on one line.
 */
function oneLine(value: string | number | boolean, written: string): string {
  return /[\r\n]/.test(written) ? JSON.stringify(value) : written;
}

function edit(fm: FrontMatterText, start: number, end: number, newText: string): TextEdit {
  return { range: fm.lines.rangeOf({ start, end }), newText };
}

/** Replaces a value in place. */
export function replaceValue(fm: FrontMatterText, path: YamlPath, value: string | number | boolean): TextEdit | undefined {
  const node = fm.node(path);
  if (!node || node.kind !== 'scalar' || node.span.end <= node.span.start) return setField(fm, path, value);
  return edit(fm, fm.offset(node), fm.endOffset(node), scalarFor(fm, fm.node(path.slice(0, -1)), value));
}

/** Renames a key, keeping its value and everything around it. */
export function renameKey(fm: FrontMatterText, path: YamlPath, newName: string): TextEdit | undefined {
  const parent = fm.node(path.slice(0, -1));
  const entry = findEntry(parent, String(path[path.length - 1]));
  if (!entry) return undefined;
  return edit(fm, fm.offset(entry.key), fm.endOffset(entry.key), newName);
}

/**
 * Sets a field of a map (the front matter, or a block-style item): replaces an
 * existing scalar value, or inserts `name: value` after the map's last line
 * with the map's indentation (after a given sibling where that reads better).
 */
export function setField(fm: FrontMatterText, path: YamlPath, value: string | number | boolean, after?: string): TextEdit | undefined {
  const parentPath = path.slice(0, -1);
  const name = String(path[path.length - 1]);
  const parent = parentPath.length === 0 ? fm.locator.root : fm.node(parentPath);
  const existing = findEntry(parent, name);
  if (existing && existing.value.kind === 'scalar' && existing.value.span.end > existing.value.span.start) {
    return edit(fm, fm.offset(existing.value), fm.endOffset(existing.value), scalarFor(fm, parent, value));
  }
  if (existing) {
    const keyEnd = fm.endOffset(existing.key);
    const lineEnd = fm.lines.lineEnd(fm.lineOf(keyEnd));
    return edit(fm, keyEnd, lineEnd, `: ${yamlScalar(value)}`);
  }
  if (parentPath.length === 0 && (!parent || !parent.entries || parent.entries.length === 0)) {
    // A front matter of just `null`, `~` or `{}`: the field takes its place (a line before it would not be YAML).
    if (parent && parent.span.end > parent.span.start) return edit(fm, fm.offset(parent), fm.endOffset(parent), `${name}: ${yamlScalar(value)}`);
    // YAML reads a byte order mark only as the stream's first character: the field goes after it.
    const at = fm.text.charCodeAt(fm.yamlStart) === 0xfeff ? fm.yamlStart + 1 : fm.yamlStart;
    return edit(fm, at, at, `${name}: ${yamlScalar(value)}${fm.eol}`);
  }
  // A list item written `{}` is a flow map with no entries yet: the field goes between the braces.
  if (parent?.kind === 'map' && isFlow(fm, parent)) return insertIntoFlowMap(fm, parent, name, value, after);
  if (!parent?.entries || parent.entries.length === 0) return undefined;
  const anchor = (after && findEntry(parent, after)) || parent.entries[parent.entries.length - 1];
  const indent = ' '.repeat(fm.lines.positionAt(fm.offset(parent.entries[0].key)).character);
  const insertAt = fm.nextLineStart(Math.max(fm.endOffset(anchor.value), fm.endOffset(anchor.key)));
  const needsBreak = insertAt === fm.text.length || !/[\r\n]/.test(fm.text.slice(insertAt - 1, insertAt));
  return edit(fm, insertAt, insertAt, `${needsBreak ? fm.eol : ''}${indent}${name}: ${yamlScalar(value)}${fm.eol}`);
}

/**
 * Inserts `name: value` as the first field of a map in a list (`id` of an
 * action, `at` of a timeline entry: where people look for them), moving the
 * old first field to a line of its own at the same indentation.
 */
export function insertFieldFirst(fm: FrontMatterText, path: YamlPath, value: string | number | boolean): TextEdit | undefined {
  const parent = fm.node(path.slice(0, -1));
  const name = String(path[path.length - 1]);
  if (parent?.kind !== 'map' || findEntry(parent, name)) return undefined;
  const first = parent.entries?.[0];
  if (!first) return setField(fm, path, value);
  const at = fm.offset(first.key);
  if (isFlow(fm, parent)) return edit(fm, at, at, `${flowScalar(name)}: ${flowScalar(value)}, `);
  const indent = ' '.repeat(fm.lines.positionAt(at).character);
  return edit(fm, at, at, `${name}: ${yamlScalar(value)}${fm.eol}${indent}`);
}

/** Whether a collection is written in flow style (`{...}` or `[...]`). */
export function isFlow(fm: FrontMatterText, node: YamlNode): boolean {
  const first = fm.text[fm.offset(node)];
  return first === '{' || first === '[';
}

/** A scalar quoted for where it goes: inside a flow collection, commas and brackets need quotes too. */
function scalarFor(fm: FrontMatterText, parent: YamlNode | undefined, value: string | number | boolean): string {
  return parent && parent.kind !== 'scalar' && isFlow(fm, parent) ? flowScalar(value) : yamlScalar(value);
}

function insertIntoFlowMap(fm: FrontMatterText, map: YamlNode, name: string, value: string | number | boolean, after?: string): TextEdit {
  const anchor = after ? findEntry(map, after) : undefined;
  if (anchor) {
    const at = Math.max(fm.endOffset(anchor.key), fm.endOffset(anchor.value));
    return edit(fm, at, at, `, ${flowScalar(name)}: ${flowScalar(value)}`);
  }
  const closing = fm.endOffset(map) - 1;
  const before = fm.text.slice(fm.offset(map), closing).trimEnd();
  const separator = before.endsWith('{') ? '' : ', ';
  return edit(fm, closing, closing, `${separator}${flowScalar(name)}: ${flowScalar(value)}`);
}

/** Block sequence items as whole-line blocks, for moves and sorting. */
export function itemBlocks(fm: FrontMatterText, seq: YamlNode): { start: number; end: number }[] | undefined {
  const items = seq.items ?? [];
  if (items.length === 0 || fm.text[fm.offset(seq)] === '[') return undefined;
  const itemLines = items.map((item) => fm.lineOf(fm.offset(item)));
  // Comment lines right above an item describe it, so they move with it.
  const starts = itemLines.map((line, i) => {
    let first = line;
    // Above the first item the walk stops at the list's key line (not a comment); the list's own span starts at that item.
    const floor = i === 0 ? -1 : itemLines[i - 1];
    while (first - 1 > floor && /^\s*#/.test(fm.text.slice(fm.lines.lineStart(first - 1), fm.lines.lineEnd(first - 1)))) first--;
    return fm.lines.lineStart(first);
  });
  const lastEnd = fm.nextLineStart(fm.endOffset(items[items.length - 1]) - 1);
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : lastEnd }));
}

/** Sorts the timeline by time, moving whole entries (their comments go with them). Stable for equal times. */
export function sortTimeline(fm: FrontMatterText): TextEdit | undefined {
  const seq = fm.node(['timeline']);
  const timeline = fm.value.timeline;
  if (!seq || !Array.isArray(timeline)) return undefined;
  const blocks = itemBlocks(fm, seq);
  if (!blocks) return undefined;
  const keyed = blocks.map((block, index) => {
    const at = (timeline[index] as { at?: unknown } | null)?.at;
    const time = typeof at === 'string' ? parseTimestamp(at)?.epochMs : undefined;
    return { block, index, time: time ?? Number.POSITIVE_INFINITY };
  });
  const sorted = [...keyed].sort((a, b) => a.time - b.time || a.index - b.index);
  if (sorted.every((item, i) => item.index === i)) return undefined;
  const start = blocks[0].start;
  const end = blocks[blocks.length - 1].end;
  const pieces = sorted.map((item) => withEol(fm.text.slice(item.block.start, item.block.end), fm.eol));
  let newText = pieces.join('');
  if (!/[\r\n]$/.test(fm.text.slice(start, end))) newText = newText.replace(/(\r\n|\n)$/, '');
  return edit(fm, start, end, newText);
}

function withEol(block: string, eol: string): string {
  return /(\r\n|\n|\r)$/.test(block) ? block : block + eol;
}
