/**
 * Completion and hover in incident front matter (fields, allowed values,
 * services, people), from the text alone: the editor and the language server
 * both turn these suggestions into their own types.
 */
import { FIELD_DOCS } from '../fieldDocs';
import { splitFrontMatter } from '../frontMatter';
import { ACTION_KINDS, ACTION_STATUSES, COMMIT_ROLES, FACTOR_KINDS, knownFieldsAt, REVIEW_STATUSES, STANDARD_ROLES, STATUSES } from '../schema';
import { LineIndex, type Position, type Range } from '../text';
import { TIMELINE_KINDS } from '../timelineKinds';
import { parseYamlWithSpans } from '../yamlTree';

export type SuggestionKind = 'field' | 'value' | 'service' | 'person';

export interface Suggestion {
  readonly label: string;
  readonly kind: SuggestionKind;
  /** Set for fields: the key and its colon, so the value can be typed next. */
  readonly insertText?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Keeps allowed values in the order the format lists them. */
  readonly sortText?: string;
}

export interface CompletionFacts {
  /** The folder's severity levels. */
  readonly severities: readonly string[];
  /** Service names from the catalog; undefined without one. */
  readonly services: Iterable<string> | undefined;
}

export interface FieldHover {
  /** Markdown. */
  readonly markdown: string;
  readonly range: Range;
}

const PEOPLE_KEYS = new Set(['owner', 'who', 'facilitator', ...STANDARD_ROLES]);

interface Place {
  /** The top-level field the cursor is under. */
  readonly section: string | undefined;
  readonly indent: number;
}

/** Suggestions at a position of an incident file's text; undefined outside the front matter or where nothing fits. */
export function completeFrontMatter(text: string, position: Position, facts: CompletionFacts): Suggestion[] | undefined {
  const doc = new TextLines(text);
  if (!inFrontMatter(text, doc.offsetAt(position), position)) return undefined;
  const before = doc.line(position.line).slice(0, position.character);
  const place = placeOf(doc, position.line);
  if (/^\s*(?:-\s+)?services:\s*\[[^\]]*$/.test(before)) return services(facts.services);
  const listItem = /^\s*-\s+([^:{]*)$/.exec(before);
  if (listItem && place.section === 'services') return services(facts.services);
  if (listItem && place.section === 'participants') return people(text);
  const value = /([\w-]+):\s*([^,{}[\]:]*)$/.exec(before);
  if (value) {
    // A key inside a flow map on a top-level line (`review: {facilitator: `) belongs to that field.
    const owner = /^([\w-]+):\s*[{[]/.exec(before);
    const section = owner && owner[1] !== value[1] ? owner[1] : place.section;
    return values(text, facts, value[1], section);
  }
  const keyMatch = /^(\s*)(?:-\s+)?([\w-]*)$/.exec(before);
  if (keyMatch) return keys(doc, keyMatch[1].length, place);
  return undefined;
}

/** The explanation of a top-level field, when the position is on its key. */
export function hoverFrontMatter(text: string, position: Position): FieldHover | undefined {
  const doc = new TextLines(text);
  if (!inFrontMatter(text, doc.offsetAt(position), position)) return undefined;
  const line = doc.line(position.line);
  const word = wordAt(line, position.character);
  if (!word) return undefined;
  const isKey = /^\s*(?:-\s+)?$/.test(line.slice(0, word.start)) && line.slice(word.end).startsWith(':');
  const name = line.slice(word.start, word.end);
  if (!isKey || word.start !== 0 || !FIELD_DOCS[name]) return undefined;
  return { markdown: `**${name}** — ${FIELD_DOCS[name]}`, range: { start: { line: position.line, character: word.start }, end: { line: position.line, character: word.end } } };
}

/** The run of word characters and dashes that touches a column, as the editor's word range finds it. */
function wordAt(line: string, character: number): { start: number; end: number } | undefined {
  for (const match of line.matchAll(/[\w-]+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start <= character && character <= end) return { start, end };
  }
  return undefined;
}

function keys(doc: TextLines, indent: number, place: Place): Suggestion[] {
  const section = indent === 0 ? undefined : place.section;
  const present = indent === 0 ? presentTopLevelKeys(doc) : new Set<string>();
  return knownFieldsAt(section ? [section] : [])
    .filter((name) => !present.has(name))
    .map((name) => ({ label: name, kind: 'field', insertText: `${name}: `, ...(section ? {} : { documentation: FIELD_DOCS[name] ?? '' }) }));
}

function values(text: string, facts: CompletionFacts, key: string, section: string | undefined): Suggestion[] | undefined {
  const choices = allowedValues(key, section, facts.severities);
  if (choices) return choices.map((value, order) => ({ label: value, kind: 'value', sortText: String(order).padStart(3, '0') }));
  if (key === 'services') return services(facts.services);
  if (PEOPLE_KEYS.has(key) || section === 'roles') return people(text);
  return undefined;
}

function services(names: Iterable<string> | undefined): Suggestion[] {
  return [...(names ?? [])].map((name) => ({ label: name, kind: 'service' }));
}

function people(text: string): Suggestion[] {
  return [...peopleIn(text)].sort().map((name) => ({ label: name, kind: 'person' }));
}

function allowedValues(key: string, section: string | undefined, severities: readonly string[]): readonly string[] | undefined {
  if (key === 'severity' && !section) return severities;
  if (key === 'status') {
    if (section === 'actions') return ACTION_STATUSES;
    if (section === 'review') return REVIEW_STATUSES;
    return section ? undefined : STATUSES;
  }
  if (key === 'kind') {
    if (section === 'timeline') return TIMELINE_KINDS;
    if (section === 'factors') return FACTOR_KINDS;
    if (section === 'actions') return ACTION_KINDS;
  }
  if (key === 'role' && section === 'commits') return COMMIT_ROLES;
  if (key === 'near_miss') return ['true', 'false'];
  return undefined;
}

function inFrontMatter(text: string, offset: number, position: Position): boolean {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return split.kind === 'unclosed' && position.line > 0;
  return offset >= split.yamlStart && offset <= split.yamlEnd;
}

/** The top-level field a line belongs to: none for a top-level key's own line. */
function placeOf(doc: TextLines, line: number): Place {
  const current = doc.line(line);
  const indent = /^\s*/.exec(current)![0].length;
  if (indent === 0 && !/^-\s/.test(current)) return { section: undefined, indent };
  for (let i = line - 1; i >= 1; i--) {
    const text = doc.line(i);
    if (text.startsWith('---')) break;
    const m = /^([\w-]+):/.exec(text);
    if (m) return { section: m[1], indent };
  }
  return { section: undefined, indent };
}

function presentTopLevelKeys(doc: TextLines): Set<string> {
  const keys = new Set<string>();
  for (let i = 1; i < doc.lineCount; i++) {
    const text = doc.line(i);
    if (text.startsWith('---')) break;
    const m = /^([\w-]+):/.exec(text);
    if (m) keys.add(m[1]);
  }
  return keys;
}

/** People already named in the incident: roles, participants, owners, timeline `who`. */
function peopleIn(text: string): Set<string> {
  const people = new Set<string>();
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return people;
  const parsed = parseYamlWithSpans(text.slice(split.yamlStart, split.yamlEnd));
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return people;
  const fields = parsed.value as Record<string, unknown>;
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.trim()) people.add(value.trim());
  };
  if (fields.roles && typeof fields.roles === 'object') Object.values(fields.roles).forEach(add);
  if (Array.isArray(fields.participants)) fields.participants.forEach(add);
  for (const list of [fields.actions, fields.timeline]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (item && typeof item === 'object') add((item as Record<string, unknown>).owner ?? (item as Record<string, unknown>).who);
  }
  const review = fields.review as Record<string, unknown> | undefined;
  add(review?.facilitator);
  return people;
}

/** Lines of a text as the editor shows them (without their breaks). */
class TextLines {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  get lineCount(): number {
    return this.index.lineCount;
  }

  line(line: number): string {
    return this.text.slice(this.index.lineStart(line), this.index.lineEnd(line));
  }

  offsetAt(position: Position): number {
    return this.index.offsetAt(position);
  }
}
