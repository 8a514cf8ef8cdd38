/**
 * Imports one postmortem written in Markdown as an incident file (format
 * version 1). Pure: text in, text out; the caller reads and writes files.
 *
 * Nothing in the source is lost: what maps to a field goes to the front
 * matter, everything else stays in the body, and `mapped` / `leftInBody`
 * say which went where.
 */
import { parse as parseYaml } from 'yaml';
import { readActions } from './actions';
import { BodyBuilder, type BodySection } from './body';
import { chooseSlashedOrder, findDateInText, isoDate, parseDateLine, parseStamp, slashedOrderIn, type OrderChoice } from './dates';
import { readFactors } from './factors';
import { asFieldLines } from './field-lines';
import { chooseId, cleanTitle, idFromName, idFromValue, slugify, titleFromFileName } from './identity';
import { dateInTitleOrProse, usualYear } from './document-date';
import { deriveLifecycle, type DerivedTime } from './lifecycle';
import { parseDocument, splitLines, stripInline, withoutClosingHashes } from './markdown';
import { outline, type RoutedSection } from './outline';
import { readPeople, roleOf } from './people';
import { isStandaloneHeading, type SectionKind } from './sections';
import { DEFAULT_LEVELS, findSeverity, toLevel } from './severity';
import { isRealValue, readKeyValue, readStats } from './stats';
import { readTimeline } from './timeline';
import { isWhitespace } from './trim';
import type { ImportOptions, ImportResult, LocalDate, SeverityOrigin, TimelineEntry } from './types';
import { writeFrontMatter, type CommentedValue } from './yaml-writer';
import { describeZone, findZoneStatement, parseZone, zonedTimestamp, type Zone } from './zones';
import { nowDate } from '../clock';

export type { ImportOptions, ImportResult, SeverityOrigin } from './types';

const DESTINATION: Readonly<Partial<Record<SectionKind, BodySection>>> = {
  summary: 'Summary',
  impact: 'Impact',
  narrative: 'Narrative',
  perspectives: 'Perspectives',
  'went-well': 'What went well',
  lucky: 'Where we got lucky',
  'open-questions': 'Open questions',
  learnings: 'Learnings',
  stats: 'Narrative',
  factors: 'Narrative',
  actions: 'Narrative',
  participants: 'Narrative',
  timeline: 'Timeline (not dated)',
};

export function importPostmortem(sourceName: string, markdown: string, options: ImportOptions): ImportResult {
  return new PostmortemImport(sourceName, markdown, options).run();
}

class PostmortemImport {
  private readonly mapped: string[] = [];
  private readonly leftInBody: string[] = [];
  private readonly warnings: string[] = [];
  private readonly body = new BodyBuilder();
  private readonly levels: readonly string[];
  /** Guesses kept at the top of the imported file, so its readers see them too. */
  private readonly choices: string[] = [];

  constructor(
    private readonly sourceName: string,
    private readonly markdown: string,
    private readonly options: ImportOptions,
  ) {
    this.levels = options.severityLevels && options.severityLevels.length > 0 ? options.severityLevels : DEFAULT_LEVELS;
    if (options.decodingNote) this.addChoices([options.decodingNote]);
  }

  /** The timeline reader warns about its own guesses; the others are warned about here. */
  private addChoices(notes: readonly string[], warned = false): void {
    for (const note of notes) {
      if (this.choices.includes(note)) continue;
      this.choices.push(note);
      if (!warned) this.warnings.push(note);
    }
  }

  run(): ImportResult {
    const doc = parseDocument(this.markdown, isStandaloneHeading);
    const parts = outline(doc);
    const sourceFields = this.readSourceFrontMatter(doc.frontMatter?.lines);
    const of = (kind: SectionKind): RoutedSection[] => parts.sections.filter((s) => s.kind === kind);
    // Without a title heading, the first section may be a document heading ("## Incident Review") over the fields.
    const opening = parts.title ? [] : parts.sections.slice(0, 1).filter((s) => s.kind === 'narrative').flatMap((s) => s.section.lines);
    const metadataLines = asFieldLines([...parts.intro, ...opening, ...of('stats').flatMap((s) => s.section.lines), ...of('summary').flatMap((s) => s.section.lines)]);
    metadataLines.unshift(...(doc.frontMatter?.lines ?? []));

    // Title: the heading, or the first line under a template's placeholder heading.
    const fileId = idFromName(this.sourceName);
    const headingId = parts.title ? idFromName(stripInline(parts.title.heading)) : undefined;
    const metadataId = this.metadataValue(metadataLines, /^(incident )?(id|number|no|#)$/, idFromValue);
    const idCandidate = sourceFields.id ?? metadataId ?? fileId ?? headingId;
    const intro = [...parts.intro];
    let title = parts.title ? cleanTitle(parts.title.heading, idCandidate) : undefined;
    if (parts.title && !title) {
      const first = intro.findIndex((l) => l.trim() !== '');
      const candidate = first >= 0 && (intro[first + 1] ?? '').trim() === '' ? cleanTitle(intro[first], idCandidate) : undefined;
      if (candidate && candidate.length <= 120 && !/[.:]$/.test(candidate)) {
        title = candidate;
        intro.splice(first, 1);
        this.mapped.push(`Title "${candidate}" from the line under the placeholder heading "${stripInline(parts.title.heading)}"`);
      }
    }
    title ??= this.metadataValue(metadataLines, /^(incident|incident title|incident name|title)$/, (v) => cleanTitle(v, idCandidate)) ?? sourceFields.title ?? titleFromFileName(this.sourceName, idCandidate) ?? (parts.title ? stripInline(parts.title.heading) || undefined : undefined);
    if (!title) {
      title = 'Imported incident';
      this.warnings.push('The source has no title, so it is "Imported incident"; please give it one.');
    } else if (!this.mapped.some((m) => m.startsWith('Title'))) {
      const heading = parts.title ? stripInline(parts.title.heading) : '';
      this.mapped.push(heading && heading !== title ? `Title "${title}" from the heading "${heading}"` : `Title "${title}"`);
    }

    // Dates and zone the document states outside its timeline.
    const documentDate = sourceFields.date ?? this.metadataValue(metadataLines, /^(date|incident date|date of incident|day)$/, (v) => findDateInText(v)) ?? this.dateInPassing(parts.title?.heading, [...parts.intro, ...of('summary').flatMap((s) => s.section.lines)]);
    const statedZone = this.documentZone([...parts.intro, ...of('summary').flatMap((s) => s.section.lines)]);
    const optionZone = parseZone(this.options.timeZone ?? 'UTC');
    if (!optionZone) this.warnings.push(`The time zone "${this.options.timeZone}" is not one I know, so UTC is used where the source states none.`);
    const zone: Zone = statedZone ?? optionZone ?? { label: 'UTC', fixedMinutes: 0 };
    const yearHint = yearIn(idCandidate) ?? yearIn(this.sourceName) ?? documentDate?.year;
    const otherDatesYear = usualYear(splitLines(this.markdown));
    const slashedOrder = slashedOrderIn(this.markdown);

    const timelineSections = of('timeline').map((s) => s.section);
    const reading = readTimeline(timelineSections, { zone, zoneStated: statedZone !== undefined, documentDate, yearHint, otherDatesYear, slashedOrder });
    this.mapped.push(...reading.mapped);
    this.warnings.push(...reading.warnings);
    this.addChoices(reading.choices, true);
    const entries = sortByTime(reading.entries);
    if (entries.some((e, i) => e !== reading.entries[i])) this.mapped.push('Timeline rows put in time order (the source had some out of order)');

    const stats = readStats(metadataLines);
    let lifecycle = deriveLifecycle(entries, stats);
    if (!lifecycle.started) lifecycle = { ...(this.lifecycleFromFields(metadataLines, zone) ?? this.lifecycleWithoutTimeline(zone, documentDate, parts.intro, of('summary'))), notes: [] };
    const started = lifecycle.started as DerivedTime;

    // Severity: the source's, else the one asked for, else the default.
    const stated = findSeverity(metadataLines, this.levels);
    const severity = this.chooseSeverity(stated);

    const idChoice = chooseId(idCandidate, idSourceName(idCandidate, sourceFields.id, metadataId, fileId), this.options.existingIds, Number(started.iso.slice(0, 4)));
    this.mapped.push(idChoice.note);
    if (idChoice.warning) this.warnings.push(idChoice.warning);

    // Parts that map to lists.
    const startDate = localDateOf(started.iso);
    const factors = of('factors').flatMap((s) => this.mapFactors(s));
    const actions = this.renumber(of('actions').flatMap((s) => this.mapActions(s, startDate, chooseSlashedOrder(slashedOrder, zone))));
    const people = of('participants').map((s) => this.mapPeople(s));
    const participants = unique(people.flatMap((p) => p.participants));
    const roles = Object.assign({}, ...people.map((p) => p.roles), this.rolesFrom(asFieldLines(parts.intro))) as Record<string, string>;
    const tags = unique(stats.categories.map((c) => c.toLowerCase().replace(/\s+/g, '-')));
    if (tags.length > 0) this.mapped.push(`Category → tags: ${tags.join(', ')}`);
    for (const line of stats.unusable) this.leftInBody.push(`"${line}" is too vague to derive a time from; it stays in the body.`);

    // Status: a postmortem with follow-ups or learnings has had its review.
    const reviewed = entries.length > 0 && (actions.length > 0 || of('learnings').some((s) => hasText(s.section.lines)) || participants.length > 0);
    const status: CommentedValue = reviewed
      ? { value: 'reviewed', comment: 'a finished postmortem (it has follow-ups, learnings or attendees)' }
      : { value: 'resolved', comment: 'imported postmortem' };

    this.describeTimeline(timelineSections.map((s) => s.heading), entries, reading.zonesUsed, lifecycle);
    this.buildBody(intro, parts.sections, reading.prose, reading.undated, lifecycle.notes, doc.frontMatter?.lines);

    const frontMatter = writeFrontMatter({
      id: idChoice.id,
      title,
      status,
      severity: severity.value,
      started: { value: started.iso, comment: started.reason },
      detected: timeValue(lifecycle.detected),
      mitigated: timeValue(lifecycle.mitigated),
      resolved: timeValue(lifecycle.resolved),
      tags,
      roles,
      participants,
      factors,
      actions,
      timeline: entries,
    });
    const preface = [
      `_Imported from "${baseName(this.sourceName)}". Fields were read from the postmortem; comments in the front matter say how each time was derived._`,
      ...(this.choices.length > 0 ? ['', '_Guesses made while reading the source:_', '', ...this.choices.map((c) => `- _${c}_`)] : []),
    ].join('\n');
    const text = `${frontMatter}\n\n${this.body.render(preface)}`;
    return {
      fileName: `${started.iso.slice(0, 10)}-${slugify(title)}.md`,
      text,
      id: idChoice.id,
      severityFrom: severity.origin,
      mapped: this.mapped,
      leftInBody: this.leftInBody,
      warnings: this.warnings,
    };
  }

  private readSourceFrontMatter(lines: string[] | undefined): { id?: string; title?: string; date?: LocalDate } {
    if (!lines) return {};
    let data: unknown;
    try {
      data = parseYaml(lines.join('\n'));
    } catch {
      return {};
    }
    if (typeof data !== 'object' || data === null) return {};
    const fields = data as Record<string, unknown>;
    const text = (key: string): string | undefined => (typeof fields[key] === 'string' || typeof fields[key] === 'number' ? String(fields[key]) : undefined);
    const date = text('date') ?? text('started') ?? text('incident_start_time');
    return {
      id: text('id') ? idFromValue(text('id') as string) : undefined,
      title: text('title') && isRealValue(text('title') as string) ? text('title') : undefined,
      date: date ? findDateInText(date) : undefined,
    };
  }

  private metadataValue<T>(lines: readonly string[], key: RegExp, read: (value: string) => T | undefined): T | undefined {
    for (const line of lines) {
      const pair = readKeyValue(line);
      if (pair && key.test(pair.key)) {
        const value = read(pair.value);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  }

  /** A date the document gives only in its title or opening prose. */
  private dateInPassing(title: string | undefined, prose: readonly string[]): LocalDate | undefined {
    const found = dateInTitleOrProse(title, prose);
    if (found) this.mapped.push(`Date for times without one: ${isoDate(found.date)}, from ${found.from}`);
    return found?.date;
  }

  private documentZone(lines: readonly string[]): Zone | undefined {
    for (const line of lines) {
      if (!/\b(times?|time\s*-?\s*zone|timezone)\b/i.test(line)) continue;
      const zone = findZoneStatement(line);
      if (zone) {
        this.mapped.push(`Time zone for the whole document from "${stripInline(line)}": ${describeZone(zone)}`);
        return zone;
      }
    }
    return undefined;
  }

  /** Without a dated timeline row: `Start time:`, `Detected:` and `End time:` fields with a date and time. */
  private lifecycleFromFields(lines: readonly string[], zone: Zone): { started: DerivedTime; detected?: DerivedTime; resolved?: DerivedTime } | undefined {
    const field = (key: RegExp): DerivedTime | undefined =>
      this.metadataValue(lines, key, (value) => {
        const stamp = parseStamp(value);
        if (!stamp?.date || !stamp.time) return undefined;
        return { ...zonedTimestamp(stamp.date, stamp.time, stamp.zone ?? zone), reason: `from "${value}" in the source` };
      });
    const started = field(/^(start|start time|started|started at|incident start|incident start time|began)$/);
    if (!started) return undefined;
    const detected = field(/^(detected|detected at|detection time|time detected)$/);
    const resolved = field(/^(end|end time|ended|ended at|resolved|resolved at|incident end|incident end time)$/) ?? { ...started, reason: 'not known; set to started' };
    return { started, detected, resolved };
  }

  /** Without a dated timeline row: a date the source gives, else the import time. */
  private lifecycleWithoutTimeline(zone: Zone, documentDate: LocalDate | undefined, intro: readonly string[], summaries: RoutedSection[]) {
    const prose = [...intro, ...summaries.flatMap((s) => s.section.lines)];
    const fileDate = parseDateLine(baseName(this.sourceName).slice(0, 10));
    const date = documentDate ?? fileDate?.date ?? prose.map((l) => findDateInText(l)).find((d) => d !== undefined);
    if (date) {
      const { iso, epochMs } = zonedTimestamp(date, { hour: 0, minute: 0, second: 0 }, zone);
      const reason = `only the date is known (${isoDate(date)}); the time of day is not`;
      this.warnings.push(`No timeline row has an exact time, so started and resolved are ${isoDate(date)} at 00:00; please correct them.`);
      return { started: { iso, epochMs, reason }, resolved: { iso, epochMs, reason: 'not known; set to started' } };
    }
    const now = this.options.now ?? nowDate();
    const date0 = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
    const { iso, epochMs } = zonedTimestamp(date0, { hour: now.getUTCHours(), minute: now.getUTCMinutes(), second: 0 }, { label: 'UTC', fixedMinutes: 0 });
    this.warnings.push('The source gives no date at all, so started and resolved are set to the time of the import; please correct them.');
    return {
      started: { iso, epochMs, reason: 'not in the source: the time of the import, please correct' },
      resolved: { iso, epochMs, reason: 'not in the source: set to started, please correct' },
    };
  }

  private chooseSeverity(stated: { level?: string; written: string } | undefined): { value: CommentedValue; origin: SeverityOrigin } {
    if (stated?.level) {
      this.mapped.push(`Severity ${stated.level} from "${stated.written}"`);
      return { value: { value: stated.level }, origin: 'source' };
    }
    if (stated) this.warnings.push(`"${stated.written}" does not match a severity level (${this.levels.join(', ')}); it stays in the body.`);
    const asked = this.options.severity ? toLevel(this.options.severity, this.levels) : undefined;
    if (asked) {
      this.mapped.push(`Severity ${asked} (chosen at import; the source does not say)`);
      return { value: { value: asked, comment: 'chosen at import; the source does not say' }, origin: 'option' };
    }
    const fallback = toLevel(this.options.defaultSeverity, this.levels) ?? this.levels[this.levels.length - 1];
    this.mapped.push(`Severity ${fallback} (the default; the source does not say)`);
    return { value: { value: fallback, comment: 'the default; the source does not say' }, origin: 'default' };
  }

  private mapFactors(routed: RoutedSection) {
    const reading = readFactors(routed.section.lines);
    if (reading.factors.length > 0) {
      const kinds = countBy(reading.factors.map((f) => f.kind));
      this.mapped.push(`"${routed.section.heading}" → factors: ${reading.factors.length} (kinds guessed: ${kinds})`);
    }
    if (reading.factors.length === 0 && !hasText(reading.kept)) this.leftInBody.push(`"${routed.section.heading}": no items in the source`);
    this.keep(routed, reading.kept, 'not a list of factors');
    return reading.factors;
  }

  private mapActions(routed: RoutedSection, startDate: LocalDate, order: OrderChoice | undefined) {
    const reading = readActions(routed.section.lines, startDate, order);
    this.addChoices(reading.choices);
    if (reading.actions.length > 0) {
      const statuses = countBy(reading.actions.map((a) => a.status));
      const table = reading.columns.length > 0 ? ` from a table (${reading.columns.join(', ')})` : '';
      this.mapped.push(`"${routed.section.heading}" → actions: ${reading.actions.length}${table} (${statuses})`);
      this.mapped.push(...reading.notes);
      if (reading.actions.some((a) => a.status === 'open' && (!a.owner || !a.due))) {
        this.leftInBody.push('Open actions without an owner or due date are flagged by lint until someone picks them up.');
      }
    }
    if (reading.actions.length === 0 && !hasText(reading.kept)) this.leftInBody.push(`"${routed.section.heading}": no items in the source`);
    this.keep(routed, reading.kept, 'not an action item');
    return reading.actions;
  }

  private mapPeople(routed: RoutedSection) {
    const reading = readPeople(routed.section.lines);
    if (reading.participants.length > 0) this.mapped.push(`"${routed.section.heading}" → participants: ${reading.participants.join(', ')}`);
    for (const [role, person] of Object.entries(reading.roles)) this.mapped.push(`Role ${role}: ${person}`);
    if (reading.participants.length === 0 && !hasText(reading.kept)) this.leftInBody.push(`"${routed.section.heading}": no names in the source`);
    this.keep(routed, reading.kept, 'not a name');
    return reading;
  }

  private rolesFrom(lines: readonly string[]): Record<string, string> {
    const roles: Record<string, string> = {};
    for (const line of lines) {
      const pair = readKeyValue(line);
      const role = pair ? roleOf(pair.key) : undefined;
      if (pair && role && isRealValue(pair.value) && pair.value.split(/\s+/).length <= 4) {
        roles[role] = pair.value;
        this.mapped.push(`Role ${role}: ${pair.value}`);
      }
    }
    return roles;
  }

  private renumber<T extends { id: string }>(actions: T[]): T[] {
    return actions.map((a, i) => ({ ...a, id: `A${i + 1}` }));
  }

  /** Lines of a mapped section that were not mapped, under the section's own heading. */
  private keep(routed: RoutedSection, lines: readonly string[], why: string): void {
    if (!hasText(lines)) return;
    this.body.add('Narrative', [subHeading(routed, 3), '', ...lines]);
    this.leftInBody.push(`Part of "${routed.section.heading}" (${why}): kept under ## Narrative`);
  }

  private describeTimeline(
    headings: string[],
    entries: TimelineEntry[],
    zones: string[],
    lifecycle: { started?: DerivedTime; detected?: DerivedTime; mitigated?: DerivedTime; resolved?: DerivedTime },
  ): void {
    const from = headings.length > 0 ? ` from ${headings.map((h) => `"${h}"`).join(', ')}` : '';
    if (entries.length > 0) this.mapped.push(`Timeline${from}: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (times read as ${zones.join(', ')})`);
    else if (headings.length > 0) this.leftInBody.push(`Timeline${from}: no row with an exact time`);
    for (const key of ['started', 'detected', 'mitigated', 'resolved'] as const) {
      const time = lifecycle[key];
      if (time) this.mapped.push(`${key}: ${time.iso} (${time.reason})`);
    }
    if (zones.some((z) => z.includes('not stated'))) this.warnings.push('The source does not say which time zone its times are in, so they were read as UTC; please check.');
  }

  private buildBody(intro: string[], sections: RoutedSection[], timelineProse: string[], undated: { time: string; text: string; reason: string }[], notes: string[], sourceFrontMatter: string[] | undefined): void {
    if (hasText(intro)) {
      this.body.add('Summary', intro);
      this.leftInBody.push('Text before the first section: kept under ## Summary');
    }
    // Heading levels of the open sections: a sub-heading sits one below its parent's.
    const open: Array<{ depth: number; level: number }> = [];
    for (const routed of sections) {
      while (open.length > 0 && open[open.length - 1].depth >= routed.depth) open.pop();
      const parentLevel = open.length > 0 ? open[open.length - 1].level : 2;
      const destination = DESTINATION[routed.kind] ?? 'Narrative';
      const ownHeading = needsOwnHeading(routed, destination);
      const level = ownHeading ? Math.min(6, parentLevel + 1) : parentLevel;
      open.push({ depth: routed.depth, level });
      if (['factors', 'actions', 'participants', 'timeline'].includes(routed.kind)) continue;
      const lines = routed.kind === 'stats' && notes.length > 0 ? [...routed.section.lines, '', ...notes.map((n) => `_${n}_`)] : routed.section.lines;
      const heading = ownHeading ? [subHeading(routed, level), ''] : [];
      if (!hasText(lines) && heading.length === 0) {
        this.leftInBody.push(`"${routed.section.heading}": no text of its own in the source`);
        continue;
      }
      this.body.add(destination, [...heading, ...lines]);
      this.leftInBody.push(`"${routed.section.heading}": kept under ## ${destination}${routed.kind === 'narrative' ? ' (no field holds it)' : ''}`);
    }
    if (notes.length > 0 && !sections.some((s) => s.kind === 'stats')) this.body.add('Narrative', notes.map((n) => `_${n}_`));
    if (undated.length > 0 || hasText(timelineProse)) {
      const rows = undated.map((row) => `- ${row.time ? `${row.time} — ` : ''}${row.text || '(no description)'} _(${row.reason})_`);
      this.body.add('Timeline (not dated)', [
        '_These parts of the source timeline have no exact time, so they are kept here as written rather than in `timeline`._',
        '',
        ...rows,
        ...(rows.length > 0 && hasText(timelineProse) ? [''] : []),
        ...timelineProse,
      ]);
      if (undated.length > 0) this.leftInBody.push(`${undated.length} timeline row${undated.length === 1 ? '' : 's'} without an exact time: kept under ## Timeline (not dated)`);
      if (hasText(timelineProse)) this.leftInBody.push('Timeline text that is not a row: kept under ## Timeline (not dated)');
    }
    if (sourceFrontMatter && hasText(sourceFrontMatter)) {
      this.body.add('Narrative', ['### Original front matter', '', '```yaml', ...sourceFrontMatter, '```']);
      this.leftInBody.push('The source\'s own front matter: kept under ## Narrative');
    }
  }
}

const CANONICAL: Readonly<Partial<Record<BodySection, RegExp>>> = {
  Summary: /^(summary|incident summary|executive summary|overview|tl;?dr)$/i,
  Impact: /^(impact|customer impact|user impact)$/i,
  Learnings: /^(lessons learned|lessons learnt|lessons|learnings|what we learned)$/i,
  'What went well': /^what went well\??$/i,
  'Where we got lucky': /^where we got lucky\??$/i,
  'Open questions': /^open questions$/i,
  Perspectives: /^perspectives$/i,
};

function needsOwnHeading(routed: RoutedSection, destination: BodySection): boolean {
  if (routed.inherited || routed.kind === 'narrative' || routed.kind === 'stats') return true;
  return !(CANONICAL[destination]?.test(routed.section.heading.trim()) ?? false);
}

function subHeading(routed: RoutedSection, level: number): string {
  const written = routed.section.rawHeading.split('\n')[0].replace(/^\s*#+\s*/, '');
  return `${'#'.repeat(level)} ${stripInline(withoutClosingHashes(written, isWhitespace)) || routed.section.heading}`;
}

function timeValue(time: DerivedTime | undefined): CommentedValue | undefined {
  return time ? { value: time.iso, comment: time.reason } : undefined;
}

function sortByTime(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.epochMs - b.e.epochMs || a.i - b.i).map((x) => x.e);
}

function localDateOf(iso: string): LocalDate {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function yearIn(text: string | undefined): number | undefined {
  const match = text ? /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

function idSourceName(candidate: string | undefined, fromFrontMatter?: string, fromMetadata?: string, fromFile?: string): string {
  if (!candidate) return 'source';
  if (candidate === fromFrontMatter) return "source's front matter";
  if (candidate === fromMetadata) return 'source text';
  if (candidate === fromFile) return 'file name';
  return 'title heading';
}

function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}

function hasText(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() !== '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

