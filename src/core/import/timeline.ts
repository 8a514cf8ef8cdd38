/**
 * Reads timeline sections: Markdown tables and lists or lines of
 * time-stamped events, with dates in the rows or in lines and headings above
 * them, and the zone the writer stated. Rows that cannot be placed at an
 * exact time are returned as such, never dropped or guessed.
 */
import { guessEntryKind } from '../entryKindGuess';
import { trimBlankEdges } from './body';
import { markerOf } from './entry-kind';
import { chooseSlashedOrder, inOrder, orderNote, parseDateLine, parseStamp, splitLeadingStamp, isoDate, isRealDate, type LeadingStamp, type MonthDay, type SlashedOrder, type SlashedParts, type Stamp } from './dates';
import { FENCE, readBlocks, stripInline, type ListItem, type Section } from './markdown';
import { classifyHeading } from './sections';
import { timedSentences, type Sentence } from './sentences';
import { isRealValue } from './stats';
import type { LocalDate, TimelineEntry, UndatedRow } from './types';
import { describeZone, findZoneInHeader, findZoneStatement, zonedTimestamp, type Zone } from './zones';

export interface TimelineContext {
  /** The zone for times that state none, and whether the source stated it. */
  readonly zone: Zone;
  readonly zoneStated: boolean;
  /** A date the document gives elsewhere (`Date: 2015-10-21`), for times without one. */
  readonly documentDate?: LocalDate;
  /** A year the source names (in its id or file name), to repair typed years like `20202`. */
  readonly yearHint?: number;
  /** The year of the document's other complete dates, for dates written without one. */
  readonly otherDatesYear?: number;
  /** The order of `03/06/2024` that the document's unambiguous dates show. */
  readonly slashedOrder?: SlashedOrder;
}

export interface TimelineReading {
  readonly entries: TimelineEntry[];
  readonly undated: UndatedRow[];
  /** Lines of the timeline sections that are not rows (prose, images), kept for the body. */
  readonly prose: string[];
  readonly mapped: string[];
  readonly warnings: string[];
  /** The zones the entries were read in, described for people. */
  readonly zonesUsed: string[];
  /** Guesses made to date rows (midnight, a year, a date order), kept in the imported file. */
  readonly choices: string[];
}

interface Cursor {
  date?: LocalDate;
  zone?: Zone;
  /** Minutes after midnight of the last time placed on that date. */
  lastContextMinutes?: number;
  /** The date came from a row's own stamp, not from a heading or line above the rows. */
  dateFromRow?: boolean;
}

interface RowInput {
  readonly stamp: Stamp | undefined;
  readonly written: string;
  readonly text: string;
  readonly who?: string;
  readonly evidence?: string;
  /** Zone named by the table's time column header. */
  readonly columnZone?: Zone;
}

export function readTimeline(sections: readonly Section[], context: TimelineContext): TimelineReading {
  const reader = new TimelineReader(context);
  for (const section of sections) reader.readSection(section);
  return reader.result();
}

class TimelineReader {
  private readonly entries: TimelineEntry[] = [];
  private readonly undated: UndatedRow[] = [];
  private readonly prose: string[] = [];
  private readonly mapped: string[] = [];
  private readonly warnings: string[] = [];
  private readonly zonesUsed = new Set<string>();
  private readonly choices: string[] = [];
  private readonly cursor: Cursor = {};
  private readonly repairedYears = new Set<string>();
  private carriedForward = false;
  private sentencesNoted = false;
  private timeUnderTextNoted = false;
  private yearInferred = false;

  constructor(private readonly context: TimelineContext) {}

  readSection(section: Section): void {
    const headingZone = findZoneStatement(section.heading);
    if (headingZone) this.setZone(headingZone, `"${section.heading}"`);
    const headingDate = parseDateLine(section.heading);
    if (headingDate && section.level > 0) {
      this.setDate(headingDate, section.heading);
    } else if (section.rawHeading && classifyHeading(section.heading) !== 'timeline') {
      this.prose.push(section.rawHeading);
    }
    for (const block of readBlocks(section.lines)) {
      if (block.kind === 'table') this.readTable(block.header, block.rows);
      else if (block.kind === 'list') for (const item of block.items) this.readListItem(item);
      else this.readText(block.lines);
    }
  }

  result(): TimelineReading {
    return {
      entries: this.entries,
      undated: this.undated,
      prose: trimBlankEdges(this.prose),
      mapped: this.mapped,
      warnings: this.warnings,
      zonesUsed: [...this.zonesUsed],
      choices: this.choices,
    };
  }

  private setZone(zone: Zone, from: string): void {
    this.cursor.zone = zone;
    this.mapped.push(`Time zone from ${from}: ${describeZone(zone)}`);
  }

  private setDate(found: { date?: LocalDate; monthDay?: MonthDay }, from: string): void {
    const date = found.date ?? this.withYear(found.monthDay);
    if (!date) {
      this.prose.push(from);
      return;
    }
    this.cursor.date = date;
    this.cursor.lastContextMinutes = undefined;
    this.cursor.dateFromRow = false;
    this.mapped.push(`Date for the times below "${stripInline(from)}": ${isoDate(date)}`);
  }

  private withYear(monthDay: MonthDay | undefined): LocalDate | undefined {
    if (!monthDay) return undefined;
    const stated = this.cursor.date?.year ?? this.context.documentDate?.year ?? this.context.yearHint;
    const year = stated ?? this.context.otherDatesYear;
    if (year === undefined || !isRealDate(year, monthDay.month, monthDay.day)) return undefined;
    if (stated === undefined && !this.yearInferred) {
      this.yearInferred = true;
      this.choose(`Dates without a year were read as ${year}, the year of the other dates in the document; please check.`);
    }
    return { year, ...monthDay };
  }

  /** Fenced code (a log excerpt, a command) is evidence to keep as written, not rows. */
  private readText(lines: readonly string[]): void {
    let fence: string | undefined;
    // Where the prose lines of the paragraph being read start in `prose`, for a time on the line under them.
    let paragraph: number | undefined;
    for (const line of lines) {
      const marker = FENCE.exec(line)?.[1];
      const under = fence || marker || paragraph === undefined ? undefined : stampAlone(line);
      if (fence) {
        this.prose.push(line);
        if (line.trim().startsWith(fence)) fence = undefined;
      } else if (marker) {
        fence = marker.slice(0, 3);
        this.prose.push(line);
      } else if (under && paragraph !== undefined) {
        this.readTimeUnderText(this.prose.splice(paragraph), under);
      } else {
        const before = this.prose.length;
        this.readLine(line);
        const keptAsProse = line.trim() !== '' && this.prose.length === before + 1 && this.prose[before] === line;
        paragraph = keptAsProse ? paragraph ?? before : undefined;
        continue;
      }
      paragraph = undefined;
    }
  }

  /** Status page updates: "Resolved - This incident has been resolved." with "Nov 2, 14:05 UTC" on the next line. */
  private readTimeUnderText(text: string[], stamp: LeadingStamp): void {
    if (!this.timeUnderTextNoted) {
      this.timeUnderTextNoted = true;
      this.mapped.push(`A time alone on the line under some text (from "${stamp.written}") dates that text`);
    }
    this.readRow({ stamp: stamp.stamp, written: stamp.written, text: text.map((l) => l.trim()).join(' ') });
  }

  private readLine(line: string): void {
    if (line.trim() === '') {
      this.prose.push(line);
      return;
    }
    const date = parseDateLine(line);
    const leading = date ? undefined : splitLeadingStamp(line);
    const sentences = date ? undefined : timedSentences(line);
    if (sentences && (!leading || sentences.filter((s) => s.stamp).length > 1)) {
      this.readSentences(sentences);
      return;
    }
    if (leading && leading.rest !== '') {
      this.readRow({ stamp: leading.stamp, written: leading.written, text: leading.rest });
      return;
    }
    const zone = findZoneStatement(line);
    if (zone) this.setZone(zone, `"${stripInline(line)}"`);
    if (date) this.setDate(date, line);
    if (!zone && !date) this.prose.push(line);
  }

  private readSentences(sentences: readonly Sentence[]): void {
    if (!this.sentencesNoted) {
      this.sentencesNoted = true;
      this.mapped.push('Sentences of the timeline text with one time each became entries; the rest stays as text');
    }
    for (const sentence of sentences) {
      if (sentence.stamp) this.readRow({ stamp: sentence.stamp, written: sentence.written ?? '', text: sentence.text });
      else this.prose.push(sentence.text);
    }
  }

  private readListItem(item: ListItem): void {
    const leading = parseDateLine(item.text) ? undefined : splitLeadingStamp(`- ${item.text}`);
    const details: string[] = [];
    const stamped: ListItem[] = [];
    for (const child of item.children) {
      if (splitLeadingStamp(`- ${child.text}`)) stamped.push(child);
      else details.push(flattenChild(child));
    }
    const withDetails = (text: string): string => [text, ...details].filter((t) => t !== '').join('; ');
    if (leading && leading.rest !== '') {
      this.readRow({ stamp: leading.stamp, written: leading.written, text: withDetails(leading.rest) });
    } else if (leading || parseDateLine(item.text)) {
      // A date (or time) with nothing after it heads the items nested below it.
      const date = parseDateLine(item.text);
      if (date) this.setDate(date, item.text);
      else this.readRow({ stamp: leading?.stamp, written: leading?.written ?? '', text: withDetails('') });
      for (const child of item.children) if (!stamped.includes(child)) this.readListItem(child);
    } else if (item.text.trim() !== '' || details.length > 0) {
      this.undated.push({ time: '', text: withDetails(stripInline(item.text)), reason: 'no time given' });
    }
    for (const child of stamped) this.readListItem(child);
  }

  private readTable(header: string[] | undefined, written: string[][]): void {
    const rows = withClockTimes(header, written);
    if (rows !== written) this.mapped.push('Times written as four digits ("1415") in a time column were read as hours and minutes (14:15)');
    const columns = tableColumns(header, rows);
    if (columns.time === undefined) {
      // Not a table of events (no column holds times): keep it whole.
      if (header) this.prose.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
      for (const row of rows) this.prose.push(`| ${row.join(' | ')} |`);
      return;
    }
    const headerText = header ? header.filter((h) => h !== '').join(', ') : 'no header';
    this.mapped.push(`Timeline table (${headerText}): ${rows.length} row${rows.length === 1 ? '' : 's'}`);
    const columnZone = header ? [columns.time, columns.date].map((i) => (i === undefined ? undefined : findZoneInHeader(header[i]))).find((z) => z) : undefined;
    if (columnZone) this.mapped.push(`Time zone from the column heading: ${describeZone(columnZone)}`);
    for (const row of rows) {
      const cell = (i: number | undefined): string => (i === undefined ? '' : (row[i] ?? '').trim());
      const written = [cell(columns.date), cell(columns.time)].filter((c) => c !== '').join(' ');
      const extras = columns.extra
        .filter((i) => cell(i) !== '')
        .map((i) => (header && header[i] ? `${stripInline(header[i])}: ${cell(i)}` : cell(i)));
      const text = [cell(columns.text), ...extras].filter((t) => t !== '').join(' — ');
      if (written === '' && text === '') continue;
      const evidence = cell(columns.evidence);
      const evidenceUrl = /^<?(https?:\/\/\S+?)>?$/.exec(stripInline(evidence))?.[1];
      this.readRow({
        stamp: parseStamp(written),
        written: stripInline(written),
        text: evidence && !evidenceUrl ? `${text} (${evidence})` : text,
        who: namedIn(stripInline(cell(columns.who))),
        evidence: evidenceUrl,
        columnZone,
      });
    }
  }

  private readRow(row: RowInput): void {
    const text = eventText(row.text, row.stamp);
    const keep = (reason: string): void => {
      this.undated.push({ time: row.written, text: row.who ? `${text} (${row.who})` : text, reason });
    };
    const stamp = row.stamp;
    if (!stamp) return keep('no time given');
    const zone = stamp.zone ?? row.columnZone ?? this.cursor.zone ?? this.context.zone;
    const ordered = stamp.eitherOrder && stamp.time ? this.inDocumentOrder(stamp.eitherOrder, zone) : undefined;
    if (stamp.dateProblem && !ordered) return keep(stamp.dateProblem);
    if (stamp.timeProblem) return keep(stamp.timeProblem);
    if (!stamp.time) return keep('only a date, no time of day');
    const minutes = stamp.time.hour * 60 + stamp.time.minute;
    let date = stamp.date ?? ordered ?? this.repairYear(stamp) ?? this.withYear(stamp.monthDay);
    if (date) {
      // A row's own date also dates the rows after it that give only a time.
      this.cursor.date = date;
      this.cursor.lastContextMinutes = minutes;
      this.cursor.dateFromRow = true;
    } else {
      date = this.contextDate(row.written);
      if (!date) return keep('no date for this time');
      date = this.rollOverMidnight(date, minutes, row.written);
    }
    if (!stamp.zone && !row.columnZone && !this.cursor.zone && !this.context.zoneStated) this.zonesUsed.add(`${describeZone(zone)} (not stated in the source)`);
    else this.zonesUsed.add(describeZone(zone, date));
    const { iso, epochMs } = zonedTimestamp(date, stamp.time, zone);
    const marker = markerOf(text);
    this.entries.push({
      at: iso,
      epochMs,
      kind: marker?.kind ?? guessEntryKind(text) ?? 'action',
      who: row.who,
      text: text || '(no description in the source)',
      evidence: row.evidence,
      sourceTime: row.written,
      marker: marker?.marker,
    });
  }

  /** `03/06/2024` in the order the document's unambiguous dates use, else the order of the zone's country. */
  private inDocumentOrder(parts: SlashedParts, zone: Zone): LocalDate | undefined {
    const choice = chooseSlashedOrder(this.context.slashedOrder, zone);
    const date = choice ? inOrder(parts, choice.order) : undefined;
    if (!date || !choice) return undefined;
    const note = orderNote(parts, choice);
    if (!this.choices.includes(note)) this.choose(note);
    return date;
  }

  /** A guess the reader of the imported file should see, not only the person importing. */
  private choose(note: string): void {
    this.choices.push(note);
    this.warnings.push(note);
  }

  /** The date above a time-only row: a heading, an earlier row, else the document's date. */
  private contextDate(written: string): LocalDate | undefined {
    if (this.cursor.date) {
      if (this.cursor.dateFromRow && !this.carriedForward) {
        this.carriedForward = true;
        this.choose(`Rows with only a time (from "${written}") take the date of the row above them (${isoDate(this.cursor.date)}); please check.`);
      }
      return this.cursor.date;
    }
    const documentDate = this.context.documentDate;
    if (documentDate) this.cursor.date = documentDate;
    return documentDate;
  }

  private repairYear(stamp: Stamp): LocalDate | undefined {
    const typo = stamp.yearTypo;
    const hint = this.context.yearHint;
    if (!typo || hint === undefined) return undefined;
    const candidates = new Set<number>();
    for (let i = 0; i < typo.written.length; i++) candidates.add(Number(typo.written.slice(0, i) + typo.written.slice(i + 1)));
    if (!candidates.has(hint) || !isRealDate(hint, typo.month, typo.day)) return undefined;
    if (!this.repairedYears.has(typo.written)) {
      this.repairedYears.add(typo.written);
      this.warnings.push(`The year "${typo.written}" looks like a typo for ${hint}; those rows were read as ${hint}.`);
    }
    return { year: hint, month: typo.month, day: typo.day };
  }

  /** Times on one date that go backwards by half a day have crossed midnight. */
  private rollOverMidnight(date: LocalDate, minutes: number, written: string): LocalDate {
    const last = this.cursor.lastContextMinutes;
    this.cursor.lastContextMinutes = minutes;
    if (last === undefined || last - minutes < 12 * 60) return date;
    const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
    const nextDate = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
    this.cursor.date = nextDate;
    this.choose(`The time ${written} comes after a later one, so it was read as the next day (${isoDate(nextDate)}).`);
    return nextDate;
  }
}

/** A name, not a placeholder ("—", "N/A", "-"). */
function namedIn(cell: string): string | undefined {
  return isRealValue(cell) && !/^[—–]+$/.test(cell) ? cell : undefined;
}

/** A line that is only a time, with or without a date ("Nov 2, 14:05 UTC"). */
function stampAlone(line: string): LeadingStamp | undefined {
  const found = parseDateLine(line) ? undefined : splitLeadingStamp(line);
  return found && found.rest === '' && found.stamp.time ? found : undefined;
}

function eventText(raw: string, stamp: Stamp | undefined): string {
  let text = stripInline(raw);
  if (stamp?.until) text += ` (until ${stamp.until})`;
  if (stamp?.approximate && stamp.time) text += ' (time approximate)';
  return text.trim();
}

function flattenChild(item: ListItem): string {
  const own = stripInline(item.text);
  const children = item.children.map(flattenChild).filter((t) => t !== '');
  return children.length > 0 ? `${own}: ${children.join('; ')}` : own;
}

interface Columns {
  readonly time?: number;
  readonly date?: number;
  readonly text?: number;
  readonly who?: number;
  readonly evidence?: number;
  readonly extra: number[];
}

const TIME_HEADER = /\b(time|times|when|timestamp|hour|utc|gmt|date and time|date\/time)\b/i;
const DATE_HEADER = /^\W*(date|day)\W*$/i;
const TEXT_HEADER = /\b(event|events|description|what|action|actions|details?|activity|note|notes|happened|summary|update|message|entry|comment)\b/i;
const WHO_HEADER = /\b(who|owner|actor|by|person|people|team|responder|operator|author|source of action)\b/i;
const EVIDENCE_HEADER = /\b(link|links|evidence|reference|ref|url|proof)\b/i;

function tableColumns(header: string[] | undefined, rows: string[][]): Columns {
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const names = header ?? [];
  const find = (pattern: RegExp, taken: Array<number | undefined>): number | undefined => {
    for (let i = 0; i < width; i++) if (!taken.includes(i) && pattern.test(stripInline(names[i] ?? ''))) return i;
    return undefined;
  };
  let date = find(DATE_HEADER, []);
  let time = find(TIME_HEADER, [date]);
  if (time === undefined && date !== undefined) [time, date] = [date, undefined];
  if (time === undefined || !holdsStamps(rows, time)) {
    time = undefined;
    for (let i = 0; i < width && time === undefined; i++) if (i !== date && holdsStamps(rows, i)) time = i;
  }
  if (time === undefined) return { extra: [] };
  const text = find(TEXT_HEADER, [time, date]);
  const who = find(WHO_HEADER, [time, date, text]);
  const evidence = find(EVIDENCE_HEADER, [time, date, text, who]);
  const used = [time, date, text, who, evidence];
  const rest: number[] = [];
  for (let i = 0; i < width; i++) if (!used.includes(i)) rest.push(i);
  // Without a named event column, the first other column is the event.
  if (text === undefined) return { time, date, who, evidence, text: rest[0], extra: rest.slice(1) };
  return { time, date, text, who, evidence, extra: rest };
}

const FOUR_DIGIT_TIME = /^\s*([01]\d|2[0-3])([0-5]\d)\s*$/;

/** `1415` in a column headed as a time is 14:15; elsewhere four digits may be a year or a number. */
function withClockTimes(header: string[] | undefined, rows: string[][]): string[][] {
  const columns = (header ?? []).map((h, i) => (TIME_HEADER.test(stripInline(h)) && !DATE_HEADER.test(stripInline(h)) ? i : -1)).filter((i) => i >= 0);
  if (!rows.some((row) => columns.some((i) => FOUR_DIGIT_TIME.test(row[i] ?? '')))) return rows;
  return rows.map((row) => row.map((cell, i) => (columns.includes(i) ? cell.replace(FOUR_DIGIT_TIME, '$1:$2') : cell)));
}

function holdsStamps(rows: string[][], column: number): boolean {
  const cells = rows.map((r) => r[column] ?? '').filter((c) => c.trim() !== '');
  if (cells.length === 0) return false;
  const stamped = cells.filter((c) => parseStamp(c) !== undefined).length;
  return stamped * 2 >= cells.length;
}
