/**
 * Dates and times as postmortems write them: `2019-11-29 12:00`,
 * `Dec 4, 14:51`, `~10:45`, `09:00 - 11:00`, `2:51 PM PST`, and the mess
 * (`HH:mm`, `14:??`, `2022-05-??`, `20202-01-16`). Parsing says what is known
 * and what is not; deciding what to do with a partial stamp is the
 * timeline's job.
 */
import { stripInline } from './markdown';
import { blankOr, oneOf, trimEndWhere } from './trim';
import type { LocalDate, LocalTime } from './types';
import { parseZone, writesMonthFirst, type Zone } from './zones';

export interface SlashedParts {
  readonly first: number;
  readonly second: number;
  readonly year: number;
}

/** Whether `03/06/2024` is written month first (US) or day first. */
export type SlashedOrder = 'month-first' | 'day-first';

export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

export interface Stamp {
  readonly date?: LocalDate;
  /** A date written without its year ("Dec 4"). */
  readonly monthDay?: MonthDay;
  /** A date written with placeholders or ambiguously; why, in words. */
  readonly dateProblem?: string;
  /** `03/06/2024`, which reads as March 6 or 3 June: both parts, for the document's order to decide. */
  readonly eitherOrder?: SlashedParts;
  /** A five-digit year ("20202-01-16"): the digits as written, month and day. */
  readonly yearTypo?: { readonly written: string } & MonthDay;
  readonly time?: LocalTime;
  /** A time written with placeholders (`HH:mm`) or unknown minutes (`14:??`). */
  readonly timeProblem?: string;
  readonly zone?: Zone;
  /** The end of a range as written (`11:00` in `09:00 - 11:00`). */
  readonly until?: string;
  readonly approximate: boolean;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
// Whole names and their usual abbreviations only: "Monitoring" or "Sunset" are not weekdays.
const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])\.?,?`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?\.?`;

const ISO_DATE = /(?<![\d-])(\d{4,5})[-/](\d{1,2})[-/](\d{1,2})(?![\d/])/;
const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/;
const SLASHED_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?![\d/])/;
const DAY_MONTH = new RegExp(String.raw`(?<!\w)${ORDINAL}(?:\s+of)?\s+(${MONTH})(?:,?\s+(\d{4}))?(?!\w)`, 'i');
const MONTH_DAY = new RegExp(String.raw`(?<!\w)(${MONTH})\s+${ORDINAL}(?:,?\s+(\d{4}))?(?![\w:])`, 'i');
const PLACEHOLDER_DATE = /(?<![\d-])(?:\d{4}|\d{2}xx|yyyy)(?:\/\d{2})?[-/](?:\d{1,2}|\?\?|mm|xx)[-/](?:\d{1,2}|\?\?|dd|xx)(?![\d])/i;

const TIME = /(?<![\d:])(\d{1,2})[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?\s?m\.?(?![a-z]))?(?![\d:])/i;
const HOUR_ONLY = /(?<![\d:])(\d{1,2})\s*([ap])\.?\s?m\.?(?![a-z])/i;
const TIME_PLACEHOLDER = /(?<![\w?])(?:hh|--|xx|\?\?)\s*:\s*(?:mm|--|xx|\?\?)(?![\w?])/i;
const UNKNOWN_MINUTES = /(?<![\d:])(\d{1,2}):(?:\d?\?{1,2}|xx|--|mm)(?![\w?])/i;
const RANGE_END = /^\s*(?:-|–|—|to|until)\s*(~?\s*\d{1,2}[:h](?:\d{2}|\?\?)(?:\s*[ap]\.?m\.?)?)/i;
// "08.47" (a dotted date has a third part, a version number is not a time of day).
const DOTTED_TIME = /(?<![\d.:])([01]\d|2[0-3])\.([0-5]\d)(?![\d.])/;
// "2114Z": military style, always UTC.
const MILITARY_UTC = /(?<![\d.:])([01]\d|2[0-3])([0-5]\d)Z(?![\w])/;
// `date` output, "Tue Mar  5 14:02:11 UTC 2024": the year comes last, after the time and zone.
const UNIX_DATE = new RegExp(String.raw`^\s*(?:${WEEKDAY}\s+)?(${MONTH})\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(?:(\S+)\s+)?((?:19|20)\d{2})\s*$`, 'i');
const APPROXIMATE = /~|≈|\b(?:approx(?:imately|\.)?|around|about|circa|ca\.)\s*/gi;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && year >= 1900 && year <= 2200;
}

interface DateFound {
  readonly start: number;
  readonly end: number;
  readonly date?: LocalDate;
  readonly monthDay?: MonthDay;
  readonly problem?: string;
  readonly yearTypo?: { readonly written: string } & MonthDay;
  readonly eitherOrder?: SlashedParts;
}

function readIsoDate(iso: RegExpExecArray): DateFound {
  const span = { start: iso.index, end: iso.index + iso[0].length };
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (iso[1].length === 5) return { ...span, yearTypo: { written: iso[1], month, day } };
  if (isRealDate(year, month, day)) return { ...span, date: { year, month, day } };
  return { ...span, problem: `${iso[0]} is not a real date` };
}

function readPlaceholderDate(placeholder: RegExpExecArray): DateFound {
  return { start: placeholder.index, end: placeholder.index + placeholder[0].length, problem: 'the date is not complete' };
}

function readDottedDate(dotted: RegExpExecArray): DateFound {
  const [day, month, year] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
  const span = { start: dotted.index, end: dotted.index + dotted[0].length };
  return isRealDate(year, month, day) ? { ...span, date: { year, month, day } } : { ...span, problem: `${dotted[0]} is not a real date` };
}

/** Undefined for a day the month does not have without a year ("31 Feb"). */
function readNamedDate(named: RegExpExecArray): DateFound | undefined {
  const dayFirst = /^\d/.test(named[0]);
  const day = Number(dayFirst ? named[1] : named[2]);
  const month = monthNumber(dayFirst ? named[2] : named[1]);
  const span = { start: named.index, end: named.index + named[0].length };
  if (named[3]) {
    const year = Number(named[3]);
    return isRealDate(year, month, day) ? { ...span, date: { year, month, day } } : { ...span, problem: `${named[0]} is not a real date` };
  }
  return isRealDate(2000, month, day) ? { ...span, monthDay: { month, day } } : undefined;
}

function readSlashedDate(slashed: RegExpExecArray): DateFound {
  const [a, b] = [Number(slashed[1]), Number(slashed[2])];
  const year = slashed[3].length === 2 ? 2000 + Number(slashed[3]) : Number(slashed[3]);
  const span = { start: slashed.index, end: slashed.index + slashed[0].length };
  // 03/04/2020 reads differently in Europe and the US: only an unambiguous one is used.
  if (a > 12 && isRealDate(year, b, a)) return { ...span, date: { year, month: b, day: a } };
  if (b > 12 && isRealDate(year, a, b)) return { ...span, date: { year, month: a, day: b } };
  if (a === b && isRealDate(year, a, b)) return { ...span, date: { year, month: a, day: b } };
  return { ...span, problem: `${slashed[0]} could be day/month or month/day`, eitherOrder: { first: a, second: b, year } };
}

/**
 * The ways a date is written, in the order a text is searched for them: an
 * ISO date anywhere in a line comes before a named one earlier in it. A
 * kind's patterns compete by position. A match the kind cannot read ends
 * the search.
 */
const DATE_KINDS: ReadonlyArray<{ readonly patterns: readonly RegExp[]; readonly read: (match: RegExpExecArray) => DateFound | undefined }> = [
  { patterns: [ISO_DATE], read: readIsoDate },
  { patterns: [PLACEHOLDER_DATE], read: readPlaceholderDate },
  { patterns: [DOTTED_DATE], read: readDottedDate },
  { patterns: [DAY_MONTH, MONTH_DAY], read: readNamedDate },
  { patterns: [SLASHED_DATE], read: readSlashedDate },
];

function findDate(text: string): DateFound | undefined {
  for (const kind of DATE_KINDS) {
    const match = earliest(kind.patterns.map((pattern) => pattern.exec(text)));
    if (match) return kind.read(match);
  }
  return undefined;
}

/** The first of the matches in the text; the earlier pattern on a tie. */
function earliest(matches: ReadonlyArray<RegExpExecArray | null>): RegExpExecArray | null {
  return matches.reduce((first, match) => (!first || (match && match.index < first.index) ? match : first), null);
}

interface TimeFound {
  readonly start: number;
  readonly end: number;
  readonly time?: LocalTime;
  readonly problem?: string;
}

function findTime(text: string): TimeFound | undefined {
  const found = [TIME.exec(text), HOUR_ONLY.exec(text), TIME_PLACEHOLDER.exec(text), UNKNOWN_MINUTES.exec(text)]
    .map((m, which) => ({ m, which }))
    .filter((x): x is { m: RegExpExecArray; which: number } => x.m !== null)
    .sort((x, y) => x.m.index - y.m.index)[0];
  if (!found) return undefined;
  const { m, which } = found;
  const span = { start: m.index, end: m.index + m[0].length };
  if (which === 2) return { ...span, problem: 'the time is a placeholder' };
  if (which === 3) return { ...span, problem: `the minutes are not known (${m[0]})` };
  let hour = Number(m[1]);
  const minute = which === 0 ? Number(m[2]) : 0;
  const second = which === 0 && m[3] ? Number(m[3]) : 0;
  const meridiem = (which === 0 ? m[4] : m[2])?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ...span, problem: `${m[0]} is not a time` };
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { ...span, problem: `${m[0]} is not a time` };
  return { ...span, time: { hour, minute, second } };
}

/** Reads a time cell or a stamp; undefined when it holds no date or time at all. */
export function parseStamp(raw: string): Stamp | undefined {
  let text = trimEndWhere(stripInline(raw), blankOr(':'));
  const approximate = /~|≈|\b(?:approx|around|about|circa|ca\.)/i.test(text) || /\?\s*$/.test(text);
  text = text.replace(APPROXIMATE, ' ').replace(DOTTED_TIME, '$1:$2').replace(MILITARY_UTC, '$1:$2 Z').replace(UNIX_DATE, '$1 $2, $5 $3 $4');
  const isoFull = /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/i.exec(text);
  if (isoFull) text = text.replace(isoFull[0], `${isoFull[1]}-${isoFull[2]}-${isoFull[3]} ${isoFull[4]}:${isoFull[5]}${isoFull[6] ? `:${isoFull[6]}` : ''} ${isoFull[7] ?? ''}`);
  const date = findDate(text);
  const withoutDate = date ? text.slice(0, date.start) + ' '.repeat(date.end - date.start) + text.slice(date.end) : text;
  const time = findTime(withoutDate);
  if (!date && !time) return undefined;
  let until: string | undefined;
  let zone: Zone | undefined;
  if (time) {
    let rest = withoutDate.slice(time.end);
    // The zone may follow the start ("11:05 AM PST – 11:40 AM PST") or only the end.
    const startZone = RANGE_END.test(rest) ? undefined : leadingZone(rest);
    if (startZone) rest = rest.slice(startZone.length);
    const range = RANGE_END.exec(rest);
    if (range) {
      until = range[1].replace(/\s+/g, ' ').trim();
      rest = rest.slice(range[0].length);
    }
    zone = startZone?.zone ?? leadingZone(rest)?.zone;
  }
  return {
    date: date?.date,
    monthDay: date?.monthDay,
    dateProblem: date?.problem,
    eitherOrder: date?.eitherOrder,
    yearTypo: date?.yearTypo,
    time: time?.time,
    timeProblem: time?.problem,
    zone,
    until,
    approximate,
  };
}

/** A zone at the start of `rest` and how many characters it takes. */
function leadingZone(rest: string): { zone: Zone; length: number } | undefined {
  const tokens = /^[\s,;]*(\S+)(?:[\s,;]+(\S+))?/.exec(rest);
  if (!tokens) return undefined;
  const candidates = tokens[2] !== undefined ? [tokens[0], tokens[0].slice(0, tokens[0].length - tokens[2].length).trimEnd()] : [tokens[0]];
  for (const candidate of candidates) {
    const zone = parseZone(trimEndWhere(candidate.trim(), oneOf(':.)')).replace(/^\(/, ''));
    if (zone) return { zone, length: candidate.length };
  }
  return undefined;
}

// "🔴 14:25 — ...": a status emoji before the time.
const LEADING_EMOJI = /^\s*(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]+\s*)+/u;
// "14:02—Deploy": a dash with no space before the text.
const GLUED_DASH = /^(\S*\d)([–—])(?=\p{L})/u;
const BULLET_PREFIX = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
const WRAPPED = /^(\*\*|__|`|\[)(.+?)(\*\*|__|`|\])/;
const STAMP_TOKEN = new RegExp(
  [
    String.raw`~?\d{4,5}[-/][\d?xX]{1,2}[-/][\d?xX]{1,2}(?:T\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?,?`,
    String.raw`\d{1,2}\.\d{1,2}\.\d{4},?`,
    String.raw`\d{1,2}/\d{1,2}/\d{2,4},?`,
    String.raw`~?(?:\d{1,2}|HH|hh|--|xx|\?\?)[:h.](?:\d{2}|\d\?|mm|--|xx|\?\?)(?::\d{2})?(?:[ap]\.?m\.?)?(?:[-–—]~?\d{1,2}[:h](?:\d{2}|\?\?))?[:,]?`,
    String.raw`(?:[01]\d|2[0-3])[0-5]\dZ[:,]?`,
    String.raw`~?\d{1,2}[ap]\.?m\.?[:,]?`,
    String.raw`[ap]\.?m\.?[:,]?`,
    MONTH + ',?',
    WEEKDAY,
    String.raw`\d{1,2}(?:st|nd|rd|th)?[.,]?`,
    String.raw`\d{4}[:,]?`,
    String.raw`at|on|of|to|until|-|–|—|~|approx\.?|around|ca\.`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')$'),
  'i',
);

const BARE_NUMBER = /^\d{1,4}(?:st|nd|rd|th)?[.,:]?$/;
const MONTH_TOKEN = new RegExp(`^${MONTH},?$`, 'i');

/** A bare day or year number is part of a stamp only beside a month name ("Dec 4, 2019"). */
function nextToMonth(tokens: string[], i: number): boolean {
  const near = [tokens[i - 2], tokens[i - 4], tokens[i + 2], tokens[i + 4]];
  return near.some((t) => t !== undefined && MONTH_TOKEN.test(t));
}

const WEEKDAY_TOKEN = new RegExp(`^${WEEKDAY}$`, 'i');

/** A weekday is part of a stamp only before its date ("Tue Mar 5"), not in the text ("14:05 Thursday's deploy"). */
function beforeDate(tokens: string[], i: number): boolean {
  const next = tokens[i + 2];
  return next !== undefined && (/^\d/.test(next) || MONTH_TOKEN.test(next));
}

/** "Tue Mar  5 14:02:11 UTC 2024": after a month name and a time (and zone), a year closes the stamp. */
function closingYear(tokens: string[], i: number): boolean {
  if (!/^(?:19|20)\d{2}$/.test(tokens[i] ?? '')) return false;
  const before = tokens.slice(0, i).filter((_, k) => k % 2 === 0);
  return before.some((t) => MONTH_TOKEN.test(t)) && before.slice(-2).some((t) => /^\d{1,2}:\d{2}/.test(t));
}

export interface LeadingStamp {
  readonly stamp: Stamp;
  /** The stamp as written. */
  readonly written: string;
  /** The rest of the line, the event text. */
  readonly rest: string;
}

/**
 * A stamp at the start of a list line or paragraph line
 * (`- **14:51** News reports...`, `14:51 - Deploy`, `* Dec 4, 2:10 PM PST: ...`).
 * Only a stamp with a time or a complete date counts.
 */
export function splitLeadingStamp(line: string): LeadingStamp | undefined {
  const body = line.replace(BULLET_PREFIX, '').replace(LEADING_EMOJI, '').replace(GLUED_DASH, '$1 $2 ').trim();
  const wrapped = WRAPPED.exec(body);
  if (wrapped && (wrapped[1] === wrapped[3] || (wrapped[1] === '[' && wrapped[3] === ']'))) {
    const stamp = parseStamp(wrapped[2]);
    if (stamp && isUsefulStamp(stamp) && consumesAll(wrapped[2])) {
      return { stamp, written: trimEndWhere(stripInline(wrapped[2]), blankOr(':')), rest: trimSeparator(body.slice(wrapped[0].length)) };
    }
  }
  const tokens = body.split(/(\s+)/);
  let taken = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i];
    const isStamp = (STAMP_TOKEN.test(token) && (!BARE_NUMBER.test(token) || nextToMonth(tokens, i)) && (!WEEKDAY_TOKEN.test(token) || beforeDate(tokens, i))) || closingYear(tokens, i);
    const isZone = i > 0 && isZoneToken(token) && /\d|[ap]m/i.test(tokens[i - 2] ?? '');
    if (!isStamp && !isZone) break;
    taken = i + 1;
    // A zone ends the stamp unless the stamp goes on: "11:05 AM PST – 11:40 AM PST", "14:02 UTC on 2024-03-05".
    if (isZone && !/^(?:on|to|until|-|–|—)$/i.test(tokens[i + 2] ?? '') && !closingYear(tokens, i + 2)) break;
  }
  // Connector words alone ("at", "-") are not a stamp, and a stamp does not end in one.
  while (taken > 0 && /^(?:at|on|of|to|until|-|–|—|~)$/i.test(tokens[taken - 1])) taken -= 2;
  if (taken <= 0) return undefined;
  // Joined once: joining again after each connector dropped was quadratic in a run of ` -`.
  const written = tokens.slice(0, taken).join('');
  const stamp = parseStamp(written);
  if (!stamp || !isUsefulStamp(stamp)) return undefined;
  return { stamp, written: trimEndWhere(written, blankOr(':,')), rest: trimSeparator(tokens.slice(taken).join('')) };
}

/** A zone as a word of a line writes it: `(UTC)`, `PST,`, `CET:`. */
function isZoneToken(token: string): boolean {
  return parseZone(trimEndWhere(token, oneOf(':,.)')).replace(/^\(/, '')) !== undefined;
}

function isUsefulStamp(stamp: Stamp): boolean {
  return stamp.time !== undefined || stamp.timeProblem !== undefined || stamp.date !== undefined || stamp.yearTypo !== undefined || stamp.dateProblem !== undefined;
}

function consumesAll(text: string): boolean {
  return text
    .split(/\s+/)
    .filter((t) => t !== '')
    .every((t) => STAMP_TOKEN.test(t) || isZoneToken(t));
}

function trimSeparator(text: string): string {
  return text.replace(/^\s*(?:[:|,]|[-–—]+|=>|->)?\s*/, '').trim();
}

/**
 * A line that is only a date, which dates the times below it
 * (`### Tuesday, March 5, 2024`, `**Date**: 2019-12-05`, `2015-10-21 (all times UTC)`).
 */
export function parseDateLine(line: string): { date?: LocalDate; monthDay?: MonthDay } | undefined {
  const words = blankParenthesized(stripInline(line.replace(/^\s*#{1,6}\s*/, '').replace(BULLET_PREFIX, '')).replace(/^(?:date|day|on)\s*:?\s*/i, ''))
    .replace(/\b(?:all\s+)?times?\b.*$/i, ' ')
    .replace(new RegExp(String.raw`^${WEEKDAY}\s*`, 'i'), '');
  const text = trimEndWhere(words, blankOr(':,.-')).trim();
  if (!text) return undefined;
  const found = findDate(text);
  if (!found || (!found.date && !found.monthDay)) return undefined;
  const rest = (text.slice(0, found.start) + text.slice(found.end)).replace(new RegExp(WEEKDAY, 'gi'), '').trim();
  if (rest.replace(/[\s,.:-]/g, '') !== '') return undefined;
  return { date: found.date, monthDay: found.monthDay };
}

/**
 * The text with each `(…)` replaced by a blank: `.replace(/\([^)]*\)/g, ' ')`
 * in linear time. The regex scans to the end of the text from every `(` that
 * no `)` follows, so a date line of 12,000 of them took 200 ms.
 */
function blankParenthesized(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', from)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    result += `${text.slice(from, open)} `;
    from = close + 1;
  }
  return result + text.slice(from);
}

/** A due date or similar: a complete date, a month and day to be placed in a year, or `04/05/2024` for the document's order to decide. */
export function parseLooseDate(text: string): { date?: LocalDate; monthDay?: MonthDay; eitherOrder?: SlashedParts } | undefined {
  const found = findDate(stripInline(text));
  if (!found || (!found.date && !found.monthDay && !found.eitherOrder)) return undefined;
  return { date: found.date, monthDay: found.monthDay, eitherOrder: found.eitherOrder };
}

/** A complete date in running text, and where it was ("On Monday 3. February 2020, ..."). */
export function findDateInText(text: string): LocalDate | undefined {
  return findDate(stripInline(text))?.date;
}

/** The order the unambiguous slashed dates of a text share (`03/22/2024` is month first), if they agree. */
export function slashedOrderIn(text: string): SlashedOrder | undefined {
  const orders = new Set<SlashedOrder>();
  for (const match of stripInline(text).matchAll(new RegExp(SLASHED_DATE.source, 'g'))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    if (a > 12 && b <= 12) orders.add('day-first');
    if (b > 12 && a <= 12) orders.add('month-first');
  }
  return orders.size === 1 ? [...orders][0] : undefined;
}

/** How to read `03/06/2024` in one document, and why, for the note on the guess. */
export interface OrderChoice {
  readonly order: SlashedOrder;
  readonly why: string;
}

/** The order the document's unambiguous dates show, else the order of the zone's country. */
export function chooseSlashedOrder(documentOrder: SlashedOrder | undefined, zone: Zone): OrderChoice | undefined {
  if (documentOrder) return { order: documentOrder, why: "the order the document's other dates are written in" };
  return writesMonthFirst(zone) ? { order: 'month-first', why: `the usual order where ${zone.label} is used` } : undefined;
}

/** The note kept in the imported file when an ambiguous date was read in the chosen order. */
export function orderNote(parts: SlashedParts, choice: OrderChoice): string {
  const written = [parts.first, parts.second].map((n) => String(n).padStart(2, '0')).join('/');
  return `Dates like ${written}/${parts.year} were read as ${choice.order === 'month-first' ? 'month/day' : 'day/month'}, ${choice.why}.`;
}

/** The date `03/06/2024` stands for in the given order, if it is a real one. */
export function inOrder(parts: SlashedParts, order: SlashedOrder): LocalDate | undefined {
  const [month, day] = order === 'month-first' ? [parts.first, parts.second] : [parts.second, parts.first];
  return isRealDate(parts.year, month, day) ? { year: parts.year, month, day } : undefined;
}

/**
 * Every complete date in a line of text, kind by kind in `findDate`'s
 * order, each kind left to right, and each date blanked before the next
 * kind is looked for. One pass a kind: searching the whole line again after
 * each date was quadratic in the number of dates (3,000 took half a second).
 */
export function datesInText(text: string): LocalDate[] {
  const dates: LocalDate[] = [];
  let rest = stripInline(text);
  for (const kind of DATE_KINDS) {
    const matchesFrom = kind.patterns.map((pattern) => forwardMatches(pattern, rest));
    const spans: DateFound[] = [];
    let from = 0;
    const nextMatch = (): RegExpExecArray | null => earliest(matchesFrom.map((matchFrom) => matchFrom(from)));
    for (let match = nextMatch(); match; match = nextMatch()) {
      const found = kind.read(match);
      // As in `findDate`: a match its kind cannot read ends the search.
      if (!found) return dates;
      if (found.date) dates.push(found.date);
      spans.push(found);
      from = found.end;
    }
    rest = blanked(rest, spans);
  }
  return dates;
}

/**
 * The first match of the pattern at or after a position, for positions that
 * only grow: a match not yet passed is kept, so the text is read once
 * however many positions are asked for.
 */
function forwardMatches(pattern: RegExp, text: string): (from: number) => RegExpExecArray | null {
  const global = new RegExp(pattern.source, `${pattern.flags}g`);
  let next: RegExpExecArray | null | undefined;
  return (from) => {
    if (next === undefined || (next !== null && next.index < from)) {
      global.lastIndex = from;
      next = global.exec(text);
    }
    return next;
  };
}

/** The text with blanks over the spans, which are in order and do not overlap. */
function blanked(text: string, spans: readonly DateFound[]): string {
  let result = '';
  let from = 0;
  for (const span of spans) {
    result += text.slice(from, span.start) + ' '.repeat(span.end - span.start);
    from = span.end;
  }
  return result + text.slice(from);
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
