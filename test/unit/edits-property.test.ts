/**
 * Every edit the product makes keeps everything else, on generated incident
 * files in the layouts people write (test/fuzz/incidents.ts): block and flow
 * collections, indented and flush sequences, every quoting style, comments
 * above and beside values, blank lines, unknown fields, CRLF.
 *
 * For each edit, on each generated file:
 * - it is offered (these are ordinary files);
 * - every byte it changes lies inside the node it edits (the entry, the
 *   field) or is an insertion where its node belongs; everything else is
 *   byte for byte the same;
 * - every comment survives (except those of a deleted timeline entry, which
 *   go with it), and unknown fields keep their exact text;
 * - the result reads back as exactly the intended value: the model with the
 *   one change applied.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { appendCodeLink } from '../../src/core/codeLinkEdit';
import { markActionDoneEdits, setActionDueEdits } from '../../src/core/edits/actionItems';
import { FrontMatterText, itemBlocks } from '../../src/core/edits/frontMatterEdits';
import { setStatusEdits, type Status } from '../../src/core/edits/lifecycle';
import { quickFixes } from '../../src/core/edits/quickFixes';
import { assignRoleEdits } from '../../src/core/edits/roles';
import { applyEdits, type TextEdit } from '../../src/core/edits/textEdit';
import { addTimelineEntryEdits, insertionIndex } from '../../src/core/edits/timelineEntry';
import { analyzeText, defaultLintOptions } from '../../src/core/lint';
import { setReview } from '../../src/core/review/reviewEdits';
import { REVIEW_STATUSES, STATUSES } from '../../src/core/schema';
import { TIMELINE_KINDS } from '../../src/core/timelineKinds';
import { LineIndex } from '../../src/core/text';
import { addEntry, deleteEntry, editEntry } from '../../src/core/timeline/edits';
import { parseTimestamp } from '../../src/core/timestamps';
import { findEntry } from '../../src/core/yamlTree';
import { dateOf, expectedValue, type GeneratedIncident, generatedIncidentArb, isoAt, textArb } from '../fuzz/incidents';

const RUNS = 150;
const SEED = 424242;
const TODAY_MS = Date.UTC(2026, 10, 25);
/** The lifecycle time a status needs, filled in when the file has none. */
const TIME_A_STATUS_NEEDS: Readonly<Record<string, string>> = { monitoring: 'mitigated', resolved: 'resolved', reviewed: 'resolved' };

// ---------------------------------------------------------------- where an edit may write

type Region = { readonly start: number; readonly end: number; readonly insertOnly?: boolean };

interface Original {
  readonly text: string;
  readonly fm: FrontMatterText;
  readonly lines: LineIndex;
}

function original(generated: GeneratedIncident): Original {
  const fm = FrontMatterText.parse(generated.text);
  assert.ok(fm, 'a generated file parses');
  return { text: generated.text, fm, lines: fm.lines };
}

/** The whole lines of a top-level field, from its key's line to the end of its value's last line. */
function fieldRegion(o: Original, name: string): Region | undefined {
  const entry = findEntry(o.fm.locator.root, name);
  if (!entry) return undefined;
  const start = o.lines.lineStart(o.fm.lineOf(o.fm.offset(entry.key)));
  return { start, end: o.fm.nextLineStart(Math.max(o.fm.endOffset(entry.key), o.fm.endOffset(entry.value)) - 1) };
}

/** The whole lines of one item of a block list (with the comment lines above it). */
function itemRegion(o: Original, list: string, index: number): Region {
  const seq = o.fm.node([list]);
  assert.ok(seq);
  const blocks = itemBlocks(o.fm, seq);
  assert.ok(blocks, `${list} is a block list`);
  return blocks[index];
}

/**
 * Where a new top-level field may go: any line start of the front matter
 * that is not inside another field's lines.
 */
function topLevelGaps(o: Original): Region[] {
  const fields = (o.fm.locator.root?.entries ?? []).map((entry) => fieldRegion(o, String(entry.key.value))!);
  const gaps: Region[] = [];
  for (let line = o.fm.lineOf(o.fm.yamlStart); line <= o.fm.lineOf(o.fm.yamlEnd); line++) {
    const at = o.lines.lineStart(line);
    if (at >= o.fm.yamlStart && at <= o.fm.yamlEnd && !fields.some((field) => at > field.start && at < field.end)) gaps.push({ start: at, end: at, insertOnly: true });
  }
  return gaps;
}

/** The part of each edit that really changes text (an edit may rewrite bytes as they were). */
function effectiveChanges(o: Original, edits: readonly TextEdit[]): { start: number; end: number; text: string }[] {
  return edits.flatMap((edit) => {
    const start = o.lines.offsetAt(edit.range.start);
    const end = o.lines.offsetAt(edit.range.end);
    const before = o.text.slice(start, end);
    const after = edit.newText;
    let prefix = 0;
    while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    if (before.length === after.length && prefix === before.length) return [];
    return [{ start: start + prefix, end: end - suffix, text: after.slice(prefix, after.length - suffix) }];
  });
}

function assertInside(o: Original, edits: readonly TextEdit[], allowed: readonly (Region | undefined)[], what: string): void {
  const regions = allowed.filter((region): region is Region => region !== undefined);
  for (const change of effectiveChanges(o, edits)) {
    const ok = regions.some((region) => region.start <= change.start && change.end <= region.end && (!region.insertOnly || change.start === change.end));
    assert.ok(
      ok,
      `${what}: changed ${JSON.stringify(o.text.slice(change.start, change.end))} -> ${JSON.stringify(change.text)} at ${change.start}-${change.end}, outside ${JSON.stringify(regions.filter((r) => !r.insertOnly))} and the field gaps\n${o.text}`,
    );
  }
}

/** Applies, checks comments and unknown fields, and returns what the result reads as. */
function applyAndRead(generated: GeneratedIncident, edits: readonly TextEdit[] | undefined, what: string, lostComments: readonly string[] = []): Record<string, unknown> {
  assert.ok(edits, `${what} was not offered on:\n${generated.text}`);
  const lines = new LineIndex(generated.text);
  const after = applyEdits(generated.text, edits, (position) => lines.offsetAt(position));
  for (const marker of generated.comments) {
    const kept = new RegExp(`# ${marker}(?![0-9])`).test(after);
    assert.equal(kept, !lostComments.includes(marker), `${what}: comment ${marker} ${kept ? 'kept' : 'lost'}\n${after}`);
  }
  for (const key of Object.keys(generated.model.unknown ?? {})) {
    const line = generated.text.split(/\r?\n/).find((l) => l.startsWith(`${key}:`));
    assert.ok(line && after.includes(line), `${what}: unknown field ${key} changed\n${after}`);
  }
  assert.equal(after.slice(after.indexOf('\n---', 3)), generated.text.slice(generated.text.indexOf('\n---', 3)), `${what}: the body changed`);
  const fm = FrontMatterText.parse(after);
  assert.ok(fm, `${what}: the result does not parse\n${after}`);
  return fm.value;
}

// ---------------------------------------------------------------- inputs

const withTimeline = generatedIncidentArb.filter((g) => (g.model.timeline?.length ?? 0) > 0);
const withActions = generatedIncidentArb.filter((g) => (g.model.actions?.length ?? 0) > 0);
const kindArb = fc.constantFrom(...TIMELINE_KINDS);
const personArb = fc.constantFrom('Priya Shah', 'Lee Wong', "O'Brien", 'Dana: support', '... later', '#oncall');

function epoch(at: unknown): number {
  return typeof at === 'string' ? (parseTimestamp(at)?.epochMs ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
}

/** A time near the incident, in one of the offsets people use. */
function timeNear(generated: GeneratedIncident, minutes: number, offset: string): string {
  return isoAt(parseTimestamp(generated.model.started)!.epochMs + minutes * 60_000, offset);
}

const entryArb = fc.record({ minutes: fc.integer({ min: -60, max: 900 }), offset: fc.constantFrom('Z', '+02:00', '-07:00'), kind: kindArb, who: fc.option(personArb, { nil: undefined }), text: textArb });

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function property<T>(arb: fc.Arbitrary<T>, check: (value: T) => void): void {
  fc.assert(fc.property(arb, check), { seed: SEED, numRuns: RUNS });
}

// ---------------------------------------------------------------- the edits

describe('edits keep everything else (generated files)', function () {
  this.timeout(60_000);

  it('timeline panel: add an entry', () => {
    property(fc.tuple(generatedIncidentArb, entryArb), ([g, e]) => {
      const o = original(g);
      const at = timeNear(g, e.minutes, e.offset);
      const result = addEntry(g.text, { at, kind: e.kind, who: e.who, text: e.text });
      assert.ok(result.ok, `addEntry: ${result.ok ? '' : result.message}\n${g.text}`);
      const value = applyAndRead(g, result.edits, 'addEntry');
      const expected = expectedValue(g.model);
      const timeline = (expected.timeline as Record<string, unknown>[] | undefined) ?? [];
      const index = timeline.findIndex((entry) => epoch(entry.at) > epoch(at));
      timeline.splice(index === -1 ? timeline.length : index, 0, { at, kind: e.kind, ...(e.who ? { who: e.who } : {}), text: e.text });
      expected.timeline = timeline;
      assert.deepEqual(value, expected);
      assertInside(o, result.edits, [fieldRegion(o, 'timeline'), ...topLevelGaps(o)], 'addEntry');
    });
  });

  it('timeline panel: edit an entry in place (text, who, kind)', () => {
    property(fc.tuple(withTimeline, fc.nat(), fc.constantFrom('text', 'who', 'kind'), textArb, kindArb), ([g, n, field, text, kind]) => {
      const o = original(g);
      const index = n % g.model.timeline!.length;
      const newValue = field === 'kind' ? kind : text;
      const result = editEntry(g.text, index, { [field]: newValue });
      assert.ok(result.ok, `editEntry: ${result.ok ? '' : result.message}\n${g.text}`);
      const value = applyAndRead(g, result.edits, 'editEntry');
      const expected = expectedValue(g.model);
      (expected.timeline as Record<string, unknown>[])[index][field] = newValue;
      assert.deepEqual(value, expected);
      assertInside(o, result.edits, [itemRegion(o, 'timeline', index)], 'editEntry');
    });
  });

  it('timeline panel: change an entry\'s time, which moves it (with its comments) where the time belongs', () => {
    property(fc.tuple(withTimeline, fc.nat(), fc.integer({ min: -60, max: 900 })), ([g, n, minutes]) => {
      const o = original(g);
      const index = n % g.model.timeline!.length;
      const at = timeNear(g, minutes, 'Z');
      const result = editEntry(g.text, index, { at });
      assert.ok(result.ok, `editEntry(at): ${result.ok ? '' : result.message}\n${g.text}`);
      const value = applyAndRead(g, result.edits, 'editEntry(at)');
      const expected = expectedValue(g.model);
      const timeline = expected.timeline as Record<string, unknown>[];
      const current = timeline[index];
      if (epoch(current.at) !== epoch(at)) {
        const moved = { ...current, at };
        const others = timeline.filter((_, i) => i !== index);
        const neighbours = { before: timeline.slice(0, index).reverse().find((entry) => epoch(entry.at) !== Infinity), after: timeline.slice(index + 1).find((entry) => epoch(entry.at) !== Infinity) };
        const stays = (!neighbours.before || epoch(neighbours.before.at) <= epoch(at)) && (!neighbours.after || epoch(at) <= epoch(neighbours.after.at));
        if (stays) timeline[index] = moved;
        else {
          const target = timeline.findIndex((entry, i) => i !== index && epoch(entry.at) > epoch(at));
          const insertAt = target === -1 ? others.length : target > index ? target - 1 : target;
          others.splice(insertAt, 0, moved);
          expected.timeline = others;
        }
      }
      assert.deepEqual(value, expected);
      assertInside(o, result.edits, [fieldRegion(o, 'timeline')], 'editEntry(at)');
      // The moved entry's comment lines are still right above it.
      for (const marker of g.entryComments[index] ?? []) {
        const after = applyEdits(g.text, result.edits, (position) => o.lines.offsetAt(position));
        const commentLine = after.split(/\r?\n/).findIndex((line) => line.trim() === `# ${marker}`);
        assert.ok(commentLine >= 0 && after.split(/\r?\n/)[commentLine + 1].includes(at.slice(0, 16)) !== undefined, `comment ${marker} moved away from its entry`);
      }
    });
  });

  it('timeline panel: delete an entry (its comment lines go with it)', () => {
    property(fc.tuple(withTimeline, fc.nat()), ([g, n]) => {
      const o = original(g);
      const index = n % g.model.timeline!.length;
      const result = deleteEntry(g.text, index);
      assert.ok(result.ok, `deleteEntry: ${result.ok ? '' : result.message}\n${g.text}`);
      // The entry's own comments (above it and beside its values) go with it.
      const region = itemRegion(o, 'timeline', index);
      const own = [...g.text.slice(region.start, region.end).matchAll(/# (c\d+)/g)].map((match) => match[1]);
      const value = applyAndRead(g, result.edits, 'deleteEntry', own);
      const expected = expectedValue(g.model);
      (expected.timeline as unknown[]).splice(index, 1);
      assert.deepEqual(value, expected);
      assertInside(o, result.edits, [g.model.timeline!.length === 1 ? fieldRegion(o, 'timeline') : itemRegion(o, 'timeline', index)], 'deleteEntry');
    });
  });

  it('add timeline entry command: the entry goes after the last one at or before its time', () => {
    property(fc.tuple(generatedIncidentArb, entryArb), ([g, e]) => {
      const o = original(g);
      const at = timeNear(g, e.minutes, e.offset);
      const entry = { at, kind: e.kind, who: e.who, text: e.text };
      const edits = addTimelineEntryEdits(g.text, entry);
      const value = applyAndRead(g, edits, 'addTimelineEntryEdits');
      const expected = expectedValue(g.model);
      const timeline = (expected.timeline as Record<string, unknown>[] | undefined) ?? [];
      timeline.splice(insertionIndex(timeline, epoch(at)), 0, { at, kind: e.kind, ...(e.who ? { who: e.who } : {}), text: e.text });
      expected.timeline = timeline;
      assert.deepEqual(value, expected);
      assertInside(o, edits!, [fieldRegion(o, 'timeline'), ...topLevelGaps(o)], 'addTimelineEntryEdits');
    });
  });

  it('set status: the status, the lifecycle time it needs, and a timeline entry', () => {
    property(fc.tuple(generatedIncidentArb, fc.constantFrom(...STATUSES), fc.integer({ min: 0, max: 3000 })), ([g, status, minutes]) => {
      const o = original(g);
      const at = timeNear(g, minutes, '+01:00');
      const result = setStatusEdits(g.text, { status: status as Status, at, who: 'Priya Shah' });
      assert.ok(result, `setStatusEdits was not offered on:\n${g.text}`);
      const value = applyAndRead(g, result.edits, 'setStatusEdits');
      const expected = expectedValue(g.model);
      expected.status = status;
      const field = TIME_A_STATUS_NEEDS[status];
      if (field && expected[field] === undefined) expected[field] = at;
      const timeline = (expected.timeline as Record<string, unknown>[] | undefined) ?? [];
      const entry = result.entry;
      timeline.splice(insertionIndex(timeline, epoch(at)), 0, { at: entry.at, kind: entry.kind, ...(entry.who ? { who: entry.who } : {}), text: entry.text });
      expected.timeline = timeline;
      assert.deepEqual(value, expected);
      assertInside(o, result.edits, [fieldRegion(o, 'status'), fieldRegion(o, 'timeline'), ...topLevelGaps(o)], 'setStatusEdits');
    });
  });

  it('assign a role: one line of the roles map', () => {
    property(fc.tuple(generatedIncidentArb, fc.constantFrom('commander', 'communications', 'operations', 'scribe', 'liaison'), personArb), ([g, role, person]) => {
      const o = original(g);
      const edits = assignRoleEdits(g.text, role, person);
      const value = applyAndRead(g, edits, 'assignRoleEdits');
      const expected = expectedValue(g.model);
      expected.roles = { ...((expected.roles as Record<string, string> | undefined) ?? {}), [role]: person };
      assert.deepEqual(value, expected);
      assertInside(o, edits!, [fieldRegion(o, 'roles'), ...topLevelGaps(o)], 'assignRoleEdits');
    });
  });

  it('follow-up actions: mark done, move the due date', () => {
    let dueMoves = 0;
    property(fc.tuple(withActions, fc.nat(), fc.integer({ min: 1, max: 90 })), ([g, n, days]) => {
      const o = original(g);
      const index = n % g.model.actions!.length;
      const done = markActionDoneEdits(g.text, index);
      if (g.model.actions![index].status === 'done') {
        // Already done: whatever is offered changes no value (at most the quoting), and only in that item.
        if (done) {
          assert.deepEqual(applyAndRead(g, done, 'markActionDoneEdits (done)'), expectedValue(g.model));
          assertInside(o, done, [itemRegion(o, 'actions', index)], 'markActionDoneEdits (done)');
        }
      } else {
        const value = applyAndRead(g, done, 'markActionDoneEdits');
        const expected = expectedValue(g.model);
        (expected.actions as Record<string, unknown>[])[index].status = 'done';
        assert.deepEqual(value, expected);
        assertInside(o, done!, [itemRegion(o, 'actions', index)], 'markActionDoneEdits');
      }
      const due = dateOf(TODAY_MS + days * 86_400_000);
      const moved = setActionDueEdits(g.text, index, due);
      if (g.model.actions![index].due === due) return;
      const value = applyAndRead(g, moved, 'setActionDueEdits');
      const expected = expectedValue(g.model);
      (expected.actions as Record<string, unknown>[])[index].due = due;
      assert.deepEqual(value, expected);
      assertInside(o, moved!, [itemRegion(o, 'actions', index)], 'setActionDueEdits');
      dueMoves++;
    });
    // A case whose due date already is the new one checks nothing: such cases must stay few.
    assert.ok(dueMoves >= RUNS * 0.9, `the due date was moved in only ${dueMoves} of ${RUNS} cases`);
  });

  it('review panel: the review status (and the incident status that follows it)', () => {
    let refused = 0;
    let unchanged = 0;
    let applied = 0;
    property(fc.tuple(generatedIncidentArb, fc.constantFrom(...REVIEW_STATUSES)), ([g, status]) => {
      const o = original(g);
      const result = setReview(g.text, { status }, { confirmed: true });
      if (!result.ok && status === 'done' && g.model.review?.status !== 'done') {
        // Refused: this file has no facilitator, review date or resolved time for a done review (see statusChange.ts).
        assert.match(result.message, /^(A done review names|The incident )/, g.text);
        refused++;
        return;
      }
      assert.ok(result.ok, `setReview: ${result.ok ? '' : result.message}\n${g.text}`);
      const expected = expectedValue(g.model);
      expected.review = { ...((expected.review as Record<string, string> | undefined) ?? {}), status };
      if (status === 'done') expected.status = 'reviewed';
      else if (expected.status === 'reviewed') expected.status = 'resolved';
      if (result.edits.length === 0) {
        assert.deepEqual(expectedValue(g.model), expected);
        unchanged++;
        return;
      }
      const value = applyAndRead(g, result.edits, 'setReview');
      assert.deepEqual(value, expected);
      assertInside(o, result.edits, [fieldRegion(o, 'review'), fieldRegion(o, 'status'), ...topLevelGaps(o)], 'setReview');
      applied++;
    });
    assert.ok(applied >= RUNS / 2, `the review status was written in only ${applied} of ${RUNS} cases (${refused} refused, ${unchanged} already so)`);
    assert.ok(refused > 0, 'no case tried a done review the file is not ready for');
  });

  it('link selection: one code link added', () => {
    property(fc.tuple(generatedIncidentArb, fc.constantFrom('src/a.ts', 'pages/[id].tsx', 'src/a b/c,d.ts'), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom('const x = 1;', 'a: "b" # c')), ([g, path, start, length, pattern]) => {
      const o = original(g);
      const edit = appendCodeLink(g.text, { path, lines: { start, end: start + length }, pattern });
      const value = applyAndRead(g, edit && [edit], 'appendCodeLink');
      const expected = expectedValue(g.model);
      expected.code = [...((expected.code as unknown[] | undefined) ?? []), { path, lines: length === 0 ? start : `${start}-${start + length}`, pattern }];
      assert.deepEqual(value, expected);
      assertInside(o, [edit!], [fieldRegion(o, 'code'), ...topLevelGaps(o)], 'appendCodeLink');
    });
  });

  it('quick fixes: each changes only its field and leaves the others reading the same', () => {
    const context = { nowMs: Date.UTC(2026, 10, 25, 12), offsetMinutes: 60, todayMs: TODAY_MS, nextId: (year: number) => `INC-${year}-999`, fileName: '2026-11-20-checkout-latency.md' };
    let fixes = 0;
    property(generatedIncidentArb, (g) => {
      const o = original(g);
      for (const d of analyzeText(g.text, defaultLintOptions({ todayMs: TODAY_MS })).diagnostics) {
        for (const fix of quickFixes(g.text, d, context)) {
          fixes++;
          const value = applyAndRead(g, fix.edits, `${d.code}: ${fix.title}`);
          const expected = expectedValue(g.model);
          // The fields whose lines the fix touched may change; every other field reads the same.
          const touched = (o.fm.locator.root?.entries ?? []).map((entry) => String(entry.key.value)).filter((name) => effectiveChanges(o, fix.edits).some((change) => {
            const region = fieldRegion(o, name)!;
            return change.start < region.end && change.end > region.start;
          }));
          for (const name of Object.keys(expected)) if (!touched.includes(name)) assert.deepEqual(value[name], expected[name], `${d.code}: ${fix.title} changed ${name}`);
          assert.ok(touched.length <= 1, `${d.code}: ${fix.title} touched ${touched.join(', ')}`);
          assertInside(o, fix.edits, [...touched.map((name) => fieldRegion(o, name)), ...topLevelGaps(o)], `${d.code}: ${fix.title}`);
          if (d.code === 'timeline-order') {
            const sorted = clone(expected.timeline as Record<string, unknown>[]).map((entry, i) => ({ entry, i })).sort((a, b) => epoch(a.entry.at) - epoch(b.entry.at) || a.i - b.i).map(({ entry }) => entry);
            assert.deepEqual(value.timeline, sorted);
          }
        }
      }
    });
    assert.ok(fixes > 20, `only ${fixes} quick fixes were tried`);
  });
});
