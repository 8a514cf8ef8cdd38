/**
 * Builds the timeline panel's model from an incident's text: the header, the
 * lifecycle markers, every entry, and the rows a reader scans top to bottom.
 */
import { FrontMatterText } from '../edits/frontMatterEdits';
import { splitFrontMatter } from '../frontMatter';
import { LineIndex, stripBom } from '../text';
import { parseTimestamp } from '../timestamps';
import { parseYamlWithSpans } from '../yamlTree';
import { buildRows, quietGapThreshold } from './rows';
import { LIFECYCLE_MARKERS, type LifecycleMarker, type TimelineEntry, type TimelineHeader, type TimelineModel } from './types';

const EMPTY_HEADER: TimelineHeader = { id: '', title: '', severity: '', status: '' };

/**
 * The model of an incident's text. `parsed`, when given, is that text already
 * parsed (the extension keeps the parse of the version it showed, so an edit
 * against that version need not parse again).
 */
export function buildTimelineModel(rawText: string, parsed?: FrontMatterText): TimelineModel {
  const text = stripBom(rawText);
  const fm = parsed?.text === text ? parsed : FrontMatterText.parse(text);
  if (!fm) return unreadable(problemOf(text));

  const value = fm.value;
  const header: TimelineHeader = {
    id: asText(value.id),
    title: asText(value.title),
    severity: asText(value.severity),
    status: asText(value.status),
  };

  const markers: LifecycleMarker[] = [];
  for (const name of LIFECYCLE_MARKERS) {
    const at = asText(value[name]);
    const time = parseTimestamp(at);
    if (!time) continue;
    const node = fm.node([name]);
    markers.push({ name, at, epochMs: time.epochMs, line: node ? fm.lineOf(fm.offset(node)) : 0 });
  }

  const entries = readEntries(fm);
  const offsetMinutes = incidentOffset(value);

  const timed = [
    ...markers.map((marker) => marker.epochMs),
    ...entries.flatMap((entry) => (entry.epochMs === null ? [] : [entry.epochMs])),
  ];
  const quietGapMs = quietGapThreshold(timed);
  const rows = buildRows(markers, entries, offsetMinutes, quietGapMs);
  return { header, offsetMinutes, markers, entries, rows, quietGapMs, problem: null };
}

function readEntries(fm: FrontMatterText): TimelineEntry[] {
  const list = fm.value.timeline;
  if (!Array.isArray(list)) return [];
  const items = fm.node(['timeline'])?.items ?? [];
  return list.map((item: unknown, index): TimelineEntry => {
    const fields = isRecord(item) ? item : {};
    const at = asText(fields.at);
    const node = items[index];
    return {
      index,
      at,
      epochMs: parseTimestamp(at)?.epochMs ?? null,
      kind: asText(fields.kind),
      who: asText(fields.who),
      // An item that is not a map still shows, so the reader knows it is there.
      text: isRecord(item) ? asText(fields.text) : asText(item),
      evidence: asText(fields.evidence),
      line: node ? fm.lineOf(fm.offset(node)) : 0,
    };
  });
}

/** The offset of `started`; without a readable start, the first entry's is the next best guess of the incident's zone. */
export function incidentOffset(value: Record<string, unknown>): number {
  const started = parseTimestamp(asText(value.started));
  if (started) return started.offsetMinutes;
  const list = Array.isArray(value.timeline) ? (value.timeline as unknown[]) : [];
  for (const item of list) {
    const time = isRecord(item) ? parseTimestamp(asText(item.at)) : undefined;
    if (time) return time.offsetMinutes;
  }
  return 0;
}

function unreadable(problem: string): TimelineModel {
  return { header: EMPTY_HEADER, offsetMinutes: 0, markers: [], entries: [], rows: [], quietGapMs: 0, problem };
}

/** Why FrontMatterText could not read the text, in words a reader can act on. */
function problemOf(text: string): string {
  const split = splitFrontMatter(text);
  if (split.kind === 'none') return 'This file has no front matter, so it has no timeline.';
  if (split.kind === 'unclosed') return 'The front matter has no closing --- line yet.';
  const parsed = parseYamlWithSpans(text.slice(split.yamlStart, split.yamlEnd));
  if (!parsed.ok) {
    const line = new LineIndex(text).positionAt(split.yamlStart + parsed.offset).line + 1;
    return `The front matter has a YAML error on line ${line} (${parsed.message}). The timeline comes back once it is fixed.`;
  }
  return 'The front matter is not a map of fields.';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scalars as text (YAML may read `who: 42` as a number); anything else as empty. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
