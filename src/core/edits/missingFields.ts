/**
 * Quick fixes for `missing-field`, at the top level and in list items. A
 * required field is added with a value that stands on its own where there is
 * one (the next free id, now for a time), with each allowed value where the
 * user has to choose (a timeline entry's kind), and empty with the cursor in
 * it where only the user knows the value (a title, a sha): that problem stays
 * until they have written it, as it should.
 */
import type { Diagnostic } from '../diagnostics';
import { nextActionId } from '../ids';
import type { YamlPath } from '../located';
import { COMMIT_ROLES, DEFAULT_SEVERITIES, FACTOR_KINDS, usualSeverity } from '../schema';
import { TIMELINE_KINDS } from '../timelineKinds';
import { findEntry } from '../yamlTree';
import { type FrontMatterText, insertFieldFirst, setField } from './frontMatterEdits';
import type { QuickFix, QuickFixContext } from './quickFix';
import { positionInNewText } from './textEdit';

interface Facts {
  readonly fm: FrontMatterText;
  readonly context: QuickFixContext;
  /** Now, as a timestamp in the user's offset. */
  readonly now: string;
}

/** Ways to add the one missing field. */
interface Adder {
  value(value: string, label?: { note?: string; title?: string }): QuickFix[];
  choices(values: readonly string[], preferred?: string): QuickFix[];
  blank(): QuickFix[];
}

interface Rule {
  /** First in its map (ids and times, where people look for them), or after the first of these siblings there is (else last). */
  readonly place: 'first' | readonly string[];
  fill(add: Adder, facts: Facts): QuickFix[];
}

const blank = (add: Adder) => add.blank();

const TOP_LEVEL: Readonly<Record<string, Rule>> = {
  id: {
    place: [],
    fill: (add, { fm, context }) => {
      const started = typeof fm.value.started === 'string' ? Number(fm.value.started.slice(0, 4)) : NaN;
      return add.value(context.nextId(Number.isFinite(started) ? started : new Date(context.nowMs).getUTCFullYear()), { note: 'the next free id' });
    },
  },
  title: { place: ['id'], fill: (add, { context }) => add.value(titleFromFileName(context.fileName), { title: 'Add a title from the file name' }) },
  status: { place: ['title'], fill: (add) => add.value('investigating') },
  severity: { place: ['status'], fill: (add, { context }) => add.value(usualSeverity(context.severities ?? DEFAULT_SEVERITIES)) },
  started: { place: ['severity'], fill: (add, { now }) => add.value(now, { note: 'now' }) },
};

/** The required fields of list items, by list; the format names them in its tables. */
const ITEM_FIELDS: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  code: { path: { place: 'first', fill: blank } },
  commits: {
    sha: { place: 'first', fill: blank },
    // A commit linked from its message is `related` unless the incident says otherwise.
    role: { place: ['sha'], fill: (add) => add.choices(COMMIT_ROLES, 'related') },
  },
  factors: {
    kind: { place: 'first', fill: (add) => add.choices(FACTOR_KINDS) },
    text: { place: ['kind'], fill: blank },
  },
  actions: {
    id: { place: 'first', fill: (add, { fm }) => add.value(nextActionId(actionIds(fm)), { note: 'the next free id' }) },
    title: { place: ['id'], fill: blank },
    status: { place: [], fill: (add) => add.value('open') },
  },
  timeline: {
    at: { place: 'first', fill: (add, { now }) => add.value(now, { note: 'now' }) },
    kind: { place: ['at'], fill: (add) => add.choices(TIMELINE_KINDS) },
    text: { place: ['who', 'kind', 'at'], fill: blank },
  },
};

export function missingFieldFixes(fm: FrontMatterText, d: Diagnostic, context: QuickFixContext, now: string): QuickFix[] {
  const field = d.data?.field;
  const parent = d.data?.path;
  if (typeof field !== 'string' || !Array.isArray(parent)) return [];
  const parentPath = parent.map((part) => (/^\d+$/.test(String(part)) ? Number(part) : String(part)));
  const rule = ruleFor(parentPath, field);
  return rule ? rule.fill(adder(fm, [...parentPath, field], rule.place), { fm, context, now }) : [];
}

function ruleFor(parentPath: YamlPath, field: string): Rule | undefined {
  if (parentPath.length === 0) return Object.hasOwn(TOP_LEVEL, field) ? TOP_LEVEL[field] : undefined;
  const [list, index] = parentPath;
  if (parentPath.length !== 2 || typeof list !== 'string' || typeof index !== 'number' || !Object.hasOwn(ITEM_FIELDS, list)) return undefined;
  return Object.hasOwn(ITEM_FIELDS[list], field) ? ITEM_FIELDS[list][field] : undefined;
}

function adder(fm: FrontMatterText, path: YamlPath, place: Rule['place']): Adder {
  const field = String(path[path.length - 1]);
  const map = path.length === 1 ? fm.locator.root : fm.node(path.slice(0, -1));
  const add = (value: string) => (place === 'first' ? insertFieldFirst(fm, path, value) : setField(fm, path, value, place.find((name) => findEntry(map, name))));
  const fix = (title: string, value: string, preferred: boolean): QuickFix[] => {
    const edit = add(value);
    return edit ? [{ title, edits: [edit], preferred }] : [];
  };
  return {
    value: (value, label = {}) => fix(label.title ?? `Add \`${field}: ${value}\`${label.note ? ` (${label.note})` : ''}`, value, true),
    choices: (values, preferred) => {
      const ordered = preferred ? [preferred, ...values.filter((value) => value !== preferred)] : values;
      return ordered.flatMap((value) => fix(`Add \`${field}: ${value}\``, value, value === preferred));
    },
    blank: () => {
      const edit = add('');
      // Not preferred: an empty value is a start, not a fix, and "Fix all" should not write one.
      return edit ? [{ title: `Add an empty \`${field}\` to fill in`, edits: [edit], cursor: positionInNewText(edit, edit.newText.indexOf(': ""') + ': "'.length) }] : [];
    },
  };
}

function actionIds(fm: FrontMatterText): unknown[] {
  const actions = fm.value.actions;
  return Array.isArray(actions) ? actions.map((action: unknown) => (action !== null && typeof action === 'object' ? (action as { id?: unknown }).id : undefined)) : [];
}

function titleFromFileName(fileName: string): string {
  const slug = fileName.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-?/, '').replace(/[-_]+/g, ' ').trim();
  return slug ? slug[0].toUpperCase() + slug.slice(1) : 'What users saw';
}
