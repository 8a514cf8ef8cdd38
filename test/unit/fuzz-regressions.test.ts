/**
 * Inputs the fuzzer (test/fuzz, `npm run fuzz`), the edit property test
 * (edits-property.test.ts) and the load bench (`npm run load`) found that
 * broke the product, shrunk to what still showed the bug. Each test names
 * what found it and says what was wrong; the fix is in the commit that added
 * the test.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { appendCodeLink } from '../../src/core/codeLinkEdit';
import { FrontMatterText } from '../../src/core/edits/frontMatterEdits';
import { importPostmortem } from '../../src/core/import/index';
import { readKeyValue } from '../../src/core/import/stats';
import { analyzeText, defaultLintOptions } from '../../src/core/lint';
import { quickFixes } from '../../src/core/edits/quickFixes';
import { assignRoleEdits } from '../../src/core/edits/roles';
import { applyEdits, type TextEdit } from '../../src/core/edits/textEdit';
import { addTimelineEntryEdits } from '../../src/core/edits/timelineEntry';
import { insertPerspective, insertSection } from '../../src/core/review/bodyEdits';
import { setReview } from '../../src/core/review/reviewEdits';
import { addEntry, deleteEntry, editEntry } from '../../src/core/timeline/edits';
import { IncidentIndex } from '../../src/core/workspace';
import { NodeWorkspaceHost } from '../../src/node/nodeHost';
import { MemoryHost } from './lint-support';
import { KNOWN_FIELDS } from '../../src/core/schema';
import { nearestName } from '../../src/core/suggest';
import { LineIndex } from '../../src/core/text';

const INCIDENT = [
  '---',
  'id: INC-2026-001',
  'title: Checkout errors',
  'status: resolved',
  'severity: SEV2',
  'started: 2026-01-01T00:00:00Z',
  'roles:',
  '  scribe: Lee Wong',
  'review:',
  '  status: draft',
  'timeline:',
  '  - at: 2026-01-01T00:00:00Z',
  '    kind: trigger',
  '    text: Config v42 rolled out',
  '---',
  '',
].join('\n');

function apply(text: string, edits: readonly TextEdit[] | undefined): Record<string, unknown> {
  assert.ok(edits, 'the edit was declined');
  const lines = new LineIndex(text);
  const after = FrontMatterText.parse(applyEdits(text, edits, (position) => lines.offsetAt(position)));
  assert.ok(after, 'the edited front matter does not parse');
  return after.value;
}

/** Generous: these were minutes, not milliseconds, and the machine may be busy. */
const QUICK_MS = 2_000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * How many times longer `run` takes on an input four times as long: about 4
 * when the work is linear, 16 when it is quadratic. A ratio of CPU times, not
 * a time: neither a slow or busy machine fails the test nor a fast one hides
 * a regression. The sizes take turns and each keeps its fastest run, so the
 * compiler's warm-up and garbage collection weigh on both alike. Rounds stop
 * after two seconds, so a quadratic regression fails in seconds rather than
 * at the test's timeout.
 */
function fourfoldGrowth(makeInput: (scale: number) => string, run: (text: string) => unknown): number {
  const small = makeInput(1);
  const large = makeInput(4);
  const started = performance.now();
  let fastestSmall = Infinity;
  let fastestLarge = Infinity;
  for (let round = 0; round < 12 && (round === 0 || performance.now() - started < 2_000); round++) {
    fastestSmall = Math.min(fastestSmall, cpuMs(() => run(small)));
    fastestLarge = Math.min(fastestLarge, cpuMs(() => run(large)));
  }
  return fastestLarge / fastestSmall;
}

/** Linear work grows about 4 times, quadratic 16: 8 leaves room for noise on a loaded machine. */
const LINEAR_FOURFOLD_GROWTH = 8;

function importSource(text: string): ReturnType<typeof importPostmortem> {
  return importPostmortem('fuzzed postmortem.md', text, { existingIds: [], defaultSeverity: 'SEV3', now: new Date(Date.UTC(2026, 0, 1)) });
}

describe('fuzz regressions', () => {
  it('inserting a body section after a 200,000-character line is quick (seed 2: a regex scanned the line from every offset)', () => {
    const text = `${'-'.repeat(200_000)}\n${'---\n'.repeat(600)}## Narrative\nThe team rolled back.\n`;
    const section = timed(() => insertSection(text, 'Where we got lucky'));
    assert.ok(section.ms < QUICK_MS, `insertSection took ${section.ms.toFixed(0)} ms`);
    assert.equal(section.result.ok, true);
    const perspective = timed(() => insertPerspective(text, 'Support'));
    assert.ok(perspective.ms < QUICK_MS, `insertPerspective took ${perspective.ms.toFixed(0)} ms`);
    assert.equal(perspective.result.ok, true);
  });

  describe('values that YAML writes as block scalars (seed 1: `... x`, `--- x` and line breaks became `|-` blocks that break nested fields)', () => {
    it('a role holder that starts with `...` is written and reads back', () => {
      const value = apply(INCIDENT, assignRoleEdits(INCIDENT, 'commander', '... Priya'));
      assert.deepEqual(value.roles, { scribe: 'Lee Wong', commander: '... Priya' });
    });

    it('a review facilitator that starts with `---` keeps the file readable', () => {
      const result = setReview(INCIDENT, { facilitator: '--- Lee' });
      assert.equal(result.ok, true);
      const value = apply(INCIDENT, result.ok ? result.edits : undefined);
      assert.deepEqual(value.review, { status: 'draft', facilitator: '--- Lee' });
    });

    it('a timeline entry whose text starts with `...` is added', () => {
      const value = apply(INCIDENT, addTimelineEntryEdits(INCIDENT, { at: '2026-01-01T01:00:00Z', kind: 'observation', text: '... then it recovered' }));
      assert.deepEqual((value.timeline as unknown[])[1], { at: '2026-01-01T01:00:00Z', kind: 'observation', text: '... then it recovered' });
    });
  });

  it('linking a selection in `pages/[id].tsx` writes a code link that reads back (seed 2: the path went unquoted into a flow map)', () => {
    const edit = appendCodeLink(INCIDENT, { path: 'pages/[id].tsx', lines: { start: 4, end: 9 }, pattern: 'export default', note: 'a, b' });
    const value = apply(INCIDENT, edit && [edit]);
    assert.deepEqual(value.code, [{ path: 'pages/[id].tsx', lines: '4-9', pattern: 'export default', note: 'a, b' }]);
  });

  it('importing a postmortem with a line of 60,000 spaces is quick and keeps a hard break (seed 3: trimming line ends was quadratic in a run of blanks)', () => {
    const source = `# Cache outage\n\n## Summary\n\nThe cache emptied.${' '.repeat(60_000)}It came back.  \nNext line.\n`;
    const imported = timed(() => importPostmortem('cache-outage.md', source, { existingIds: [], defaultSeverity: 'SEV3', now: new Date(Date.UTC(2026, 0, 1)) }));
    assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
    assert.match(imported.result.text, /The cache emptied\. {60000}It came back\. {2}\nNext line\./);
  });

  it('importing timeline lines with 60,000 blanks inside a date or before a time is quick (a heading test and the stamp trim were quadratic in the run)', () => {
    for (const timeline of [`Tue Mar${' '.repeat(60_000)}5 14:02:11 UTC 2024 Restarted\n`, `Resolved -${' '.repeat(60_000)}x\nNov 2, 14:05 UTC\n`]) {
      const source = `# Scheduler stuck\n\n## Timeline\n\n${timeline}`;
      const imported = timed(() => importPostmortem('scheduler.md', source, { existingIds: [], defaultSeverity: 'SEV3', now: new Date(Date.UTC(2026, 0, 1)) }));
      assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
    }
  });

  it('adding a missing field to a front matter of just `null`, `~`, `{}` or a byte order mark keeps it YAML (seeds 4 and 14: the field went on a line before it)', () => {
    for (const empty of ['null', '~', '{}', '\ufeff']) {
      const text = `---\n${empty}\n---\n`;
      const missing = analyzeText(text).diagnostics.find((d) => d.code === 'missing-field' && d.data?.field === 'id');
      assert.ok(missing, empty);
      const [fix] = quickFixes(text, missing, { nowMs: 0, offsetMinutes: 0, todayMs: 0, nextId: () => 'INC-2026-001', fileName: '2026-01-01-x.md' });
      assert.deepEqual(apply(text, fix?.edits), { id: 'INC-2026-001' }, empty);
    }
  });

  it('setting the review on a front matter of just `{}` refuses instead of breaking the file (seed 4: the review map went on a line before `{}`)', () => {
    const result = setReview('---\n{}\n---\n', { status: 'draft' });
    assert.equal(result.ok, false);
  });

  it('linking code into a front matter written as one `{...}` declines instead of breaking the file (seed 5: `code:` went after the closing brace)', () => {
    assert.equal(appendCodeLink('---\n{}\n---\n', { path: 'src/a.ts' }), undefined);
    assert.equal(appendCodeLink('---\n{id: INC-2026-001, title: x}\n---\n', { path: 'src/a.ts' }), undefined);
  });

  it('an unknown field with a 300,000-character name gets no suggestion, quickly (seed 6: an edit-distance table per known name)', () => {
    const suggestion = timed(() => nearestName(`i${' '.repeat(300_000)}d`, KNOWN_FIELDS));
    assert.equal(suggestion.result, undefined);
    assert.ok(suggestion.ms < QUICK_MS / 4, `nearestName took ${suggestion.ms.toFixed(0)} ms`);
    assert.equal(nearestName('sevrity', KNOWN_FIELDS), 'severity');
  });

  it('importing a postmortem whose heading has 100,000 colons in it is quick (seed 7: trimming the heading was quadratic in the run)', () => {
    const source = `# Cache outage\n\n### Support${':'.repeat(100_000)}x\n\nSupport saw tickets.\n`;
    const imported = timed(() => importPostmortem('cache-outage.md', source, { existingIds: [], defaultSeverity: 'SEV3', now: new Date(Date.UTC(2026, 0, 1)) }));
    assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
    assert.match(imported.result.text, /Support saw tickets\./);
  });

  describe('a setext heading of 5,227 letters, 10,035 spaces, a byte order mark and ` ---` (seed 1363373330, case 91667: stripping closing hashes from the heading was quadratic in the run of spaces)', () => {
    // The fuzzer's input, the same at scale 1: `repeat-line`, `bom` and two `long-value` mutations of a generated incident.
    const fuzzedSetextHeading = (scale: number): string => `${'a'.repeat(5227 * scale)}${' '.repeat(10_035 * scale)}\ufeff ---\n${'---\n'.repeat(183 * scale)}`;

    it('imports quickly and keeps the heading', () => {
      const source = fuzzedSetextHeading(1);
      assert.equal(source.length, 16_000);
      const imported = timed(() => importSource(source));
      assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
      assert.ok(imported.result.text.includes(`\n### ${'a'.repeat(5227)} ---\n`), 'the heading is kept under Narrative');
    });

    it('takes time linear in the length of that input', () => {
      const growth = fourfoldGrowth((scale) => fuzzedSetextHeading(2 * scale), importSource);
      assert.ok(growth < LINEAR_FOURFOLD_GROWTH, `four times the input took ${growth.toFixed(1)} times as long`);
    });
  });

  it('importing a postmortem whose `##` heading has 60,000 spaces inside is quick (found with the case above: the heading regex retried its closing `#` from every blank)', () => {
    const source = `# Cache outage\n\n## Support saw${' '.repeat(60_000)}tickets ##\n\nSupport saw tickets.\n`;
    const imported = timed(() => importSource(source));
    assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
    assert.match(imported.result.text, /\n### Support saw tickets\n/);
  });

  describe('runs of 100,000 marks are quick wherever the importer trims a line (seed 424242, case 13870: `actions:` and 15,698 colons; a sweep of the importer found the rest; each `/[…]+$/` retried from every mark of the run)', () => {
    const run = (mark: string): string => mark.repeat(100_000 / mark.length);
    const sources: ReadonlyArray<[string, string]> = [
      ['after `actions:`', `actions:${run(':')}rehouse scanners offline\n\n## Summary\n\nThe scanners could not reach the API.\n`],
      ['in an action', `# X\n\n## Action items\n\n- Fix the cache${run('—')}x\n`],
      ['in an action\'s status', `# X\n\n## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n| Fix the cache | Ana | ${run('.')}x |\n`],
      ['in a time cell', `# X\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 14:02${run('.')}x | Cache restarted |\n`],
      ['after a timeline stamp', `# X\n\n## Timeline\n\n- 2024-03-05 14:02 Cache${run(':')}x restarted\n`],
      ['in a line read for a date', `# X\n\n## Timeline\n\nAt 14:02${run(',')}x we restarted.\n`],
      ['of `(` in a line read for a date', `# X\n\n## Timeline\n\nAt 14:02${run('(')}x we restarted.\n`],
      ['after a participant', `# X\n\n## Participants\n\n- Ana Ruiz${run('.')}x\n`],
      ['in a duration', `# X\n\n## Summary\n\n- Time to detection: 5${run('.')}x minutes\n`],
      ['after a time zone', `# X\n\nAll times in UTC${run(':')}x\n\n## Timeline\n\n- 14:02 Cache restarted\n`],
      ['in a list item with sub-items', `# X\n\n## Contributing factors\n\n- Cache${run(':')}x\n  - Sub-item\n`],
    ];
    for (const [where, source] of sources) {
      it(where, () => {
        const imported = timed(() => importSource(source));
        assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
      });
    }
  });

  it('a line of 10,000 ` -` after a time is quick (sweep: the stamp was joined again after each connector dropped)', () => {
    const imported = timed(() => importSource(`# X\n\n## Timeline\n\nAt 14:02${' -'.repeat(10_000)}x we restarted.\n`));
    assert.ok(imported.ms < QUICK_MS, `importPostmortem took ${imported.ms.toFixed(0)} ms`);
  });

  it('a cell of thousands of dates takes time linear in their number (sweep: counting the years searched the line again after each date)', () => {
    const growth = fourfoldGrowth((scale) => `# X\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Fix the cache | Ana | ${'Mar 5 '.repeat(1_000 * scale)}|\n`, importSource);
    assert.ok(growth < LINEAR_FOURFOLD_GROWTH, `four times the dates took ${growth.toFixed(1)} times as long`);
  });

  it('no quick fix renames an unknown field to one the map already has (seed 8: the rename wrote a duplicate key)', () => {
    const text = '---\nid: INC-2026-001\n"I ": x\ntitle: t\nsevrity: SEV2\nseverity: SEV3\n---\n';
    const unknown = analyzeText(text).diagnostics.filter((d) => d.code === 'unknown-field');
    assert.deepEqual(unknown.map((d) => d.data?.suggestion), ['id', 'severity']);
    const context = { nowMs: 0, offsetMinutes: 0, todayMs: 0, nextId: () => 'INC-2026-002', fileName: '2026-01-01-x.md' };
    for (const d of unknown) assert.deepEqual(quickFixes(text, d, context), [], String(d.data?.field));
  });

  it('reading `Key: value` lines with 60,000 blanks inside the value is quick (seed 9: the value group was quadratic in a run of blanks)', () => {
    const line = `- Time to detection: 64${' '.repeat(60_000)}minutes  `;
    const read = timed(() => readKeyValue(line));
    assert.ok(read.ms < QUICK_MS, `readKeyValue took ${read.ms.toFixed(0)} ms`);
    assert.deepEqual(read.result, { key: 'time to detection', value: '64 minutes' });
    assert.deepEqual(readKeyValue('**Impact:** checkout down \r'), { key: 'impact', value: 'checkout down' });
    assert.equal(readKeyValue('Impact: a\u2028b'), undefined);
  });

  describe('comments of timeline entries (edits-property)', () => {
    const timeline = (entries: readonly string[]) => ['---', 'id: INC-2026-001', 'title: t', 'status: resolved', 'severity: SEV2', 'started: 2026-01-01T00:00:00Z', 'timeline:  # what happened', ...entries, '---', ''].join('\n');

    it('the comment above the first entry moves with it when the timeline is sorted', () => {
      const text = timeline(['  # the deploy', '  - {at: 2026-01-01T02:00:00Z, kind: trigger, text: b}', '  # the alert', '  - {at: 2026-01-01T01:00:00Z, kind: detection, text: a}']);
      const d = analyzeText(text).diagnostics.find((diagnostic) => diagnostic.code === 'timeline-order');
      assert.ok(d);
      const [fix] = quickFixes(text, d, { nowMs: 0, offsetMinutes: 0, todayMs: 0, nextId: () => 'X-1', fileName: 'x.md' });
      const lines = new LineIndex(text);
      const after = applyEdits(text, fix.edits, (position) => lines.offsetAt(position));
      assert.match(after, /# the alert\n {2}- \{at: 2026-01-01T01:00:00Z[^\n]*\n {2}# the deploy\n {2}- \{at: 2026-01-01T02:00:00Z/);
    });

    it('deleting the only entry keeps the comment on the `timeline:` line and removes the entry\'s own', () => {
      const text = timeline(['  # the deploy', '  - at: 2026-01-01T02:00:00Z', '    kind: trigger', '    text: b']);
      const result = deleteEntry(text, 0);
      assert.ok(result.ok);
      const lines = new LineIndex(text);
      const after = applyEdits(text, result.edits, (position) => lines.offsetAt(position));
      assert.match(after, /\ntimeline: \[\] {2}# what happened\n---\n$/);
    });
  });

  it('an imported title with a control character or a lone surrogate still makes valid YAML (seed 12: they went into the front matter as they were)', () => {
    for (const bad of ['\ud800', '\u000c', '\u009f', '\uffff', '\u0000']) {
      const source = `# Outage${bad} in checkout\n\n## Summary\nIt broke.\n\n## Action items\n- Fix it${bad} now (owner: Sam)\n`;
      const imported = importPostmortem('outage.md', source, { existingIds: [], defaultSeverity: 'SEV3', now: new Date(Date.UTC(2026, 0, 1)) });
      assert.deepEqual(analyzeText(imported.text).diagnostics.filter((d) => d.code === 'yaml-syntax'), [], JSON.stringify(bad));
    }
  });

  it('re-reading 200 changed files looks each linked glob up once, not once per file (load bench: a 1,000-file branch switch took 45 s)', async () => {
    const host = new MemoryHost({ 'deploy/cache/values.yaml': 'ttl: 0\n' });
    const paths = Array.from({ length: 200 }, (_, i) => `incidents/2026-01-01-incident-${i}.md`);
    for (const [i, path] of paths.entries()) host.set(path, `---\nid: INC-2026-${i + 1}\ntitle: t\nstatus: resolved\nseverity: SEV3\nstarted: 2026-01-01T00:00:00Z\nresolved: 2026-01-01T01:00:00Z\ncode:\n  - path: deploy/cache/**\n---\n`);
    const index = new IncidentIndex({ incidentGlob: 'incidents/**/*.md', lint: defaultLintOptions() });
    await index.scan(host);
    for (const path of paths) host.set(path, (await host.readFile(path))!.replace('title: t', 'title: switched'));
    const lookups: string[] = [];
    const exists = host.pathExists.bind(host);
    host.pathExists = async (pathOrGlob: string) => {
      lookups.push(pathOrGlob);
      return exists(pathOrGlob);
    };
    await index.refreshAll(host, paths);
    assert.deepEqual(lookups, ['deploy/cache/**']);
    assert.ok(paths.every((path) => index.get(path)?.incident.title === 'switched'));
  });

  it('a symlink loop, a broken link and a linked incident are skipped with a note, and the scan finishes (load bench: they were skipped silently)', async () => {
    const root = mkdtempSync(nodePath.join(tmpdir(), 'incident-lens-links-'));
    try {
      mkdirSync(nodePath.join(root, 'incidents'));
      const incident = '---\nid: INC-2026-001\ntitle: t\nstatus: investigating\nseverity: SEV3\nstarted: 2026-01-01T00:00:00Z\n---\n';
      writeFileSync(nodePath.join(root, 'incidents', '2026-01-01-real.md'), incident);
      writeFileSync(nodePath.join(root, 'outside.md'), incident.replace('INC-2026-001', 'INC-2026-002'));
      symlinkSync('.', nodePath.join(root, 'incidents', 'loop'));
      symlinkSync('missing.md', nodePath.join(root, 'incidents', '2026-01-02-broken.md'));
      symlinkSync('../outside.md', nodePath.join(root, 'incidents', '2026-01-03-linked.md'));
      const notes: string[] = [];
      const host = new NodeWorkspaceHost(root, { note: (message) => notes.push(message) });
      const index = new IncidentIndex({ incidentGlob: 'incidents/**/*.md', lint: defaultLintOptions() });
      await index.scan(host);
      assert.deepEqual(index.paths(), ['incidents/2026-01-01-real.md']);
      assert.deepEqual(notes.sort(), [
        'Skipped incidents/2026-01-02-broken.md: a symbolic link (links are not followed)',
        'Skipped incidents/2026-01-03-linked.md: a symbolic link (links are not followed)',
        'Skipped incidents/loop: a symbolic link (links are not followed)',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('timeline edits on a flow list refuse an alias bomb instead of throwing (review of the fuzzer: JSON of 9^9 values, "Invalid string length")', () => {
    const bomb = ['x_l1: &l1 [a, a, a, a, a, a, a, a, a]'];
    for (let level = 2; level <= 9; level++) bomb.push(`x_l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
    const text = ['---', 'id: INC-2026-001', 'title: t', 'status: resolved', 'severity: SEV2', 'started: 2026-01-01T00:00:00Z', ...bomb, 'timeline: [{at: 2026-01-01T00:00:00Z, kind: trigger, text: a}]', '---', ''].join('\n');
    for (const result of [editEntry(text, 0, { text: 'c' }), deleteEntry(text, 0), addEntry(text, { at: '2026-01-01T01:00:00Z', kind: 'action', text: 'b' })]) {
      assert.equal(result.ok, false);
    }
  });

  it('an incident glob from the folder\'s settings cannot reach files outside the folder (security review: the command line linted ../secret/*.md)', async () => {
    const root = mkdtempSync(nodePath.join(tmpdir(), 'incident-lens-escape-'));
    try {
      mkdirSync(nodePath.join(root, 'repo'));
      mkdirSync(nodePath.join(root, 'secret'));
      writeFileSync(nodePath.join(root, 'secret', 'leak.md'), '---\nid: SECRET-1\ntitle: secret\n---\n');
      const notes: string[] = [];
      const host = new NodeWorkspaceHost(nodePath.join(root, 'repo'), { note: (message) => notes.push(message) });
      assert.deepEqual(await host.listFiles('../secret/*.md'), []);
      assert.equal(await host.pathExists('../secret/*.md'), false);
      assert.deepEqual(notes, ['Skipped ../secret/*.md: it leads outside the folder']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
