/**
 * Parses YAML into plain values plus a tree of source spans, in one pass of
 * js-yaml (its `listener` reports where each node opens and closes). This is
 * an order of magnitude faster than building a `yaml` Document, which is kept
 * for edits only, where comments and formatting must survive.
 */
import * as jsYaml from 'js-yaml';
import type { Span } from './text';

export type YamlNodeKind = 'map' | 'seq' | 'scalar';

export interface YamlNode {
  readonly kind: YamlNodeKind;
  /** Span of the node's own text, trimmed of surrounding blanks; offsets in the parsed text. */
  readonly span: Span;
  readonly value: unknown;
  /** For maps: key/value pairs in source order. */
  readonly entries?: readonly YamlEntry[];
  /** For sequences: items in source order. */
  readonly items?: readonly YamlNode[];
}

export interface YamlEntry {
  readonly key: YamlNode;
  readonly value: YamlNode;
}

export type YamlParseResult =
  | { ok: true; value: unknown; root: YamlNode | undefined }
  | { ok: false; message: string; offset: number };

interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

/**
 * Children as the listener collects them, three slots each: a collection's
 * node (then two unused slots), or a scalar's value, raw start and raw end.
 * Scalars - most nodes: every timeline text, time and kind - become nodes
 * only when asked for, which few ever are.
 */
type Slots = unknown[];

/**
 * A node as the listener builds it. Spans are trimmed, map entries paired
 * and scalar children made into nodes only when asked for: most nodes
 * (timeline text, say) are never pointed at, and a 2,000-entry timeline has
 * some 20,000 of them.
 */
class Node implements YamlNode {
  private trimmed: Span | undefined;
  private built: YamlNode[] | undefined;
  private paired: YamlEntry[] | undefined;

  constructor(
    readonly kind: YamlNodeKind,
    readonly value: unknown,
    private readonly text: string,
    private readonly rawStart: number,
    private readonly rawEnd: number,
    private readonly slots: Slots | undefined,
  ) {}

  get span(): Span {
    if (!this.trimmed) {
      const span = trimSpan(this.text, this.rawStart, this.rawEnd);
      const first = this.kind === 'map' && this.slots !== undefined && this.slots.length > 0 ? slotStart(this.text, this.slots, 0) : undefined;
      this.trimmed = first !== undefined ? { start: Math.min(span.start, first), end: span.end } : span;
    }
    return this.trimmed;
  }

  get entries(): readonly YamlEntry[] | undefined {
    if (this.kind !== 'map') return undefined;
    if (!this.paired) {
      const children = this.children();
      const entries: YamlEntry[] = [];
      for (let i = 0; i + 1 < children.length; i += 2) entries.push({ key: children[i], value: children[i + 1] });
      this.paired = entries;
    }
    return this.paired;
  }

  get items(): readonly YamlNode[] | undefined {
    return this.kind === 'seq' ? this.children() : undefined;
  }

  private children(): YamlNode[] {
    if (!this.built) {
      const slots = this.slots ?? [];
      const children: YamlNode[] = [];
      for (let i = 0; i < slots.length; i += 3) children.push(slotNode(this.text, slots, i));
      this.built = children;
    }
    return this.built;
  }
}

function slotNode(text: string, slots: Slots, i: number): YamlNode {
  const held = slots[i];
  return held instanceof Node ? held : new Node('scalar', held, text, slots[i + 1] as number, slots[i + 2] as number, undefined);
}

/** Where the child in slot `i` starts, without making it a node. */
function slotStart(text: string, slots: Slots, i: number): number {
  const held = slots[i];
  return held instanceof Node ? held.span.start : trimSpan(text, slots[i + 1] as number, slots[i + 2] as number).start;
}

export function parseYamlWithSpans(text: string): YamlParseResult {
  // The open nodes, as parallel stacks: where each started, and its children so far.
  const starts: number[] = [];
  const kids: (Slots | undefined)[] = [];
  let depth = 0;
  let root: YamlNode | undefined;

  const listener = (event: string, state: ListenerState): void => {
    if (event === 'open') {
      starts[depth] = state.position;
      kids[depth] = undefined;
      depth++;
      return;
    }
    if (depth === 0) return;
    depth--;
    const start = starts[depth];
    const slots = kids[depth];
    kids[depth] = undefined;
    const value = state.result;
    let held: unknown;
    let heldStart = 0;
    let heldEnd = 0;
    if (slots !== undefined && slots.length === 3 && (slots[0] instanceof Node ? slots[0].value : slots[0]) === value) {
      // js-yaml nests a node inside a wrapper of the same value for compact
      // sequence entries; keep the inner one, its span is the tight one.
      held = slots[0];
      heldStart = slots[1] as number;
      heldEnd = slots[2] as number;
    } else if (state.kind === 'mapping' && value !== null && typeof value === 'object') {
      held = new Node('map', value, text, start, state.position, slots);
    } else if (state.kind === 'sequence' && Array.isArray(value)) {
      held = new Node('seq', value, text, start, state.position, slots);
    } else {
      held = value;
      heldStart = start;
      heldEnd = state.position;
    }
    if (depth > 0) {
      const siblings = kids[depth - 1];
      if (siblings) siblings.push(held, heldStart, heldEnd);
      else kids[depth - 1] = [held, heldStart, heldEnd];
    } else {
      root = slotNode(text, [held, heldStart, heldEnd], 0);
    }
  };

  try {
    // CORE_SCHEMA keeps timestamps as strings, as the format requires.
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener } as jsYaml.LoadOptions);
    return { ok: true, value, root };
  } catch (error) {
    return toFailure(error, text);
  }
}

/** Skips leading blanks and comments, and trailing blanks and comments. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = Math.min(end, text.length);
  for (;;) {
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    if (s < e && text.charCodeAt(s) === 35 /* # */ && (s === 0 || isBlank(text.charCodeAt(s - 1)))) {
      while (s < e && text.charCodeAt(s) !== 10 && text.charCodeAt(s) !== 13) s++;
      continue;
    }
    break;
  }
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  // A trailing comment line after a block collection belongs to no node.
  for (;;) {
    const lineStart = lineStartBefore(text, s, e);
    if (lineStart <= s) break;
    const line = text.slice(lineStart, e).trimStart();
    if (!line.startsWith('#')) break;
    e = lineStart;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  }
  return { start: s, end: Math.max(s, e) };
}

/**
 * Start of the line that holds offset `end - 1`, or `start` when that line
 * begins at or before `start`. Scans back no further than `start`:
 * `lastIndexOf('\r')` in a file without CRs would scan to the top of the text
 * for every node, which made parsing quadratic.
 */
function lineStartBefore(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return start;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function toFailure(error: unknown, text: string): YamlParseResult {
  if (error instanceof jsYaml.YAMLException) {
    const mark = (error as jsYaml.YAMLException & { mark?: { position?: number } }).mark;
    const offset = Math.min(mark?.position ?? 0, text.length);
    return { ok: false, message: error.reason || 'the YAML could not be read', offset };
  }
  if (error instanceof RangeError) {
    return { ok: false, message: 'the YAML is nested too deeply to read', offset: 0 };
  }
  return { ok: false, message: error instanceof Error ? error.message : String(error), offset: 0 };
}

/** Looks up the node at a path of keys and indexes. */
export function nodeAt(root: YamlNode | undefined, path: readonly (string | number)[]): YamlNode | undefined {
  let node = root;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') node = node.items?.[part];
    else node = findEntry(node, part)?.value;
  }
  return node;
}

export function findEntry(node: YamlNode | undefined, key: string): YamlEntry | undefined {
  if (!node?.entries) return undefined;
  // The last entry wins in YAML semantics; duplicates are a parse error anyway.
  for (let i = node.entries.length - 1; i >= 0; i--) {
    // Keys YAML reads as numbers, booleans or null (`2026:`, `true:`) are strings in the parsed value.
    if (String(node.entries[i].key.value) === key) return node.entries[i];
  }
  return undefined;
}
