/**
 * Quick fixes for required fields missing in list items (code links,
 * commits, factors, actions, timeline entries): each adds the one field, in
 * block or flow style, and every other line stays as it was.
 */
import * as assert from 'node:assert/strict';
import type { QuickFix } from '../../src/core/edits/quickFix';
import { quickFixes } from '../../src/core/edits/quickFixes';
import { nextActionId } from '../../src/core/ids';
import { analyzeText } from '../../src/core/lint';
import { apply, file, HEAD } from './edits-support';

/** 12:00 UTC in a +01:00 zone. */
const CONTEXT = { nowMs: Date.UTC(2026, 10, 25, 12), offsetMinutes: 60, todayMs: Date.UTC(2026, 10, 25), nextId: () => 'INC-2026-031', fileName: '2026-11-20-search-latency.md' };
const NOW = '2026-11-25T13:00:00+01:00';

/** The fixes for the missing `field` of `list[index]` (0-based). */
function fixesFor(text: string, list: string, index: number, field: string): QuickFix[] {
  const d = analyzeText(text).diagnostics.find((candidate) => candidate.code === 'missing-field' && candidate.data?.field === field && String(candidate.data?.path) === `${list},${index}`);
  assert.ok(d, `missing ${list}[${index}].${field} is reported`);
  return quickFixes(text, d, CONTEXT);
}

/** Applies the fix with this title and returns the front matter lines after HEAD. */
function applied(text: string, fixes: readonly QuickFix[], title: string): string[] {
  const fix = fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `"${title}" is offered among ${fixes.map((f) => f.title).join(' | ')}`);
  const lines = apply(text, fix.edits).split('\n');
  return lines.slice(1 + HEAD.length, lines.indexOf('---', 1));
}

function missingCodes(text: string): string[] {
  return analyzeText(text).diagnostics.filter((d) => d.code === 'missing-field').map((d) => `${String(d.data?.path)}.${String(d.data?.field)}`);
}

describe('quick fixes: a timeline entry without `at`, `kind` or `text`', () => {
  it('adds `at` as now in the user\'s offset, first in the entry, block or flow', () => {
    const text = file([...HEAD, 'timeline:', '  - kind: trigger  # the deploy', '    text: Reindex started', '  - {kind: detection, text: Alert fired}']);
    assert.deepEqual(applied(text, fixesFor(text, 'timeline', 0, 'at'), `Add \`at: ${NOW}\` (now)`), [
      'timeline:',
      `  - at: ${NOW}`,
      '    kind: trigger  # the deploy',
      '    text: Reindex started',
      '  - {kind: detection, text: Alert fired}',
    ]);
    assert.deepEqual(applied(text, fixesFor(text, 'timeline', 1, 'at'), `Add \`at: ${NOW}\` (now)`).slice(-1), [`  - {at: ${NOW}, kind: detection, text: Alert fired}`]);
    assert.ok(fixesFor(text, 'timeline', 0, 'at')[0].preferred);
  });

  it('offers each kind, none preferred, and adds the chosen one after `at`', () => {
    const text = file([...HEAD, 'timeline:', '  - {at: 2026-11-20T14:06:00Z, text: Rolled back}', '  - at: 2026-11-20T14:09:00Z', '    who: Sam Ortiz', '    text: Watching p99']);
    const flow = fixesFor(text, 'timeline', 0, 'kind');
    assert.deepEqual(
      flow.map((fix) => fix.title),
      ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution'].map((kind) => `Add \`kind: ${kind}\``),
    );
    assert.ok(flow.every((fix) => !fix.preferred));
    assert.deepEqual(applied(text, flow, 'Add `kind: mitigation`').slice(1, 2), ['  - {at: 2026-11-20T14:06:00Z, kind: mitigation, text: Rolled back}']);
    assert.deepEqual(applied(text, fixesFor(text, 'timeline', 1, 'kind'), 'Add `kind: observation`').slice(2), [
      '  - at: 2026-11-20T14:09:00Z',
      '    kind: observation',
      '    who: Sam Ortiz',
      '    text: Watching p99',
    ]);
  });

  it('adds an empty `text` after `who` with the cursor between its quotes; the entry stays a problem until it is written', () => {
    const text = file([...HEAD, 'timeline:', '  - at: 2026-11-20T14:09:00Z', '    kind: observation', '    who: Sam Ortiz', '    evidence: https://grafana.example/d/abc']);
    const [fix, ...others] = fixesFor(text, 'timeline', 0, 'text');
    assert.equal(others.length, 0);
    assert.equal(fix.title, 'Add an empty `text` to fill in');
    assert.ok(!fix.preferred, 'an empty value is not a fix "Fix all" should apply');
    assert.deepEqual(applied(text, [fix], fix.title).slice(3, 5), ['    who: Sam Ortiz', '    text: ""']);
    const after = apply(text, fix.edits);
    assert.deepEqual(fix.cursor, { line: 10, character: '    text: "'.length });
    assert.deepEqual(missingCodes(after), []);
    assert.match(analyzeText(after).diagnostics.find((d) => d.code === 'invalid-value')?.message ?? '', /`timeline\[1\]\.text` should not be empty/);
  });
});

describe('quick fixes: an action without `id` or `title`', () => {
  const text = file([
    ...HEAD,
    'actions:',
    '  - {id: A1, title: Canary stage, status: done}',
    '  - title: Alert on empty results  # from the review',
    '    status: done',
    '  - {id: A4, status: done}',
    '  - {title: Runbook step, status: dropped, reason: covered by A1}',
  ]);

  it('adds the next free `A<n>` id first in the item, block or flow', () => {
    const block = fixesFor(text, 'actions', 1, 'id');
    assert.deepEqual(block.map((fix) => [fix.title, fix.preferred]), [['Add `id: A5` (the next free id)', true]]);
    assert.deepEqual(applied(text, block, block[0].title).slice(2, 5), ['  - id: A5', '    title: Alert on empty results  # from the review', '    status: done']);
    assert.deepEqual(applied(text, fixesFor(text, 'actions', 3, 'id'), 'Add `id: A5` (the next free id)').slice(-1), ['  - {id: A5, title: Runbook step, status: dropped, reason: covered by A1}']);
  });

  it('adds an empty `title` after the id', () => {
    const fixes = fixesFor(text, 'actions', 2, 'title');
    assert.deepEqual(applied(text, fixes, 'Add an empty `title` to fill in').slice(4, 5), ['  - {id: A4, title: "", status: done}']);
    assert.deepEqual(fixes[0].cursor, { line: 10, character: '  - {id: A4, title: "'.length });
  });

  it('keeps offering `status: open` at the end of the item', () => {
    const open = file([...HEAD, 'actions:', '  - id: A1', '    title: Canary stage', '    owner: Sam Ortiz']);
    assert.deepEqual(applied(open, fixesFor(open, 'actions', 0, 'status'), 'Add `status: open`').slice(-2), ['    owner: Sam Ortiz', '    status: open']);
  });

  it('counts only ids of the form A<n>, and never reuses a gap', () => {
    assert.equal(nextActionId([]), 'A1');
    assert.equal(nextActionId(['A1', 'A3', 'B9', 7, 'A2x', null]), 'A4');
    assert.equal(nextActionId(['A99999999999999999999']), 'A100000000000000000000');
  });
});

describe('quick fixes: a code link, commit or factor without a required field', () => {
  it('adds an empty `path` first in a code link, with the cursor in it', () => {
    const text = file([...HEAD, 'code:', '  - lines: 40-88  # the TTL', '    note: TTL default changed', '  - {pattern: "const DEFAULT_TTL"}']);
    const block = fixesFor(text, 'code', 0, 'path');
    assert.deepEqual(applied(text, block, 'Add an empty `path` to fill in').slice(1, 4), ['  - path: ""', '    lines: 40-88  # the TTL', '    note: TTL default changed']);
    assert.deepEqual(block[0].cursor, { line: 7, character: '  - path: "'.length });
    assert.deepEqual(applied(text, fixesFor(text, 'code', 1, 'path'), 'Add an empty `path` to fill in').slice(-1), ['  - {path: "", pattern: "const DEFAULT_TTL"}']);
  });

  it('adds an empty `sha`, and offers each role with `related` first and preferred', () => {
    const text = file([...HEAD, 'commits:', '  - {role: trigger}', '  - sha: 3f2a9c1', '    repo: payments-api']);
    assert.deepEqual(applied(text, fixesFor(text, 'commits', 0, 'sha'), 'Add an empty `sha` to fill in').slice(1, 2), ['  - {sha: "", role: trigger}']);
    const roles = fixesFor(text, 'commits', 1, 'role');
    assert.deepEqual(roles.map((fix) => fix.title), ['Add `role: related`', 'Add `role: trigger`', 'Add `role: fix`', 'Add `role: mitigation`']);
    assert.deepEqual(roles.map((fix) => !!fix.preferred), [true, false, false, false]);
    assert.deepEqual(applied(text, roles, 'Add `role: fix`').slice(2), ['  - sha: 3f2a9c1', '    role: fix', '    repo: payments-api']);
  });

  it('offers each factor kind, and adds an empty `text` after the kind, into `{}` too', () => {
    const text = file([...HEAD, 'factors:', '  - {}', '  - kind: change', '  - {text: No rollout stage for shared config}']);
    const kinds = fixesFor(text, 'factors', 2, 'kind');
    assert.deepEqual(
      kinds.map((fix) => fix.title),
      ['change', 'capacity', 'dependency', 'config', 'monitoring', 'process', 'knowledge', 'communication', 'other'].map((kind) => `Add \`kind: ${kind}\``),
    );
    assert.deepEqual(applied(text, kinds, 'Add `kind: process`').slice(3), ['  - {kind: process, text: No rollout stage for shared config}']);
    assert.deepEqual(applied(text, fixesFor(text, 'factors', 0, 'kind'), 'Add `kind: config`').slice(1, 2), ['  - {kind: config}']);
    assert.deepEqual(applied(text, fixesFor(text, 'factors', 1, 'text'), 'Add an empty `text` to fill in').slice(2), ['  - kind: change', '    text: ""', '  - {text: No rollout stage for shared config}']);
  });
});

describe('quick fixes: a missing severity', () => {
  const text = '---\nid: INC-2026-031\ntitle: Search is slow\nstatus: investigating\nstarted: 2026-11-20T14:00:00Z\n---\n';
  const severityFix = (context: typeof CONTEXT & { severities?: readonly string[] }) => {
    const d = analyzeText(text).diagnostics.find((candidate) => candidate.code === 'missing-field' && candidate.data?.field === 'severity');
    assert.ok(d, 'the missing severity is reported');
    return quickFixes(text, d, context).map((fix) => fix.title);
  };

  it('is the third of the folder’s own levels, so the fix never writes a level the folder does not allow', () => {
    assert.deepEqual(severityFix(CONTEXT), ['Add `severity: SEV3`']);
    assert.deepEqual(severityFix({ ...CONTEXT, severities: ['P1', 'P2', 'P3', 'P4', 'P5'] }), ['Add `severity: P3`']);
    assert.deepEqual(severityFix({ ...CONTEXT, severities: ['critical', 'minor'] }), ['Add `severity: minor`']);
  });
});

describe('quick fixes for missing fields keep everything else', () => {
  it('changes nothing outside the item: comments, the body and CRLF line ends stay', () => {
    const lines = [...HEAD, '# the follow-ups', 'actions:', '  - title: Canary stage   # agreed', '    status: open', 'tags: [cache]  # kept'];
    const text = file(lines).replace(/\n/g, '\r\n');
    const [fix] = fixesFor(text, 'actions', 0, 'id');
    const after = apply(text, fix.edits);
    assert.equal(after, file([...HEAD, '# the follow-ups', 'actions:', '  - id: A1', '    title: Canary stage   # agreed', '    status: open', 'tags: [cache]  # kept']).replace(/\n/g, '\r\n'));
  });

  it('offers nothing for a field of an item the format does not require, or a list it does not know', () => {
    const text = file([...HEAD, 'actions:', '  - {id: A1, title: Canary stage, status: open}']);
    const fake = (path: string[], field: string) => ({ code: 'missing-field' as const, severity: 'error' as const, message: '', range: { start: { line: 7, character: 4 }, end: { line: 7, character: 5 } }, data: { field, path } });
    assert.deepEqual(quickFixes(text, fake(['actions', '0'], 'owner'), CONTEXT), []);
    assert.deepEqual(quickFixes(text, fake(['roles', '0'], 'id'), CONTEXT), []);
    assert.deepEqual(quickFixes(text, fake(['actions'], 'constructor'), CONTEXT), []);
  });
});
