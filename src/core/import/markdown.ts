/**
 * Just enough Markdown structure for importing: front matter, headings
 * (ATX, setext, and the bold or bare headings of wiki pastes), tables and
 * lists. Lines are kept as written so whatever is not mapped can be put back
 * into the body untouched.
 */

import { blankOr, trimEndWhere } from './trim';

export interface Section {
  /** 0 for text before the first heading. */
  readonly level: number;
  /** The heading text without `#`, emphasis or numbering. */
  readonly heading: string;
  /** The heading as written (empty for the preamble). */
  readonly rawHeading: string;
  readonly lines: string[];
}

export interface FrontMatterBlock {
  readonly fence: '---' | '+++';
  readonly lines: string[];
}

export interface MarkdownDocument {
  readonly frontMatter?: FrontMatterBlock;
  readonly sections: Section[];
}

export interface ListItem {
  readonly text: string;
  readonly checkbox?: 'open' | 'done';
  readonly children: ListItem[];
}

export type Block =
  | { readonly kind: 'table'; readonly lines: string[]; readonly header?: string[]; readonly rows: string[][] }
  | { readonly kind: 'list'; readonly lines: string[]; readonly items: ListItem[] }
  | { readonly kind: 'text'; readonly lines: string[] };

/** Says whether a line's text names a section the importer knows (for headings without `#`). */
export type KnownHeadingTest = (text: string) => boolean;

/** The opening of an ATX heading; `readAtxHeading` reads the rest. */
const ATX_OPENING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^(\s*)([-*+]|\d{1,3}[.)])(?:[ \t]+(.*))?$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const BOLD_LINE = /^\s*(\*\*|__)(.+?)\1\s*:?\s*$/;
// `\s*(?::\s*)?`, not `\s*:?\s*`: two blank runs side by side split a long run every possible way.
const BARE_HEADING_LINE = /^\s*([A-Za-z][A-Za-z '&/-]{2,40}?)\s*(?::\s*)?$/;
const KEY_VALUE_LINE = /^\s*(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,30}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)\s*(\S.*)$/;

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function parseDocument(text: string, isKnownHeading: KnownHeadingTest): MarkdownDocument {
  let lines = splitLines(text);
  const frontMatter = readFrontMatter(lines);
  if (frontMatter) lines = lines.slice(frontMatter.lines.length + 2);
  const realHeadings = countHeadings(lines);
  // Wiki pastes lose their `#`: only then are bold or bare known words read as headings.
  const pseudoHeadings = realHeadings < 3;
  const sections: Section[] = [];
  let current: { level: number; heading: string; rawHeading: string; lines: string[] } = {
    level: 0,
    heading: '',
    rawHeading: '',
    lines: [],
  };
  let fence: string | undefined;
  let sawSectionHeading = false;
  const start = (level: number, raw: string, heading: string): void => {
    sections.push(current);
    current = { level, heading, rawHeading: raw, lines: [] };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      current.lines.push(line);
      if (line.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1].slice(0, 3);
      current.lines.push(line);
      continue;
    }
    const atx = readAtxHeading(line);
    if (atx) {
      if (atx.level > 1) sawSectionHeading = true;
      start(atx.level, line, cleanHeading(atx.text));
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && isSetextText(line, lines[i - 1]) && SETEXT.test(next) && !isTableRow(line)) {
      const level = next.trim().startsWith('=') ? 1 : 2;
      if (level > 1) sawSectionHeading = true;
      start(level, `${line}\n${next}`, cleanHeading(line));
      i++;
      continue;
    }
    if (pseudoHeadings && isStandalone(lines, i)) {
      const bare = BOLD_LINE.exec(line)?.[2] ?? BARE_HEADING_LINE.exec(line)?.[1];
      if (bare !== undefined && isKnownHeading(cleanHeading(bare))) {
        sawSectionHeading = true;
        start(2, line, cleanHeading(bare));
        continue;
      }
    }
    if (!sawSectionHeading) {
      // "Summary: one line" in the preamble (Google-style postmortems) opens a section.
      const keyValue = KEY_VALUE_LINE.exec(line);
      if (keyValue && !BULLET.test(line) && isKnownHeading(cleanHeading(keyValue[1]))) {
        start(3, `### ${keyValue[1]}`, cleanHeading(keyValue[1]));
        current.lines.push(keyValue[2]);
        continue;
      }
    }
    current.lines.push(line);
  }
  sections.push(current);
  return { frontMatter, sections };
}

function readFrontMatter(lines: string[]): FrontMatterBlock | undefined {
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const closing = lines[i].trim();
    if (closing === fence || (fence === '---' && closing === '...')) {
      const content = lines.slice(1, i);
      // A leading `---` rule followed by prose is not front matter.
      if (!content.some((l) => /^[\w"'-][^:]*\s*[:=]/.test(l))) return undefined;
      return { fence, lines: content };
    }
  }
  return undefined;
}

/**
 * An ATX heading's level and its text without the closing hashes. A scan
 * after the opening, not one regex with a lazy text group before an
 * optional `[ \t]+#+`: that group retried the closing sequence from every
 * blank of a run inside the heading, so `## a`, 16,000 spaces and `b` took
 * 300 ms.
 */
function readAtxHeading(line: string): { level: number; text: string } | undefined {
  const opening = ATX_OPENING.exec(line);
  // Lines split only at \r and \n keep U+2028 and U+2029, where the regex's `.` stopped: not a heading.
  if (!opening || /[\n\r\u2028\u2029]/.test(line)) return undefined;
  return { level: opening[1].length, text: withoutClosingHashes(line.slice(opening[0].length), isSpaceOrTab) };
}

function isSpaceOrTab(c: string): boolean {
  return c === ' ' || c === '\t';
}

function countHeadings(lines: string[]): number {
  let count = 0;
  let fence = false;
  for (const line of lines) {
    if (FENCE.test(line)) fence = !fence;
    else if (!fence && /^ {0,3}#{2,6}\s/.test(line)) count++;
  }
  return count;
}

function isSetextText(line: string, previous: string | undefined): boolean {
  if (!line.trim() || BULLET.test(line) || /^\s{4,}/.test(line)) return false;
  return previous === undefined || previous.trim() === '';
}

function isStandalone(lines: string[], i: number): boolean {
  const before = lines[i - 1];
  return (before === undefined || before.trim() === '') && lines[i].trim() !== '';
}

/** Heading text without markup, numbering, emoji or a trailing colon. */
export function cleanHeading(raw: string): string {
  const text = stripInline(raw)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    // "5 Jul 2024" is a date, not section 5.
    .replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVX]+[.)])\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$))/i, '');
  return trimEndWhere(text, blankOr(':')).trim();
}

/**
 * The text without trailing blanks and without a closing run of `#` set off
 * by blanks (`Impact ##`), in linear time. `.replace(/\s+#+\s*$/, '')` did
 * this for whitespace, but it retries from every blank of a run that ends in
 * something else: a heading of 10,000 spaces and ` ---` took 50 ms, four
 * times as many 700.
 */
export function withoutClosingHashes(text: string, isBlank: (c: string) => boolean): string {
  const content = trimEndWhere(text, isBlank);
  const beforeHashes = trimEndWhere(content, (c) => c === '#');
  const setOff = beforeHashes.length < content.length && beforeHashes !== '' && isBlank(beforeHashes[beforeHashes.length - 1]);
  return setOff ? trimEndWhere(beforeHashes, isBlank) : content;
}

/** Text without emphasis, code ticks, `<br>` and HTML entities. */
export function stripInline(text: string): string {
  return decodeEntities(
    text
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|:])/g, '$1'),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

export function isTableRow(line: string): boolean {
  return /^\s*\|/.test(line);
}

/** Cells of a table row, split on unescaped pipes. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|') && cells.length > 0) cells.pop();
  return cells.map((c) => c.trim());
}

/** Splits a section's lines into tables, lists and other text (paragraphs, code, HTML). */
export function readBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length > 0) blocks.push({ kind: 'text', lines: text });
    text = [];
  };
  let i = 0;
  let fence: string | undefined;
  while (i < lines.length) {
    const line = lines[i];
    if (fence) {
      text.push(line);
      if (line.trim().startsWith(fence)) fence = undefined;
      i++;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1].slice(0, 3);
      text.push(line);
      i++;
      continue;
    }
    const tableEnd = tableExtent(lines, i);
    if (tableEnd > i) {
      flushText();
      blocks.push(readTable(lines.slice(i, tableEnd)));
      i = tableEnd;
      continue;
    }
    if (BULLET.test(line) && !isTableRow(line)) {
      flushText();
      const end = listExtent(lines, i);
      const listLines = lines.slice(i, end);
      blocks.push({ kind: 'list', lines: listLines, items: readListItems(listLines) });
      i = end;
      continue;
    }
    text.push(line);
    i++;
  }
  flushText();
  return blocks;
}

function tableExtent(lines: string[], start: number): number {
  const first = lines[start];
  if (!first.includes('|')) return start;
  const hasSeparator = lines[start + 1] !== undefined && TABLE_SEPARATOR.test(lines[start + 1]) && lines[start + 1].includes('-');
  const pipeRun = isTableRow(first) && lines[start + 1] !== undefined && isTableRow(lines[start + 1]);
  if (!hasSeparator && !pipeRun) return start;
  let end = start + 1;
  while (end < lines.length && lines[end].trim() !== '' && lines[end].includes('|')) end++;
  return end;
}

function readTable(lines: string[]): Block {
  const hasSeparator = lines.length > 1 && TABLE_SEPARATOR.test(lines[1]) && lines[1].includes('-');
  const header = hasSeparator ? tableCells(lines[0]) : undefined;
  const body = hasSeparator ? lines.slice(2) : lines;
  const rows = body.map(tableCells).filter((cells) => cells.some((c) => c !== ''));
  return { kind: 'table', lines, header, rows };
}

function listExtent(lines: string[], start: number): number {
  let end = start + 1;
  while (end < lines.length) {
    const line = lines[end];
    if (line.trim() === '') {
      // A blank line continues the list only when more of it follows.
      let next = end + 1;
      while (next < lines.length && lines[next].trim() === '') next++;
      if (next < lines.length && (BULLET.test(lines[next]) || /^\s{2,}\S/.test(lines[next])) && !readAtxHeading(lines[next])) {
        end = next;
        continue;
      }
      break;
    }
    if (isTableRow(line) || FENCE.test(line)) break;
    end++;
  }
  return end;
}

function readListItems(lines: string[]): ListItem[] {
  interface Draft {
    text: string;
    checkbox?: 'open' | 'done';
    children: Draft[];
    indent: number;
  }
  const roots: Draft[] = [];
  const stack: Draft[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const bullet = BULLET.exec(line);
    if (!bullet) {
      const last = stack[stack.length - 1];
      if (last) last.text = `${last.text} ${line.trim()}`.trim();
      continue;
    }
    const indent = bullet[1].replace(/\t/g, '    ').length;
    let text = (bullet[3] ?? '').trim();
    let checkbox: 'open' | 'done' | undefined;
    const box = /^\[([ xX])\](?:\s+|$)(.*)$/.exec(text);
    if (box) {
      checkbox = box[1] === ' ' ? 'open' : 'done';
      text = box[2].trim();
    }
    const item: Draft = { text, checkbox, children: [], indent };
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(item);
    else roots.push(item);
    stack.push(item);
  }
  const freeze = (d: Draft): ListItem => ({ text: d.text, checkbox: d.checkbox, children: d.children.map(freeze) });
  return roots.map(freeze);
}

/** The text of a list item and its sub-items on one line, sub-items after a colon. */
export function flattenItem(item: ListItem): string {
  if (item.children.length === 0) return item.text;
  const children = item.children.map(flattenItem).filter((t) => t !== '');
  if (children.length === 0) return item.text;
  const head = trimEndWhere(item.text, blankOr(':'));
  return head ? `${head}: ${children.join('; ')}` : children.join('; ');
}
