/**
 * On 1,000 generated incident files (block and flow styles, comments,
 * unknown fields, CRLF, missing sections), each operation changes only its
 * own node: every edit lies within the lines of the field (or action item)
 * it is about, or inserts a new field between others; every other field
 * reads back the same, and the text outside the edits is byte-identical.
 */
import * as assert from 'node:assert/strict';
import { markActionDoneEdits, setActionDueEdits } from '../../src/core/edits/actionItems';
import { FrontMatterText } from '../../src/core/edits/frontMatterEdits';
import { setStatusEdits, type Status } from '../../src/core/edits/lifecycle';
import { assignRoleEdits } from '../../src/core/edits/roles';
import { applyEdits, type TextEdit } from '../../src/core/edits/textEdit';
import { addTimelineEntryEdits } from '../../src/core/edits/timelineEntry';
import { STATUSES } from '../../src/core/schema';
import { LineIndex } from '../../src/core/text';
import { findEntry } from '../../src/core/yamlTree';

/** A small seeded generator, so a failure names a file that can be made again. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

type Rng = ReturnType<typeof random>;

const PEOPLE = ['Priya Shah', 'Lee Wong', 'Sam Ortiz', 'Mei Chen', "D'Arcy O'Neil", 'José Álvarez', 'Kofi, Jr.'];
const TEXTS = ['Alert fired', 'Rolled back to v41', 'Status page: degraded', 'CPU at 95%, queue growing', 'yes', '42', '# not a comment', 'a, b and {c}', "it's fine"];
const KINDS = ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'];

function time(rng: Rng, minutes: number): string {
  const ms = Date.UTC(2026, 10, 20, 14, 0) + minutes * 60_000;
  const offset = rng.pick([0, 60, -300]);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  return offset === 0 ? `${local}Z` : `${local}${offset > 0 ? '+' : '-'}${String(Math.abs(offset) / 60).padStart(2, '0')}:00`;
}

function quoted(text: string): string {
  return /^[\w][\w .%']*$/.test(text) && !/^(yes|no|true|false|null|\d+)$/.test(text) ? text : JSON.stringify(text);
}

function timelineLines(rng: Rng): string[] {
  const style = rng.pick(['block', 'flow-items', 'flow-seq', 'empty', 'bare', 'none']);
  const count = 1 + rng.int(5);
  const minutes = Array.from({ length: count }, () => rng.int(180)).sort((a, b) => a - b);
  if (rng.chance(0.2) && count > 1) [minutes[0], minutes[1]] = [minutes[1], minutes[0]];
  const entries = minutes.map((m) => ({ at: time(rng, m), kind: rng.pick(KINDS), text: rng.pick(TEXTS), who: rng.chance(0.5) ? rng.pick(PEOPLE) : undefined }));
  const flow = (e: (typeof entries)[number]) => `{at: ${e.at}, kind: ${e.kind}${e.who ? `, who: ${quoted(e.who)}` : ''}, text: ${quoted(e.text)}}`;
  switch (style) {
    case 'block':
      return [
        'timeline:',
        ...entries.flatMap((e) => [
          ...(rng.chance(0.2) ? ['  # a note about the next entry'] : []),
          `  - at: ${e.at}`,
          `    kind: ${e.kind}`,
          ...(e.who ? [`    who: ${quoted(e.who)}`] : []),
          `    text: ${quoted(e.text)}${rng.chance(0.2) ? '  # trailing' : ''}`,
        ]),
      ];
    case 'flow-items':
      return ['timeline:', ...entries.map((e) => `  - ${flow(e)}`)];
    case 'flow-seq':
      return [`timeline: [${entries.map(flow).join(', ')}]`];
    case 'empty':
      return ['timeline: []'];
    case 'bare':
      return ['timeline:'];
    default:
      return [];
  }
}

function rolesLines(rng: Rng): string[] {
  switch (rng.pick(['block', 'flow', 'empty', 'bare', 'none'])) {
    case 'block':
      return ['roles:', `  commander: ${quoted(rng.pick(PEOPLE))}`, ...(rng.chance(0.5) ? [`  scribe: ${quoted(rng.pick(PEOPLE))}  # notes`] : [])];
    case 'flow':
      return [`roles: {commander: ${quoted(rng.pick(PEOPLE))}${rng.chance(0.5) ? `, operations: ${quoted(rng.pick(PEOPLE))}` : ''}}`];
    case 'empty':
      return ['roles: {}'];
    case 'bare':
      return ['roles:'];
    default:
      return [];
  }
}

function actionLines(rng: Rng): string[] {
  const count = rng.int(4);
  if (count === 0) return [];
  const lines = ['actions:'];
  for (let i = 0; i < count; i++) {
    const owner = rng.chance(0.8) ? quoted(rng.pick(PEOPLE)) : undefined;
    const due = rng.chance(0.7) ? `2026-12-${String(1 + rng.int(28)).padStart(2, '0')}` : undefined;
    const status = rng.pick(['open', 'in-progress', 'done', 'dropped']);
    if (rng.chance(0.5)) {
      lines.push(`  - {id: A${i + 1}, title: Follow-up number ${i + 1}${owner ? `, owner: ${owner}` : ''}${due ? `, due: ${due}` : ''}, status: ${status}}`);
    } else {
      lines.push(`  - id: A${i + 1}`, `    title: Follow-up number ${i + 1}`, ...(owner ? [`    owner: ${owner}`] : []), ...(due ? [`    due: ${due}`] : []), ...(rng.chance(0.8) ? [`    status: ${status}`] : []));
    }
  }
  return lines;
}

function generate(seed: number): string {
  const rng = random(seed);
  const head = [`id: INC-2026-${String(seed).padStart(3, '0')}`, `title: Generated incident ${seed}`, ...(rng.chance(0.9) ? [`status: ${rng.pick(STATUSES)}`] : []), 'severity: SEV2', `started: ${time(rng, 0)}`];
  const optional: string[][] = [
    ...(rng.chance(0.7) ? [[`detected: ${time(rng, 10)}`]] : []),
    ...(rng.chance(0.3) ? [[`mitigated: ${time(rng, 40)}`]] : []),
    ...(rng.chance(0.3) ? [['services: [search, cache]']] : []),
    ...(rng.chance(0.3) ? [['tags:', '  - latency', '  - reindex']] : []),
    rolesLines(rng),
    actionLines(rng),
    timelineLines(rng),
    ...(rng.chance(0.4) ? [['x_custom:   {keep: "as is"}   # unknown field']] : []),
    ...(rng.chance(0.3) ? [['# a comment line between fields']] : []),
    ...(rng.chance(0.3) ? [['impact:', '  summary: Search was slow', '  customers: Many']] : []),
  ].filter((block) => block.length > 0);
  // Fields in any order after the required ones.
  for (let i = optional.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [optional[i], optional[j]] = [optional[j], optional[i]];
  }
  const eol = rng.chance(0.15) ? '\r\n' : '\n';
  return ['---', ...(rng.chance(0.2) ? ['# incident front matter'] : []), ...head, ...optional.flat(), '---', '', '## Summary', '', `Body of ${seed}: status: resolved, roles: none.`, ''].join(eol);
}

interface Region {
  readonly start: number;
  readonly end: number;
}

/** The lines (whole lines, line break included) of each top-level field, by name. */
function fieldRegions(text: string): Map<string, Region> {
  const fm = FrontMatterText.parse(text)!;
  const regions = new Map<string, Region>();
  for (const entry of fm.locator.root?.entries ?? []) {
    const start = fm.lines.lineStart(fm.lineOf(fm.offset(entry.key)));
    const last = Math.max(fm.endOffset(entry.key), fm.endOffset(entry.value)) - 1;
    regions.set(String(entry.key.value), { start, end: fm.nextLineStart(last) });
  }
  return regions;
}

function actionRegion(text: string, index: number): Region {
  const fm = FrontMatterText.parse(text)!;
  const item = fm.node(['actions', index])!;
  return { start: fm.lines.lineStart(fm.lineOf(fm.offset(item))), end: fm.nextLineStart(fm.endOffset(item) - 1) };
}

/**
 * Every edit is inside an allowed region (or at its end), or is an insertion
 * of whole lines that lies inside no other field.
 */
function assertOnlyTouches(text: string, edits: readonly TextEdit[], allowed: readonly Region[], label: string): void {
  const lines = new LineIndex(text);
  const others = [...fieldRegions(text).values()];
  const fm = FrontMatterText.parse(text)!;
  for (const edit of edits) {
    const start = lines.offsetAt(edit.range.start);
    const end = lines.offsetAt(edit.range.end);
    const inside = allowed.some((region) => start >= region.start && end <= region.end);
    const isLineInsert = start === end && (start === 0 || /[\r\n]/.test(text[start - 1])) && start >= fm.yamlStart && start <= fm.yamlEnd;
    const splitsAnother = others.some((region) => start > region.start && start < region.end);
    assert.ok(inside || (isLineInsert && !splitsAnother), `${label}: edit at ${start}-${end} (${JSON.stringify(edit.newText)}) is outside its field`);
  }
}

function assertOthersUnchanged(before: string, after: string, changed: readonly string[], label: string): void {
  const a = FrontMatterText.parse(before)!.value;
  const b = FrontMatterText.parse(after)?.value;
  assert.ok(b, `${label}: the result parses`);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!changed.includes(key)) assert.deepEqual(b[key], a[key], `${label}: ${key} unchanged`);
  }
  const body = (t: string) => t.slice(t.search(/\r?\n---\r?\n/));
  assert.equal(body(after), body(before), `${label}: body byte-identical`);
}

function run(text: string, edits: readonly TextEdit[] | undefined, label: string): string {
  assert.ok(edits && edits.length > 0, `${label}: an edit is offered`);
  const lines = new LineIndex(text);
  return applyEdits(text, edits, (position) => lines.offsetAt(position));
}

const FILES = 1000;

describe('edits on 1,000 generated incident files', function () {
  this.timeout(120_000);

  it('each operation changes only its own node', () => {
    let checked = 0;
    for (let seed = 1; seed <= FILES; seed++) {
      const text = generate(seed);
      const rng = random(seed * 7919);
      const regions = fieldRegions(text);
      const region = (name: string) => (regions.has(name) ? [regions.get(name)!] : []);
      const value = FrontMatterText.parse(text)!.value;

      // Add a timeline entry.
      const entry = { at: time(rng, rng.int(200)), kind: rng.pick(KINDS), text: rng.pick(TEXTS), who: rng.chance(0.5) ? rng.pick(PEOPLE) : undefined };
      const withEntry = addTimelineEntryEdits(text, entry);
      const afterEntry = run(text, withEntry, `#${seed} timeline`);
      assertOnlyTouches(text, withEntry!, region('timeline'), `#${seed} timeline`);
      assertOthersUnchanged(text, afterEntry, ['timeline'], `#${seed} timeline`);
      const timeline = FrontMatterText.parse(afterEntry)!.value.timeline as unknown[];
      assert.equal(timeline.length, (Array.isArray(value.timeline) ? value.timeline.length : 0) + 1);

      // Set a status.
      const status = rng.pick(STATUSES) as Status;
      const result = setStatusEdits(text, { status, at: time(rng, 300), who: rng.pick(PEOPLE) });
      const afterStatus = run(text, result?.edits, `#${seed} status`);
      const statusFields = ['status', 'timeline', ...(result?.filled ? [result.filled] : [])];
      assertOnlyTouches(text, result!.edits, statusFields.flatMap(region), `#${seed} status`);
      assertOthersUnchanged(text, afterStatus, statusFields, `#${seed} status`);
      assert.equal(FrontMatterText.parse(afterStatus)!.value.status, status);

      // Assign a role.
      const role = rng.pick(['commander', 'scribe', 'communications', 'support lead']);
      const person = rng.pick(PEOPLE);
      const withRole = assignRoleEdits(text, role, person);
      const afterRole = run(text, withRole, `#${seed} role`);
      assertOnlyTouches(text, withRole!, region('roles'), `#${seed} role`);
      assertOthersUnchanged(text, afterRole, ['roles'], `#${seed} role`);
      const before = (value.roles ?? {}) as Record<string, unknown>;
      assert.deepEqual(FrontMatterText.parse(afterRole)!.value.roles, { ...before, [role]: person });

      // Mark an action done; set another's due date.
      const actions = Array.isArray(value.actions) ? value.actions : [];
      if (actions.length > 0) {
        const index = rng.int(actions.length);
        for (const [name, edits] of [
          ['done', markActionDoneEdits(text, index)],
          ['due', setActionDueEdits(text, index, '2027-01-15')],
        ] as const) {
          const after = run(text, edits, `#${seed} action ${name}`);
          assertOnlyTouches(text, edits!, [actionRegion(text, index)], `#${seed} action ${name}`);
          assertOthersUnchanged(text, after, ['actions'], `#${seed} action ${name}`);
          const afterActions = FrontMatterText.parse(after)!.value.actions as Record<string, unknown>[];
          afterActions.forEach((action, i) => {
            if (i !== index) assert.deepEqual(action, actions[i], `#${seed} action ${name}: other actions unchanged`);
          });
          assert.equal(afterActions[index][name === 'done' ? 'status' : 'due'], name === 'done' ? 'done' : '2027-01-15');
        }
      }
      checked++;
    }
    assert.equal(checked, FILES);
  });

  it('the check catches an edit that reaches into another field (a guard for the check)', () => {
    const text = generate(3);
    const regions = fieldRegions(text);
    const title = regions.get('title')!;
    const lines = new LineIndex(text);
    const stray: TextEdit = { range: lines.rangeOf({ start: title.start + 2, end: title.start + 3 }), newText: 'X' };
    assert.throws(() => assertOnlyTouches(text, [stray], [regions.get('status') ?? title], 'stray'), /outside its field/);
    const inside: TextEdit = { range: lines.rangeOf({ start: title.start + 3, end: title.start + 3 }), newText: 'line\n' };
    assert.throws(() => assertOnlyTouches(text, [inside], [], 'split'), /outside its field/);
    assert.throws(() => assertOthersUnchanged(text, text.replace('Generated incident', 'Changed incident'), ['status'], 'value'), /title unchanged/);
  });

  it('generates the shapes it claims to (a guard for the generator)', () => {
    const texts = Array.from({ length: 200 }, (_, i) => generate(i + 1));
    const has = (pattern: RegExp) => texts.some((text) => pattern.test(text));
    for (const pattern of [/\r\n/, /timeline: \[\{/, /timeline: \[\]/, /timeline:\r?\n---|timeline:\r?\n\w/, /  - \{at:/, /  - at:/, /roles: \{\}/, /roles: \{commander/, /  # a note about the next entry/, /x_custom/, /  - \{id: A1/, /  - id: A1/]) {
      assert.ok(has(pattern), `some file matches ${pattern}`);
    }
    assert.ok(texts.every((text) => findEntry(FrontMatterText.parse(text)?.locator.root, 'id')), 'every generated file parses');
  });
});
