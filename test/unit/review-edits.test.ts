/** The review's edits: new sections and perspectives in their place, review fields set with minimal changes. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { insertPerspective, insertSection } from '../../src/core/review/bodyEdits';
import { FACTOR_PLACEHOLDER, insertFactors } from '../../src/core/review/factorEdits';
import { minimalEdits } from '../../src/core/review/minimalEdits';
import { buildReviewModel } from '../../src/core/review/model';
import { setReview } from '../../src/core/review/reviewEdits';
import { reviewStatusVerdict } from '../../src/core/review/statusChange';
import type { ReviewState } from '../../src/core/review/types';
import { lint } from './lint-support';
import { apply, changedLines, fixture, incidentText, options } from './review-support';

function inserted(text: string, result: ReturnType<typeof insertSection>): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return apply(text, result.edits);
}

describe('review edits: sections', () => {
  it('inserts a missing section before the next template section, changing no other line', () => {
    const text = fixture();
    const result = insertSection(text, 'Open questions');
    const after = inserted(text, result);
    assert.deepEqual(changedLines(text, after), { removed: [], added: ['## Open questions', ''] });
    assert.ok(result.ok);
    const lines = after.split('\n');
    assert.equal(lines[result.line], '## Open questions');
    assert.equal(lines[result.line + 2], '## Learnings', 'right before Learnings');
    // The step is now "written? no" instead of "missing": the heading is there, empty.
    const check = buildReviewModel(after, options()).steps[3].checks.find((c) => c.id === 'section-open-questions');
    assert.deepEqual(check?.targets, [{ kind: 'reveal', line: result.line }]);
  });

  it('goes right after the last earlier template section when no later one exists (before sections of its own)', () => {
    const text = incidentText([], ['', '## Summary', '', 'Short.', '', '## Appendix', '', 'Logs.']);
    const after = inserted(text, insertSection(text, 'Learnings'));
    assert.ok(after.endsWith('## Summary\n\nShort.\n\n## Learnings\n\n## Appendix\n\nLogs.\n'), after);
    const only = incidentText([], ['', '## Summary', '', 'Short.']);
    assert.ok(inserted(only, insertSection(only, 'Learnings')).endsWith('## Summary\n\nShort.\n\n## Learnings\n'));
  });

  it('inserts before a later section even when unknown sections come first', () => {
    const text = incidentText([], ['## Appendix', 'x', '## Learnings', 'y']);
    const after = inserted(text, insertSection(text, 'Summary'));
    assert.ok(after.includes('## Appendix\nx\n\n## Summary\n\n## Learnings\ny\n'), after);
  });

  it('adds a blank line after text without a final line break, and works on an empty body', () => {
    const noBreak = incidentText().replace(/\n$/, '') + '\nLast words';
    assert.ok(inserted(noBreak, insertSection(noBreak, 'Summary')).endsWith('---\nLast words\n\n## Summary\n'));
    const empty = incidentText();
    assert.ok(inserted(empty, insertSection(empty, 'Summary')).endsWith('---\n\n## Summary\n'));
  });

  it('keeps CRLF line breaks', () => {
    const text = fixture().replace(/\n/g, '\r\n');
    const after = inserted(text, insertSection(text, 'Open questions'));
    assert.ok(after.includes('\r\n## Open questions\r\n\r\n## Learnings\r\n'));
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
  });

  it('refuses a section that is already there', () => {
    const result = insertSection(fixture(), 'Summary');
    assert.deepEqual(result, { ok: false, message: 'There is already a "Summary" section (line 37).' });
  });
});

describe('review edits: perspectives', () => {
  it('adds a perspective at the end of Perspectives, changing no other line', () => {
    const text = fixture();
    const result = insertPerspective(text, 'Communications');
    const after = inserted(text, result);
    assert.deepEqual(changedLines(text, after), { removed: [], added: ['### Communications', ''] });
    assert.ok(result.ok);
    const lines = after.split('\n');
    assert.equal(lines[result.line], '### Communications');
    assert.equal(lines[result.line - 2], '### Product');
    assert.equal(lines[result.line + 2], '## Learnings');
  });

  it('creates the Perspectives section in its place when there is none', () => {
    const text = incidentText([], ['', '## Narrative', '', 'What happened.', '', '## Learnings', '', 'What we learned.']);
    const result = insertPerspective(text, 'Support');
    const after = inserted(text, result);
    assert.deepEqual(changedLines(text, after).added, ['## Perspectives', '', '### Support', '']);
    assert.ok(result.ok);
    assert.equal(after.split('\n')[result.line], '### Support');
  });

  it('refuses a group that is there already, by any of its names', () => {
    const text = incidentText([], ['## Perspectives', '### Customer support', 'x']);
    const result = insertPerspective(text, 'Support');
    assert.equal(result.ok, false);
  });

  it('cleans a typed group name: one line, no heading marks', () => {
    const text = incidentText([], ['## Perspectives']);
    const after = inserted(text, insertPerspective(text, '## Legal\nteam'));
    assert.ok(after.endsWith('## Perspectives\n\n### Legal team\n'), after);
    assert.equal(insertPerspective(text, ' # ').ok, false);
  });

  it('never writes into the front matter, and changes only added lines, for any body', () => {
    const line = fc.oneof(fc.constantFrom('## Summary', '## Perspectives', '### Support', '## Learnings', '```', '', 'text', '## Other', '---'), fc.string({ maxLength: 12 }));
    let inserted = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('Summary', 'Open questions', 'Perspectives', 'Learnings'), fc.constantFrom('Support', 'Product'), (body, section, group) => {
        const text = incidentText([], body);
        for (const result of [insertSection(text, section as 'Summary'), insertPerspective(text, group)]) {
          if (!result.ok) continue;
          const after = apply(text, result.edits);
          assert.ok(after.startsWith(text.slice(0, text.indexOf('\n---\n') + 5)), 'front matter untouched');
          assert.deepEqual(changedLines(text, after).removed, [], 'nothing removed');
          inserted++;
        }
      }),
      { numRuns: 300 },
    );
    // Bodies the edits refuse check nothing: most must be accepted (about nine in ten are).
    assert.ok(inserted >= 300, `only ${inserted} of 600 insertions were made`);
  });
});

describe('review edits: review status', () => {
  it('sets fields in an existing flow map in place', () => {
    const text = fixture();
    const result = setReview(text, { facilitator: 'Lee Wong', held: '2026-11-26' });
    assert.ok(result.ok);
    const after = apply(text, result.edits);
    assert.deepEqual(changedLines(text, after), {
      removed: ['review: {status: in-review, facilitator: Ana Lima, held: 2026-11-24}'],
      added: ['review: {status: in-review, facilitator: Lee Wong, held: 2026-11-26}'],
    });
  });

  it('done sets status: reviewed; each change touches only its own line', () => {
    const text = fixture();
    const result = setReview(text, { status: 'done' });
    assert.ok(result.ok);
    assert.equal(result.edits.length, 2, 'two separate lines');
    const after = apply(text, result.edits);
    const before = text.split('\n');
    const now = after.split('\n');
    assert.equal(now.length, before.length);
    const changed = before.flatMap((lineText, i) => (lineText === now[i] ? [] : [`${lineText} -> ${now[i]}`]));
    assert.deepEqual(changed, ['status: resolved -> status: reviewed', 'review: {status: in-review, facilitator: Ana Lima, held: 2026-11-24} -> review: {status: done, facilitator: Ana Lima, held: 2026-11-24}']);
  });

  it('reopening a done review asks first, then puts the incident back to resolved', () => {
    const text = incidentText(['review: {status: done, facilitator: Ana Lima, held: 2026-11-24}']).replace('status: resolved', 'status: reviewed');
    const asked = setReview(text, { status: 'in-review' });
    assert.equal(asked.ok, false);
    assert.ok(!asked.ok && asked.confirm, 'a question, not a refusal');
    assert.equal(asked.confirm.question, 'This review is done. Reopen it as in review?');
    assert.match(asked.confirm.detail, /goes back from reviewed to resolved/);
    const result = setReview(text, { status: 'in-review' }, { confirmed: true });
    assert.ok(result.ok);
    const after = apply(text, result.edits);
    assert.ok(after.includes('status: resolved\n'));
    assert.ok(after.includes('review: {status: in-review, facilitator: Ana Lima, held: 2026-11-24}'));
  });

  it('refuses done without a facilitator, a review date or a resolved incident, and changes nothing', () => {
    const noReview = incidentText();
    assert.deepEqual(setReview(noReview, { status: 'done' }), { ok: false, message: 'A done review names its facilitator and the day it was held.' });
    assert.deepEqual(setReview(noReview, { status: 'done', facilitator: 'Ana Lima' }), { ok: false, message: 'A done review names the day it was held.' });
    // What is sent with the status counts, as does what the file already has.
    assert.ok(setReview(noReview, { status: 'done', facilitator: 'Ana Lima', held: '2026-11-24' }).ok);
    assert.ok(setReview(incidentText(['review: {facilitator: Ana Lima, held: 2026-11-24}']), { status: 'done' }).ok);
    assert.equal(setReview(incidentText(['review: {facilitator: Ana Lima, held: soon}']), { status: 'done' }).ok, false, 'a date that is not a day');

    const full = { status: 'done', facilitator: 'Ana Lima', held: '2026-11-24' } as const;
    const noResolvedTime = incidentText().replace('resolved: 2026-11-20T12:00:00Z\n', '');
    assert.deepEqual(setReview(noResolvedTime, full), { ok: false, message: 'The incident has no `resolved` time yet: add when it was closed, then mark the review done.' });
    const monitoring = incidentText().replace('status: resolved', 'status: monitoring');
    assert.deepEqual(setReview(monitoring, full), { ok: false, message: 'The incident is still monitoring: resolve it first (Set Status), then mark the review done.' });
    const both = setReview(noResolvedTime, { status: 'done' });
    assert.ok(!both.ok && !both.confirm);
    assert.match(both.message, /^A done review names its facilitator and the day it was held\. The incident has no `resolved` time yet/);
  });

  it('never leaves a done review that the rules report, whatever the file held', () => {
    const lines = fc.record({
      status: fc.constantFrom('investigating', 'monitoring', 'resolved', 'reviewed', ''),
      resolved: fc.constantFrom('resolved: 2026-11-20T12:00:00Z', 'resolved: soon', ''),
      review: fc.constantFrom('review: {status: in-review, facilitator: Ana Lima, held: 2026-11-24}', 'review: {held: 2026-11-24}', 'review: {facilitator: " "}', 'review:', ''),
    });
    let written = 0;
    fc.assert(
      fc.property(lines, fc.option(fc.constant('Ana Lima')), fc.option(fc.constant('2026-11-25')), (file, facilitator, held) => {
        const text = ['---', 'id: INC-2026-020', 'title: Search latency', ...(file.status ? [`status: ${file.status}`] : []), 'severity: SEV3', 'started: 2026-11-20T10:00:00Z', file.resolved, file.review, '---', ''].filter((line) => line !== '').join('\n') + '\n';
        const result = setReview(text, { status: 'done', facilitator: facilitator ?? undefined, held: held ?? undefined });
        if (!result.ok) return;
        const codes = lint(apply(text, result.edits)).map((d) => d.code);
        assert.deepEqual(codes.filter((code) => code === 'status-without-time' || code === 'invalid-value'), [], text);
        assert.ok(/\nstatus: reviewed\n/.test(apply(text, result.edits)));
        written++;
      }),
      // Seeded: most files are refused (see the test above), so the number of written ones is checked below.
      { numRuns: 200, seed: 1125 },
    );
    assert.ok(written >= 15, `only ${written} of 200 files got a done review`);
  });

  it('allows other moves as asked: forwards, skipping in-review, and back from in-review to draft', () => {
    const inReview = incidentText(['review: {status: in-review}']);
    assert.ok(setReview(inReview, { status: 'draft' }).ok);
    assert.ok(setReview(incidentText(['review: {status: draft}']), { status: 'in-review' }).ok);
    assert.ok(setReview(incidentText(['review: {status: draft}']), { status: 'done', facilitator: 'Ana Lima', held: '2026-11-24' }).ok);
  });

  it('adds a review map after the fields the format lists before it', () => {
    const text = incidentText(['impact: {summary: Slow search}', 'factors: [{kind: other, text: x}]']);
    const result = setReview(text, { status: 'in-review', facilitator: 'Ana: Lima', held: '2026-11-24' });
    assert.ok(result.ok);
    const after = apply(text, result.edits);
    assert.deepEqual(changedLines(text, after), { removed: [], added: ['review:', '  status: in-review', '  facilitator: "Ana: Lima"', '  held: 2026-11-24'] });
    assert.ok(after.indexOf('review:') > after.indexOf('impact:') && after.indexOf('review:') < after.indexOf('factors:'));
    const model = buildReviewModel(after, options());
    assert.deepEqual(model.review, { status: 'in-review', facilitator: 'Ana: Lima', held: '2026-11-24' });
  });

  it('adds fields to a block map, and fills an empty `review:`', () => {
    const block = incidentText(['review:', '  status: draft', 'tags: [x]']);
    const blockResult = setReview(block, { facilitator: 'Ana Lima' });
    assert.ok(blockResult.ok);
    assert.deepEqual(changedLines(block, apply(block, blockResult.edits)).added, ['  facilitator: Ana Lima']);
    for (const empty of ['review:', 'review: {}', 'review: done']) {
      const text = incidentText([empty]);
      const result = setReview(text, { status: 'draft' });
      assert.ok(result.ok, empty);
      assert.deepEqual(buildReviewModel(apply(text, result.edits), options()).review.status, 'draft', empty);
    }
  });

  it('refuses bad values with a plain reason', () => {
    const text = fixture();
    assert.deepEqual(setReview(text, { held: '2026-02-30' }), { ok: false, message: 'The review date is a day like 2026-11-24.' });
    assert.deepEqual(setReview(text, { facilitator: '  ' }), { ok: false, message: 'The facilitator needs a name.' });
    assert.equal(setReview(text, { facilitator: 'a\nb' }).ok, false);
    assert.equal(setReview(text, { status: 'finished' as 'done' }).ok, false);
    assert.equal(setReview('---\nid: [\n---\n', { status: 'done' }).ok, false);
  });

  it('changes nothing when the values are already set', () => {
    const result = setReview(fixture(), { status: 'in-review', facilitator: 'Ana Lima' });
    assert.deepEqual(result, { ok: true, edits: [] });
  });
});

describe('review status changes', () => {
  const facts = (review: Partial<ReviewState>, incidentStatus = 'resolved', resolved = '2026-11-20T12:00:00Z') => ({
    review: { status: '', facilitator: '', held: '', ...review },
    incidentStatus,
    resolved,
  });

  it('lists what a done review still needs, for the form to mark', () => {
    const verdict = reviewStatusVerdict(facts({}, 'monitoring', ''), { status: 'done' });
    assert.equal(verdict.kind, 'refused');
    assert.ok(verdict.kind === 'refused');
    assert.deepEqual(verdict.missing, ['facilitator', 'held', 'resolved']);
    assert.deepEqual(reviewStatusVerdict(facts({ facilitator: 'Ana Lima' }), { status: 'done', held: '2026-11-24' }), { kind: 'allowed' });
    assert.deepEqual(reviewStatusVerdict(facts({}), { status: 'done', facilitator: '  ', held: '2026-11-24' }).kind, 'refused', 'a blank name is no name');
  });

  it('asks only when a done review moves back; staying put is always allowed', () => {
    assert.equal(reviewStatusVerdict(facts({ status: 'done' }), { status: 'draft' }).kind, 'confirm');
    assert.equal(reviewStatusVerdict(facts({ status: 'done' }), { status: 'done' }).kind, 'allowed');
    assert.equal(reviewStatusVerdict(facts({ status: 'in-review' }), { status: 'draft' }).kind, 'allowed');
    const reopen = reviewStatusVerdict(facts({ status: 'done' }, 'resolved'), { status: 'draft' });
    assert.ok(reopen.kind === 'confirm');
    assert.equal(reopen.question, 'This review is done. Reopen it as a draft?');
    assert.doesNotMatch(reopen.detail, /reviewed/, 'says nothing of the incident when it is not reviewed');
  });
});

describe('review edits: factors', () => {
  it('adds a factors list with one placeholder after the fields before it, and selects the placeholder', () => {
    const text = incidentText(['review: {status: draft}', 'actions: []']);
    const result = insertFactors(text);
    assert.ok(result.ok, result.ok ? '' : result.message);
    const after = apply(text, result.edits);
    assert.deepEqual(changedLines(text, after), { removed: [], added: ['factors:', `  - {kind: other, text: ${FACTOR_PLACEHOLDER}}`] });
    const lines = after.split('\n');
    assert.deepEqual(lines.slice(result.line - 2, result.line), ['review: {status: draft}', 'factors:']);
    assert.equal(lines[result.line].slice(result.character, result.endCharacter), FACTOR_PLACEHOLDER);
    assert.deepEqual(
      lint(after).map((d) => d.code),
      [],
      'the placeholder is a valid factor',
    );
    const factors = buildReviewModel(after, options()).steps[3].checks.find((c) => c.id === 'factors');
    assert.equal(factors?.done, true);
  });

  it('keeps CRLF, and goes at the end of a front matter with nothing after its place', () => {
    const text = incidentText(['services: [search]']).replace(/\n/g, '\r\n');
    const result = insertFactors(text);
    assert.ok(result.ok);
    const after = apply(text, result.edits);
    assert.ok(after.includes('services: [search]\r\nfactors:\r\n  - {kind: other, text: '), after);
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
  });

  it('refuses when factors are there already, or the front matter cannot be read', () => {
    assert.deepEqual(insertFactors(incidentText(['factors: []'])), { ok: false, message: 'There is already a `factors:` field (line 8).' });
    assert.equal(insertFactors('---\nid: [\n---\n').ok, false);
  });
});

describe('review edits: minimal line edits', () => {
  it('turns any change into edits that reproduce it', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', 'd\r', 'e'), { maxLength: 10 });
    fc.assert(
      fc.property(lines, lines, fc.constantFrom('\n', '\r\n'), (a, b, eol) => {
        const before = a.join(eol);
        const after = b.join(eol);
        assert.equal(apply(before, minimalEdits(before, after)), after);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves unchanged lines between two changes alone', () => {
    const edits = minimalEdits('1\n2\n3\n4\n', 'one\n2\n3\nfour\n');
    assert.deepEqual(edits.map((edit) => [edit.range.start.line, edit.range.end.line, edit.newText]), [
      [0, 1, 'one\n'],
      [3, 4, 'four\n'],
    ]);
  });
});
