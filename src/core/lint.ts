/**
 * Lints one incident file's text: everything that can be known from the file
 * alone. Checks that need the workspace (other incidents, files, git, the
 * catalog) are in `workspaceChecks.ts`.
 */
import { DEFAULT_BLAME_PHRASES } from './blame';
import { localToday } from './clock';
import { compareDiagnostics, diagnostic, type Diagnostic } from './diagnostics';
import { splitFrontMatter } from './frontMatter';
import type { IncidentSummary } from './incident';
import { FrontMatterLocator } from './located';
import { actionRules, blameLanguage, codePathsOutside, lifecycleOrder, overdueActions, statusWithoutTime, timelineOrder } from './rules';
import { DEFAULT_SEVERITIES } from './schema';
import { summarize } from './summarize';
import { LineIndex, stripBom } from './text';
import { validateFrontMatter } from './validate';
import { parseYamlWithSpans } from './yamlTree';

export interface LintOptions {
  readonly severities: readonly string[];
  /** Files larger than this many bytes are reported and not parsed. */
  readonly maxBytes: number;
  readonly blamePhrases: readonly string[];
  /** UTC midnight of the day that counts as today (for overdue actions). */
  readonly todayMs: number;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Values past this many expand from aliases into something no incident needs. */
const MAX_VALUES = 200_000;

export function defaultLintOptions(overrides: Partial<LintOptions> = {}): LintOptions {
  return {
    severities: DEFAULT_SEVERITIES,
    maxBytes: DEFAULT_MAX_BYTES,
    blamePhrases: DEFAULT_BLAME_PHRASES,
    ...overrides,
    todayMs: overrides.todayMs ?? localToday(),
  };
}

export function todayFromIso(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).getUTCDate() === Number(m[3]) ? ms : undefined;
}

export interface FileAnalysis {
  /** False for files without front matter (a README): they get no diagnostics. */
  readonly isIncident: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly incident?: IncidentSummary;
}

const NOT_AN_INCIDENT: FileAnalysis = { isIncident: false, diagnostics: [] };

export function analyzeText(rawText: string, options: LintOptions = defaultLintOptions()): FileAnalysis {
  const text = stripBom(rawText);
  const size = utf8Length(rawText, options.maxBytes);
  if (size > options.maxBytes) return tooLargeAnalysis(size, options.maxBytes);
  const split = splitFrontMatter(text);
  if (split.kind === 'none') return NOT_AN_INCIDENT;
  const lines = new LineIndex(text);
  const openingRange = { start: { line: 0, character: 0 }, end: { line: 0, character: split.openingEnd } };
  if (split.kind === 'unclosed') {
    return incidentWith([diagnostic('yaml-syntax', openingRange, 'The front matter is not closed. Add a line with `---` after the last field.')]);
  }

  const yamlText = text.slice(split.yamlStart, split.yamlEnd);
  const parsed = parseYamlWithSpans(yamlText);
  if (!parsed.ok) {
    return incidentWith([diagnostic('yaml-syntax', lines.characterRange(split.yamlStart + parsed.offset), `The front matter is not valid YAML: ${parsed.message}.`)]);
  }
  const locator = new FrontMatterLocator(parsed.root, lines, split.yamlStart, openingRange);

  let fields: Record<string, unknown>;
  if (parsed.value === null || parsed.value === undefined) {
    fields = {};
  } else if (typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    const shape = Array.isArray(parsed.value) ? 'a list' : 'a single value';
    return incidentWith([
      diagnostic('invalid-value', locator.valueRange([]), `The front matter is ${shape}; it should be fields with values, like \`id: INC-2026-001\` on its own line.`),
    ]);
  } else if (expandsTooFar(yamlText, parsed.value)) {
    return incidentWith([diagnostic('yaml-syntax', openingRange, 'The front matter expands to too many values (through YAML aliases) to read safely.')]);
  } else {
    fields = parsed.value as Record<string, unknown>;
    keepWrittenShas(fields, locator, yamlText);
  }

  const incident = summarize(fields, locator);
  const diagnostics = [
    ...validateFrontMatter(fields, locator, options.severities),
    ...lifecycleOrder(incident),
    ...statusWithoutTime(incident, fields, locator),
    ...timelineOrder(fields.timeline, locator),
    ...actionRules(incident, fields, locator),
    ...overdueActions(incident.actions, options.todayMs),
    ...codePathsOutside(incident),
    ...blameLanguage(text, split.bodyStart, lines, options.blamePhrases),
  ].sort(compareDiagnostics);
  return { isIncident: true, diagnostics, incident };
}

/** The per-file diagnostics, sorted by position. */
export function lintText(text: string, options: Partial<LintOptions> = {}): { diagnostics: readonly Diagnostic[] } {
  return { diagnostics: analyzeText(text, defaultLintOptions(options)).diagnostics };
}

/**
 * The file's size in UTF-8 bytes, as on disk (the limit is in bytes, and the
 * index compares it with the file's size before reading). Characters are
 * counted only when the length alone cannot tell: between a third of the
 * limit and the limit.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function incidentWith(diagnostics: Diagnostic[]): FileAnalysis {
  return { isIncident: true, diagnostics };
}

export function tooLargeAnalysis(size: number, limit: number): FileAnalysis {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);
  return incidentWith([
    diagnostic('too-large', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `This file is ${mb(size)}, over the ${mb(limit)} limit (setting incidentLens.maxFileSize), so it is not checked.`),
  ]);
}

const SHA = /^[0-9a-fA-F]{7,40}$/;

/**
 * A sha of digits only (`sha: 1234567`, about one short sha in 27) is a
 * number to YAML, and loses leading zeros; the format means the hex digits
 * as written, so those values are read back from the source text.
 */
function keepWrittenShas(fields: Record<string, unknown>, locator: FrontMatterLocator, yamlText: string): void {
  const fix = (list: unknown, key: string, name: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item: unknown, index) => {
      if (item === null || typeof item !== 'object' || typeof (item as Record<string, unknown>)[key] !== 'number') return;
      const node = locator.node([name, index, key]);
      const written = node ? yamlText.slice(node.span.start, node.span.end) : '';
      if (SHA.test(written)) (item as Record<string, unknown>)[key] = written;
    });
  };
  fix(fields.commits, 'sha', 'commits');
  fix(fields.code, 'ref', 'code');
}

/**
 * Whether a parsed front matter holds more values than any incident needs,
 * through aliases (a "billion laughs"): walking it would take minutes or
 * exhaust memory. The edits and the panels refuse such a front matter as the
 * linter does.
 */
export function expandsTooFar(yamlText: string, value: unknown): boolean {
  return mayExpand(yamlText) && countValues(value, MAX_VALUES) > MAX_VALUES;
}

/**
 * Whether the YAML can hold more than MAX_VALUES values. Every value takes at
 * least one character of the text unless an alias (`*name`) repeats it, so
 * a short text without `*` cannot: most files skip the count.
 */
function mayExpand(yamlText: string): boolean {
  return yamlText.length >= MAX_VALUES || yamlText.includes('*');
}

/** Counts values with a budget, so alias-built structures cannot hang the walk. */
function countValues(value: unknown, budget: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= budget) {
    const current = stack.pop();
    count++;
    if (current !== null && typeof current === 'object') {
      for (const child of Object.values(current as Record<string, unknown>)) stack.push(child);
    }
  }
  return count;
}
