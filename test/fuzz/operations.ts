/**
 * Everything the fuzzer runs on one input: the parsers, the linter, the
 * workspace index, the importer, the panels' models, and every edit the
 * product makes. Each target checks what must hold whatever the input:
 *
 * - nothing throws;
 * - edits have valid, non-overlapping ranges inside the text;
 * - an edit never turns a readable front matter into an unreadable one
 *   (edits that decline return nothing, which is fine);
 * - body edits never change the front matter; the importer writes YAML that
 *   reads back.
 *
 * Adding an edit module: add a target below with its `module` path. The unit
 * test `fuzz.test.ts` fails while a module under src/core/edits,
 * src/core/review (*Edits.ts) or src/core/timeline (edits.ts) has no target.
 */
import fc from 'fast-check';
import { CATALOG_PATH, parseCatalog } from '../../src/core/catalog';
import { appendCodeLink } from '../../src/core/codeLinkEdit';
import { reanchor } from '../../src/core/codeLinkDrift';
import type { Diagnostic } from '../../src/core/diagnostics';
import { actionIndexById, markActionDoneEdits, setActionDueEdits } from '../../src/core/edits/actionItems';
import { addServiceEdit } from '../../src/core/edits/catalogService';
import { FrontMatterText } from '../../src/core/edits/frontMatterEdits';
import { setStatusEdits, type Status } from '../../src/core/edits/lifecycle';
import { incidentFileName, newIncidentText } from '../../src/core/edits/newIncident';
import type { QuickFixContext } from '../../src/core/edits/quickFix';
import { quickFixes } from '../../src/core/edits/quickFixes';
import { assignRoleEdits } from '../../src/core/edits/roles';
import { applyEdits, type TextEdit } from '../../src/core/edits/textEdit';
import { addTimelineEntryEdits } from '../../src/core/edits/timelineEntry';
import { splitFrontMatter } from '../../src/core/frontMatter';
import { hotspotIncidents } from '../../src/core/hotspotIncidents';
import { importPostmortem } from '../../src/core/import/index';
import { analyzeText, defaultLintOptions } from '../../src/core/lint';
import { readIncidentText } from '../../src/core/response/incidentText';
import { draftStatusUpdates } from '../../src/core/response/statusUpdate';
import { insertPerspective, insertSection } from '../../src/core/review/bodyEdits';
import { insertFactors } from '../../src/core/review/factorEdits';
import { buildReviewModel } from '../../src/core/review/model';
import { setReview, type ReviewChanges } from '../../src/core/review/reviewEdits';
import { type SectionName, TEMPLATE_SECTIONS } from '../../src/core/review/types';
import { LineIndex, stripBom } from '../../src/core/text';
import { addEntry, deleteEntry, editEntry, type EntryChanges } from '../../src/core/timeline/edits';
import { buildTimelineModel } from '../../src/core/timeline/model';
import { type FileStat, IncidentIndex, type WorkspaceHost } from '../../src/core/workspace';

/** Fuzzed arguments of the operations: each target takes what it needs. */
export interface OpParams {
  /** Which target besides the linter this case runs (see harness.ts). */
  readonly pick: number;
  readonly index: number;
  readonly index2: number;
  readonly word: string;
  readonly person: string;
  readonly role: string;
  readonly status: string;
  readonly reviewStatus: string;
  readonly time: string;
  readonly date: string;
  readonly kind: string;
  readonly section: SectionName;
  readonly path: string;
  readonly lines: { start: number; end: number } | undefined;
  readonly nowMs: number;
  readonly offsetMinutes: number;
}

const weirdText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Priya Shah', 'Rolled back to v41', 'deploy-bot', 'checkout', 'A1') },
  { weight: 3, arbitrary: fc.constantFrom('', ' ', 'a: b', '- x', '# c', 'x # y', '"q"', "'s'", '... x', '--- x', '---', 'null', 'true', '[a, b]', '{a: b}', '&a', '*a', '!tag', '|', '>', '@x', '`x`', 'line\nbreak', 'cr\rx', '\t', '😀', '\u2028', 'a,b', 'x'.repeat(300)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

export const opParamsArb: fc.Arbitrary<OpParams> = fc.record({
  pick: fc.nat(),
  index: fc.integer({ min: -1, max: 9 }),
  index2: fc.nat({ max: 9 }),
  word: weirdText,
  person: weirdText,
  role: fc.oneof(fc.constantFrom('commander', 'communications', 'scribe', 'liaison'), weirdText),
  status: fc.oneof(fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved', 'reviewed'), weirdText),
  reviewStatus: fc.oneof(fc.constantFrom('draft', 'in-review', 'done'), weirdText),
  time: fc.oneof(fc.constantFrom('2026-11-20T14:05:00Z', '2026-11-20T15:05+01:00', '14:05', '2026-11-20 14:05', '25:99', '2026-02-30T10:00:00Z', 'now', ''), weirdText),
  date: fc.oneof(fc.constantFrom('2026-12-15', '2026-02-30', '2026-1-1', ''), weirdText),
  kind: fc.oneof(fc.constantFrom('action', 'trigger', 'mitigation', 'resolution'), weirdText),
  section: fc.constantFrom(...TEMPLATE_SECTIONS),
  path: fc.oneof(fc.constantFrom('src/cache/client.ts', 'src/a b/c.ts', 'deploy/**', '../x', '/etc/passwd'), weirdText),
  lines: fc.option(fc.record({ start: fc.integer({ min: -1, max: 200 }), end: fc.integer({ min: -1, max: 200 }) }), { nil: undefined }),
  nowMs: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
  offsetMinutes: fc.constantFrom(0, 60, -300, 330, 840, -720),
});

/** An invariant the product broke: a bug, not a crash of the harness. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

const INCIDENT_PATH = 'incidents/2026-11-20-fuzzed.md';
const TODAY_MS = Date.UTC(2026, 10, 25);
const LINT = defaultLintOptions({ todayMs: TODAY_MS });

/** A small folder in memory: a catalog, a linked source file, another incident. */
class MemoryHost implements WorkspaceHost {
  readonly files = new Map<string, string>([
    [CATALOG_PATH, 'services:\n  checkout:\n    owners: [team-payments]\n  cache:\n    code: [src/cache/**]\n'],
    ['src/cache/client.ts', 'export const a = 1;\n\nconst DEFAULT_TTL = 0;\nexport default DEFAULT_TTL;\n'],
    ['incidents/2026-01-01-other.md', '---\nid: INC-2026-001\ntitle: Other\nstatus: resolved\nseverity: SEV3\nstarted: 2026-01-01T00:00:00Z\nresolved: 2026-01-01T01:00:00Z\n---\n'],
  ]);

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()];
  }
  async stat(path: string): Promise<FileStat | undefined> {
    const text = this.files.get(path);
    return text === undefined ? undefined : { size: text.length, mtimeMs: 1 };
  }
  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }
  async pathExists(pathOrGlob: string): Promise<boolean> {
    return this.files.has(pathOrGlob) || [...this.files.keys()].some((file) => file.startsWith(pathOrGlob.replace(/\*.*$/, '')) && /\*/.test(pathOrGlob));
  }
}

/** Checks edits against the text they were computed for and returns the edited text. */
export function applyChecked(text: string, edits: readonly TextEdit[], what: string): string {
  const lines = new LineIndex(text);
  const spans = edits.map((edit) => {
    const { start, end } = edit.range;
    must(start.line >= 0 && start.character >= 0 && end.line >= 0 && end.character >= 0, `${what}: negative position`);
    must(start.line < lines.lineCount && end.line < lines.lineCount, `${what}: position past the last line`);
    const s = lines.offsetAt(start);
    const e = lines.offsetAt(end);
    // offsetAt clamps: a range past its line's end would silently move.
    must(s - lines.lineStart(start.line) === start.character && e - lines.lineStart(end.line) === end.character, `${what}: position past its line's end`);
    must(s <= e, `${what}: range ends before it starts`);
    return { s, e };
  });
  const sorted = [...spans].sort((a, b) => a.s - b.s);
  for (let i = 1; i < sorted.length; i++) must(sorted[i].s >= sorted[i - 1].e, `${what}: overlapping edits`);
  return applyEdits(text, edits, (position) => lines.offsetAt(position));
}

/** A readable front matter must stay readable after any edit the product offers. */
function staysReadable(before: string, after: string, what: string): void {
  if (!FrontMatterText.parse(before)) return;
  must(FrontMatterText.parse(after), `${what}: the edit made the front matter unreadable`);
  // The linter may refuse more than the edits' parser does (an alias bomb): only a new refusal is the edit's fault.
  const refused = (text: string) => analyzeText(text, LINT).diagnostics.some((d) => d.code === 'yaml-syntax');
  must(!refused(after) || refused(before), `${what}: the edit left a YAML error`);
}

function edited(text: string, edits: readonly TextEdit[] | undefined, what: string): string | undefined {
  if (!edits) return undefined;
  const after = applyChecked(text, edits, what);
  staysReadable(text, after, what);
  return after;
}

function frontMatterOf(text: string): string | undefined {
  const clean = stripBom(text);
  const split = splitFrontMatter(clean);
  return split.kind === 'ok' ? clean.slice(0, split.bodyStart) : undefined;
}

/** Body edits add lines under the front matter and never touch it. */
function bodyEdit(text: string, result: { ok: true; edits: readonly TextEdit[] } | { ok: false }, what: string): void {
  if (!result.ok) return;
  const after = applyChecked(stripBom(text), result.edits, what);
  const before = frontMatterOf(text);
  if (before !== undefined) must(after.startsWith(before), `${what}: the front matter changed`);
}

function quickFixContext(p: OpParams): QuickFixContext {
  return { nowMs: p.nowMs, offsetMinutes: p.offsetMinutes, todayMs: TODAY_MS, nextId: (year) => `INC-${year}-999`, fileName: '2026-11-20-fuzzed-file.md' };
}

export interface Target {
  readonly name: string;
  /** The source module it exercises (for the coverage check). */
  readonly module: string;
  run(text: string, p: OpParams): void | Promise<void>;
}

export const TARGETS: readonly Target[] = [
  // ---------------------------------------------------------------- parse and lint
  { name: 'analyzeText', module: 'src/core/lint.ts', run: (text) => void analyzeText(text, LINT) },
  {
    name: 'index.update+diagnostics',
    module: 'src/core/workspace.ts',
    run: async (text) => {
      const host = new MemoryHost();
      host.files.set(INCIDENT_PATH, text);
      const index = new IncidentIndex({ incidentGlob: 'incidents/**/*.md', lint: LINT });
      await index.scan(host);
      index.update(INCIDENT_PATH, text);
      await index.recheck(host, [INCIDENT_PATH]);
      index.diagnostics(INCIDENT_PATH);
      index.allDiagnostics();
      index.nextId(2026);
      hotspotIncidents(index.incidents());
    },
  },
  {
    name: 'parseCatalog+index',
    module: 'src/core/catalog.ts',
    run: async (text) => {
      parseCatalog(text);
      const host = new MemoryHost();
      host.files.set(CATALOG_PATH, text);
      const index = new IncidentIndex({ incidentGlob: 'incidents/**/*.md', lint: LINT });
      await index.scan(host);
      await index.refresh(host, CATALOG_PATH);
      index.allDiagnostics();
    },
  },
  {
    name: 'importPostmortem',
    module: 'src/core/import/index.ts',
    run: (text, p) => {
      const result = importPostmortem('fuzzed postmortem.md', text, { existingIds: ['INC-2026-001'], defaultSeverity: 'SEV3', now: new Date(p.nowMs), timeZone: p.offsetMinutes === 0 ? 'UTC' : '+02:00' });
      const analysis = analyzeText(result.text, defaultLintOptions({ todayMs: TODAY_MS, maxBytes: Number.MAX_SAFE_INTEGER }));
      must(analysis.isIncident, 'importPostmortem: the result has no front matter');
      must(!analysis.diagnostics.some((d) => d.code === 'yaml-syntax'), `importPostmortem: the result's front matter is not valid YAML: ${analysis.diagnostics.find((d) => d.code === 'yaml-syntax')?.message}`);
      must(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/.test(result.fileName), `importPostmortem: file name ${JSON.stringify(result.fileName)}`);
    },
  },
  { name: 'codeLinkDrift.reanchor', module: 'src/core/codeLinkDrift.ts', run: (text, p) => void reanchor(text, p.lines ?? { start: 1, end: 3 }, p.word || 'x') },
  // ---------------------------------------------------------------- panel models
  { name: 'buildTimelineModel', module: 'src/core/timeline/model.ts', run: (text) => void buildTimelineModel(text) },
  {
    name: 'buildReviewModel',
    module: 'src/core/review/model.ts',
    run: (text) => void buildReviewModel(text, { actionHorizonDays: 60, maxOpenActions: 5, blamePhrases: LINT.blamePhrases, todayMs: TODAY_MS }),
  },
  {
    name: 'readIncidentText+draftStatusUpdates',
    module: 'src/core/response/statusUpdate.ts',
    run: (text, p) => {
      const source = readIncidentText(text);
      if (source) draftStatusUpdates(source, { nowMs: p.nowMs, check: { services: ['checkout'], teams: ['team-payments'] } });
    },
  },
  // ---------------------------------------------------------------- edits
  {
    name: 'quickFixes',
    module: 'src/core/edits/quickFixes.ts',
    run: async (text, p) => {
      const host = new MemoryHost();
      host.files.set(INCIDENT_PATH, text);
      const index = new IncidentIndex({ incidentGlob: 'incidents/**/*.md', lint: LINT });
      await index.scan(host);
      const diagnostics: Diagnostic[] = index.diagnostics(INCIDENT_PATH);
      for (const d of diagnostics) {
        for (const fix of quickFixes(text, d, quickFixContext(p))) {
          const after = edited(text, fix.edits, `quickFixes(${d.code}: ${fix.title})`);
          if (!fix.cursor || after === undefined) continue;
          // The cursor of a value left for the user sits between the quotes of that empty value.
          const at = new LineIndex(after).offsetAt(fix.cursor);
          must(after.slice(at - 1, at + 1) === '""', `quickFixes(${d.code}: ${fix.title}): the cursor is not in an empty value`);
        }
      }
    },
  },
  { name: 'markActionDoneEdits', module: 'src/core/edits/actionItems.ts', run: (text, p) => void edited(text, markActionDoneEdits(text, p.index), 'markActionDoneEdits') },
  {
    name: 'setActionDueEdits+actionIndexById',
    module: 'src/core/edits/actionItems.ts',
    run: (text, p) => {
      edited(text, setActionDueEdits(text, p.index, p.date), 'setActionDueEdits');
      actionIndexById(text, p.word);
    },
  },
  {
    name: 'setStatusEdits',
    module: 'src/core/edits/lifecycle.ts',
    run: (text, p) => void edited(text, setStatusEdits(text, { status: p.status as Status, at: p.time, who: p.person, note: p.word })?.edits, 'setStatusEdits'),
  },
  { name: 'assignRoleEdits', module: 'src/core/edits/roles.ts', run: (text, p) => void edited(text, assignRoleEdits(text, p.role, p.person), 'assignRoleEdits') },
  {
    name: 'addTimelineEntryEdits',
    module: 'src/core/edits/timelineEntry.ts',
    run: (text, p) => void edited(text, addTimelineEntryEdits(text, { at: p.time, kind: p.kind, who: p.person, text: p.word, evidence: p.path }), 'addTimelineEntryEdits'),
  },
  {
    name: 'newIncidentText',
    module: 'src/core/edits/newIncident.ts',
    run: (_text, p) => {
      const at = '2026-11-20T14:05:00Z';
      const written = newIncidentText({ id: 'INC-2026-123', title: p.word || 'x', severity: 'SEV2', services: [p.path, p.role].filter((s) => s.trim()), at, who: p.person });
      must(FrontMatterText.parse(written), 'newIncidentText: the new file does not parse');
      must(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/.test(incidentFileName(at, p.word)), 'incidentFileName: not a safe file name');
    },
  },
  {
    name: 'appendCodeLink',
    module: 'src/core/codeLinkEdit.ts',
    run: (text, p) => {
      const edit = appendCodeLink(text, { path: p.path || 'src/x.ts', lines: p.lines, pattern: p.word, note: p.person });
      edited(text, edit && [edit], 'appendCodeLink');
    },
  },
  {
    name: 'addServiceEdit',
    module: 'src/core/edits/catalogService.ts',
    run: (text, p) => {
      const service = p.word || 'checkout';
      const after = applyChecked(text, [addServiceEdit(text, service)], 'addServiceEdit');
      // The entry goes at the end: what was there stays as it was.
      must(after.startsWith(text) && after.endsWith('\n'), 'addServiceEdit: the catalog before the new entry changed');
    },
  },
  {
    name: 'timeline.editEntry',
    module: 'src/core/timeline/edits.ts',
    run: (text, p) => {
      const changes: EntryChanges = [{ at: p.time }, { kind: p.kind }, { who: p.person }, { text: p.word }, { evidence: p.path }, { at: p.time, text: p.word, who: '' }][p.index2 % 6];
      const result = editEntry(text, Math.max(0, p.index), changes);
      if (result.ok) edited(text, result.edits, 'timeline.editEntry');
    },
  },
  {
    name: 'timeline.deleteEntry',
    module: 'src/core/timeline/edits.ts',
    run: (text, p) => {
      const result = deleteEntry(text, Math.max(0, p.index));
      if (result.ok) edited(text, result.edits, 'timeline.deleteEntry');
    },
  },
  {
    name: 'timeline.addEntry',
    module: 'src/core/timeline/edits.ts',
    run: (text, p) => {
      const result = addEntry(text, { at: p.time, kind: p.kind, who: p.person, text: p.word, evidence: p.path });
      if (result.ok) edited(text, result.edits, 'timeline.addEntry');
    },
  },
  {
    name: 'review.setReview',
    module: 'src/core/review/reviewEdits.ts',
    run: (text, p) => {
      const changes: ReviewChanges = [{ status: p.reviewStatus }, { facilitator: p.person }, { held: p.date }, { status: p.reviewStatus, facilitator: p.person, held: p.date }][p.index2 % 4] as ReviewChanges;
      // Confirmed: a reopened done review is written too, so that path is fuzzed as well.
      const result = setReview(text, changes, { confirmed: p.index % 2 === 0 });
      if (result.ok) edited(stripBom(text), result.edits, 'review.setReview');
    },
  },
  {
    name: 'review.insertFactors',
    module: 'src/core/review/factorEdits.ts',
    run: (text) => {
      const result = insertFactors(text);
      if (result.ok) edited(stripBom(text), result.edits, 'review.insertFactors');
    },
  },
  { name: 'review.insertSection', module: 'src/core/review/bodyEdits.ts', run: (text, p) => bodyEdit(text, insertSection(text, p.section), 'insertSection') },
  { name: 'review.insertPerspective', module: 'src/core/review/bodyEdits.ts', run: (text, p) => bodyEdit(text, insertPerspective(text, p.role), 'insertPerspective') },
];

/** Modules that hold edit helpers or types rather than edits of their own (covered through the targets that use them). */
export const HELPER_MODULES: readonly string[] = [
  'src/core/edits/compose.ts',
  'src/core/edits/frontMatterEdits.ts',
  'src/core/edits/missingFields.ts',
  'src/core/edits/quickFix.ts',
  'src/core/edits/textEdit.ts',
  'src/core/edits/topLevel.ts',
  'src/core/edits/verify.ts',
  'src/core/review/minimalEdits.ts',
];
