/**
 * Action items from bullets, checkboxes (`- [x]` is done) and tables with
 * owner, due and status columns. Items get ids A1, A2... in source order.
 * A status the source does not give is `open`: the importer cannot know
 * what was done since.
 */
import { inOrder, isoDate, orderNote, parseLooseDate, type OrderChoice } from './dates';
import { flattenItem, readBlocks, stripInline } from './markdown';
import { isRealValue } from './stats';
import { blankOr, oneOf, trimEndWhere } from './trim';
import type { ActionItem, ActionKind, ActionStatus, LocalDate } from './types';
import { paragraphs } from './factors';

export interface ActionReading {
  readonly actions: ActionItem[];
  readonly kept: string[];
  /** Column headings of the tables the actions came from. */
  readonly columns: string[];
  /** How written values were read ("June 28" as 2024-06-28), for the report. */
  readonly notes: string[];
  /** Guesses to keep in the imported file (the order of `04/05/2024`). */
  readonly choices: string[];
}

/** What places a due date: the incident's date for "June 28", the document's order for `04/05/2024`. */
interface DueDating {
  readonly referenceDate?: LocalDate;
  readonly order?: OrderChoice;
  readonly choices: string[];
}

interface Draft {
  title: string;
  notes?: string[];
  owner?: string;
  due?: string;
  status: ActionStatus;
  kind?: ActionKind;
  link?: string;
  reason?: string;
}

/** `referenceDate` (when the incident started) places due dates written without a year; `order` reads `04/05/2024`. */
export function readActions(lines: readonly string[], referenceDate: LocalDate | undefined, order?: OrderChoice): ActionReading {
  const dating: DueDating = { referenceDate, order, choices: [] };
  const drafts: Draft[] = [];
  const kept: string[] = [];
  const columns: string[] = [];
  const blocks = readBlocks([...lines]);
  const hasItems = blocks.some((b) => b.kind === 'list' || b.kind === 'table');
  for (const block of blocks) {
    if (block.kind === 'list') {
      for (const item of block.items) {
        const draft = fromText(flattenItem(item), dating);
        if (!draft) continue;
        if (item.checkbox === 'done') draft.status = 'done';
        drafts.push(draft);
      }
    } else if (block.kind === 'table') {
      const rows = fromTable(block.header, block.rows, dating);
      if (rows) {
        drafts.push(...rows);
        columns.push(...(block.header ?? []).map((h) => stripInline(h)).filter((h) => h !== ''));
      } else kept.push(...block.lines);
    } else if (!hasItems) {
      for (const paragraph of paragraphs(block.lines)) {
        const draft = /:\s*$/.test(paragraph) ? undefined : fromText(paragraph, dating);
        if (draft) drafts.push(draft);
        else kept.push(paragraph, '');
      }
    } else kept.push(...block.lines);
  }
  const actions = drafts.map(({ notes: _notes, ...d }, i): ActionItem => ({ id: `A${i + 1}`, ...d }));
  const notes = drafts.flatMap((d, i) => (d.notes ?? []).map((n) => `A${i + 1}: ${n}`));
  return { actions, kept: kept.filter((l) => l.trim() !== '').length > 0 ? kept : [], columns, notes, choices: dating.choices };
}

const STATUS_WORDS: ReadonlyArray<[ActionStatus, RegExp]> = [
  ['done', /^(done|complete|completed|closed|fixed|resolved|finished|yes|y|x|✅|✔️?|☑️?)$/i],
  ['in-progress', /^(in[- ]progress|wip|ongoing|started|doing|in review|partially done|partial)$/i],
  ['dropped', /^(won'?t (do|fix)|wontfix|dropped|cancell?ed|rejected|not doing|abandoned|obsolete)$/i],
  ['open', /^(open|todo|to do|to-do|not started|planned|new|pending|backlog|no|-)$/i],
];

function statusOf(value: string): ActionStatus | undefined {
  const text = trimEndWhere(stripInline(value), oneOf('.!')).trim();
  return STATUS_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

const KINDS: ReadonlyArray<[ActionKind, RegExp]> = [
  ['mitigate', /^(mitigate|mitigation|mitigating|repair)$/i],
  ['prevent', /^(prevent|prevention|preventive|preventative)$/i],
  ['detect', /^(detect|detection|detective|monitoring)$/i],
  ['process', /^(process|procedure)$/i],
  ['learn', /^(learn|learning|training|education)$/i],
];

const DUE_PHRASE = /[([,;—–-]?\s*\b(?:due(?: date)?|deadline|eta|target(?: date)?|by)\s*[:=]?\s*(\d{4}-\d{1,2}-\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?)\s*[)\]]?/i;
// A label with a colon ("owner: Sam"), or "assigned to Sam": plain words ("an owner here is needed") are not a field.
const OWNER_PHRASE = /[([,;—–-]?\s*(?:\b(?:owner|owners|assignee|responsible|responsable|dri)\s*[:=]|\bassigned to)\s*(@?[\p{L}][\p{L}\p{N}._-]*(?:\s+[\p{Lu}][\p{L}.-]*)?)\s*[)\]]?/iu;
const MENTION = /(?:^|\s)\(?(@[\w.-]+)\)?/;
const STATUS_MARK = /^\s*(?:\(?\b(done|completed?|fixed|in progress|wip|won'?t do|dropped|cancell?ed)\b\)?\s*[:\-–—]\s*)|\s*\(\s*(done|completed?|fixed|in progress|wip|won'?t do|dropped|cancell?ed)\s*\)\s*$|\s+\b(DONE|TODO)\b\s*$|\s*(✅|✔️?)\s*$/i;

// An owner and a date without labels at the end: "(Alice, 2024-03-31)", "— Growth team — 2024-03-31".
const BARE_OWNER_DUE = /\s*(?:\(\s*([^(),]{2,40}?)\s*,\s*([^(),]{4,20}?)\s*\)|\s[—–-]\s+([^—–]{2,40}?)\s+[—–-]\s+(\S[^—–]{3,19}?))\s*$/u;

function fromText(raw: string, dating: DueDating): Draft | undefined {
  let title = stripInline(raw);
  if (title === '' || /^[-–—.]+$/.test(title) || !isRealValue(title)) return undefined;
  let status: ActionStatus = 'open';
  let reason: string | undefined;
  if (/^~~.+~~$/.test(title)) {
    title = title.slice(2, -2);
    status = 'dropped';
    reason = 'Struck through in the source postmortem.';
  }
  const mark = STATUS_MARK.exec(title);
  if (mark) {
    const word = (mark[1] ?? mark[2] ?? mark[3] ?? mark[4]).toLowerCase();
    status = word === 'todo' ? 'open' : statusOf(word) ?? (/[✅✔]/.test(word) ? 'done' : 'open');
    if (status === 'dropped') reason = `Marked "${mark[0].trim()}" in the source postmortem.`;
    title = title.replace(mark[0], ' ').trim();
  }
  const draft: Draft = { title, status, reason };
  const due = DUE_PHRASE.exec(title);
  if (due) {
    const date = dueDate(due[1], dating);
    if (date) {
      draft.due = date;
      if (date !== due[1]) draft.notes = [`due "${due[1]}" read as ${date}`];
      title = title.replace(due[0], ' ');
    }
  }
  const owner = OWNER_PHRASE.exec(title) ?? MENTION.exec(title);
  if (owner && isRealValue(owner[1])) {
    draft.owner = owner[1].trim();
    title = title.replace(owner[0], ' ');
  }
  const bare = draft.owner || draft.due ? null : BARE_OWNER_DUE.exec(title);
  const bareDue = bare ? dueDate(bare[2] ?? bare[4], dating) : undefined;
  if (bare && bareDue && isRealValue(bare[1] ?? bare[3])) {
    draft.owner = (bare[1] ?? bare[3]).trim();
    draft.due = bareDue;
    title = title.slice(0, bare.index);
  }
  draft.link = /<?(https?:\/\/[^\s)>\]]+)/.exec(title)?.[1];
  draft.title = trimEndWhere(title.replace(/\(\s*[,;]?\s*\)/g, '').replace(/\s+/g, ' '), blankOr(',;:—–-')).trim() || stripInline(raw);
  return draft;
}

function dueDate(text: string, dating: DueDating): string | undefined {
  const found = parseLooseDate(text);
  if (found?.date) return isoDate(found.date);
  const ordered = found?.eitherOrder && dating.order ? inOrder(found.eitherOrder, dating.order.order) : undefined;
  if (ordered && found?.eitherOrder && dating.order) {
    const note = orderNote(found.eitherOrder, dating.order);
    // One document, one order: the first such date is the example in the note.
    if (dating.choices.length === 0) dating.choices.push(note);
    return isoDate(ordered);
  }
  const referenceDate = dating.referenceDate;
  if (!found?.monthDay || !referenceDate) return undefined;
  const { month, day } = found.monthDay;
  // A due date is after the incident: "June 28" of the incident's year, or the next.
  const sameYear = { year: referenceDate.year, month, day };
  const before = month < referenceDate.month || (month === referenceDate.month && day < referenceDate.day);
  return isoDate(before ? { ...sameYear, year: referenceDate.year + 1 } : sameYear);
}

const TITLE_HEADER = /\b(action|actions|item|items|task|tasks|description|title|what|follow[- ]?ups?|todo|remediation|improvement)\b/i;
const OWNER_HEADER = /\b(owner|owners|assignee|who|responsible|assigned|dri|person|team)\b/i;
const DUE_HEADER = /\b(due|deadline|target|eta|date|when|by)\b/i;
const STATUS_HEADER = /\b(status|state|done|progress)\b/i;
const LINK_HEADER = /\b(link|ticket|issue|bug|jira|tracker|url|ref|reference)\b/i;
const KIND_HEADER = /\b(type|kind|category)\b/i;
const ID_HEADER = /^\s*(#|id|no\.?|number|nr\.?)\s*$/i;

function fromTable(header: string[] | undefined, rows: string[][], dating: DueDating): Draft[] | undefined {
  if (!header) return undefined;
  const names = header.map((h) => stripInline(h));
  const taken: number[] = [];
  const find = (pattern: RegExp): number | undefined => {
    const index = names.findIndex((name, i) => !taken.includes(i) && pattern.test(name));
    if (index < 0) return undefined;
    taken.push(index);
    return index;
  };
  const id = find(ID_HEADER);
  const owner = find(OWNER_HEADER);
  const status = find(STATUS_HEADER);
  const due = find(DUE_HEADER);
  const link = find(LINK_HEADER);
  const kind = find(KIND_HEADER);
  const title = find(TITLE_HEADER) ?? names.findIndex((_, i) => !taken.includes(i));
  if (title === undefined || title < 0) return undefined;
  taken.push(title);
  const drafts: Draft[] = [];
  for (const row of rows) {
    const cell = (i: number | undefined): string => (i === undefined ? '' : stripInline(row[i] ?? ''));
    const titleText = cell(title);
    if (!isRealValue(titleText)) continue;
    const extras: string[] = [];
    const draft: Draft = { title: titleText, status: 'open' };
    const idText = cell(id);
    if (isRealValue(idText) && !/^\d+\.?$/.test(idText)) draft.title = `[${idText}] ${draft.title}`;
    const notes: string[] = [];
    if (isRealValue(cell(owner))) draft.owner = cell(owner);
    else if (cell(owner) !== '') notes.push(`owner "${cell(owner)}" left empty`);
    const dueText = cell(due);
    if (isRealValue(dueText)) {
      const date = dueDate(dueText, dating);
      if (date) draft.due = date;
      else extras.push(`${names[due ?? 0]}: ${dueText}`);
      if (date && date !== dueText) notes.push(`due "${dueText}" read as ${date}`);
    }
    if (notes.length > 0) draft.notes = notes;
    const statusText = cell(status);
    if (statusText) {
      const value = statusOf(statusText);
      if (value) draft.status = value;
      else extras.push(`${names[status ?? 0]}: ${statusText}`);
      if (value === 'dropped') draft.reason = `Marked "${statusText}" in the source postmortem.`;
    }
    const linkText = cell(link);
    const url = /<?(https?:\/\/[^\s)>\]]+)/.exec(linkText)?.[1];
    if (url) draft.link = url;
    if (isRealValue(linkText) && linkText.replace(url ?? '', '').trim() !== '') {
      const statusInLink = /\b(DONE|TODO)\b/.exec(linkText)?.[1];
      if (statusInLink && !statusText) draft.status = statusInLink === 'DONE' ? 'done' : 'open';
      extras.push(`${names[link ?? 0]}: ${linkText}`);
    }
    const kindText = cell(kind);
    const kindValue = KINDS.find(([, pattern]) => pattern.test(kindText))?.[0];
    if (kindValue) draft.kind = kindValue;
    else if (isRealValue(kindText)) extras.push(`${names[kind ?? 0]}: ${kindText}`);
    row.forEach((_, i) => {
      if (!taken.includes(i) && isRealValue(cell(i))) extras.push(names[i] ? `${names[i]}: ${cell(i)}` : cell(i));
    });
    if (extras.length > 0) draft.title += ` (${extras.join('; ')})`;
    drafts.push(draft);
  }
  return drafts;
}
