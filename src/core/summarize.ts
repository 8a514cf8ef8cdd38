/**
 * Reads the fields the product uses out of a front matter value, tolerating
 * any shape: invalid parts are reported by validation and skipped here.
 */
import type { ActionSummary, CodeLinkSummary, CommitSummary, IncidentSummary, LocatedText, LocatedTime } from './incident';
import type { FrontMatterLocator } from './located';
import { parseDate, parseTimestamp } from './timestamps';

type Fields = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Fields | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined);
const strings = (value: unknown): string[] => list(value).filter((item): item is string => typeof item === 'string');

export function summarize(fields: Fields, locator: FrontMatterLocator): IncidentSummary {
  const time = (name: string): LocatedTime | undefined => {
    const text = fields[name];
    if (typeof text !== 'string') return undefined;
    const parsed = parseTimestamp(text);
    return parsed ? { text, ...parsed, range: locator.valueRange([name]) } : undefined;
  };
  const review = record(fields.review);
  const impact = record(fields.impact);
  const fieldLines: Record<string, number> = {};
  for (const entry of locator.root?.entries ?? []) {
    if (typeof entry.key.value === 'string') fieldLines[entry.key.value] = locator.rangeOf(entry.key.span.start, entry.key.span.end).start.line;
  }
  return {
    id: str(fields.id),
    idRange: fields.id !== undefined ? locator.valueRange(['id']) : undefined,
    title: str(fields.title),
    status: str(fields.status),
    severity: str(fields.severity),
    started: time('started'),
    detected: time('detected'),
    mitigated: time('mitigated'),
    resolved: time('resolved'),
    services: services(fields.services, locator),
    tags: strings(fields.tags),
    roles: Object.fromEntries(Object.entries(record(fields.roles) ?? {}).filter((pair): pair is [string, string] => typeof pair[1] === 'string')),
    participants: strings(fields.participants),
    impact: impact ? { summary: str(impact.summary), customers: str(impact.customers), duration_note: str(impact.duration_note) } : undefined,
    nearMiss: fields.near_miss === true,
    review: review ? { status: str(review.status), facilitator: str(review.facilitator), held: str(review.held) } : undefined,
    code: codeLinks(fields.code, locator),
    commits: commits(fields.commits, locator),
    factors: list(fields.factors)
      .map(record)
      .filter((f): f is Fields => !!f && typeof f.kind === 'string' && typeof f.text === 'string')
      .map((f) => ({ kind: f.kind as string, text: f.text as string })),
    actions: actions(fields.actions, locator),
    timeline: timeline(fields.timeline, fieldLines.timeline),
    fieldLines,
    frontMatterRange: locator.openingRange,
  };
}

function services(value: unknown, locator: FrontMatterLocator): LocatedText[] {
  return list(value).flatMap((item, index) => (typeof item === 'string' ? [{ value: item, range: locator.valueRange(['services', index]) }] : []));
}

/** A code link's `lines` written as text, `N` or `N-M`; parseLines also checks that 1 <= N <= M. */
export const LINE_RANGE_SHAPE = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/;

export function parseLines(value: unknown): { start: number; end: number } | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return { start: value, end: value };
  if (typeof value !== 'string') return undefined;
  const m = LINE_RANGE_SHAPE.exec(value);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  return start >= 1 && end >= start ? { start, end } : undefined;
}

/** Absolute, home-relative or `..`-escaping paths are outside the workspace folder. */
export function isOutsideWorkspace(path: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  if (normalized.startsWith('/') || normalized.startsWith('~') || /^[A-Za-z]:/.test(normalized)) return true;
  let depth = 0;
  for (const segment of normalized.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

function codeLinks(value: unknown, locator: FrontMatterLocator): CodeLinkSummary[] {
  const links: CodeLinkSummary[] = [];
  list(value).forEach((item, index) => {
    const link = record(item);
    if (!link || typeof link.path !== 'string' || link.path.length === 0) return;
    const lines = parseLines(link.lines);
    links.push({
      index,
      path: link.path,
      pathRange: locator.valueRange(['code', index, 'path']),
      lines,
      linesRange: link.lines !== undefined ? locator.valueRange(['code', index, 'lines']) : undefined,
      pattern: str(link.pattern),
      note: str(link.note),
      ref: str(link.ref),
      outside: isOutsideWorkspace(link.path),
    });
  });
  return links;
}

function commits(value: unknown, locator: FrontMatterLocator): CommitSummary[] {
  const found: CommitSummary[] = [];
  list(value).forEach((item, index) => {
    const commit = record(item);
    if (!commit || typeof commit.sha !== 'string' || !/^[0-9a-fA-F]{7,40}$/.test(commit.sha)) return;
    found.push({ sha: commit.sha.toLowerCase(), role: str(commit.role) ?? 'related', repo: str(commit.repo), range: locator.valueRange(['commits', index, 'sha']) });
  });
  return found;
}

function actions(value: unknown, locator: FrontMatterLocator): ActionSummary[] {
  const found: ActionSummary[] = [];
  list(value).forEach((item, index) => {
    const action = record(item);
    if (!action) return;
    const due = str(action.due);
    found.push({
      index,
      id: str(action.id) ?? `#${index + 1}`,
      title: str(action.title) ?? '',
      owner: str(action.owner),
      due,
      dueMs: due !== undefined ? parseDate(due) : undefined,
      // No status is not `open`: it is reported as missing, and no open-action rule applies.
      status: str(action.status) ?? '',
      kind: str(action.kind),
      link: str(action.link),
      reason: str(action.reason),
      range: locator.firstLine(['actions', index]),
      dueRange: action.due !== undefined ? locator.valueRange(['actions', index, 'due']) : undefined,
    });
  });
  return found;
}

function timeline(value: unknown, line: number | undefined): IncidentSummary['timeline'] {
  const kinds: Record<string, number> = {};
  let firstMs: number | undefined;
  let lastMs: number | undefined;
  const entries = list(value);
  for (const item of entries) {
    const entry = record(item);
    if (!entry) continue;
    if (typeof entry.kind === 'string') kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
    const at = typeof entry.at === 'string' ? parseTimestamp(entry.at) : undefined;
    if (at) {
      firstMs = firstMs === undefined ? at.epochMs : Math.min(firstMs, at.epochMs);
      lastMs = lastMs === undefined ? at.epochMs : Math.max(lastMs, at.epochMs);
    }
  }
  return { count: entries.length, kinds, firstMs, lastMs, line };
}
