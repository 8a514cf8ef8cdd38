/** The guided review's checks, derived from the file: what is done, what is missing, and where each button leads. */
import * as assert from 'node:assert/strict';
import { buildReviewModel } from '../../src/core/review/model';
import type { ReviewModel, ReviewStep, StepCheck } from '../../src/core/review/types';
import { fixture, incidentText, options } from './review-support';

function model(text: string): ReviewModel {
  return buildReviewModel(text, options());
}

function step(m: ReviewModel, id: ReviewStep['id']): ReviewStep {
  const found = m.steps.find((s) => s.id === id);
  assert.ok(found, `step ${id}`);
  return found;
}

function check(s: ReviewStep, id: string): StepCheck {
  const found = s.checks.find((c) => c.id === id);
  assert.ok(found, `check ${id} in ${s.checks.map((c) => c.id).join(', ')}`);
  return found;
}

describe('review steps', () => {
  it('shows four numbered steps, each with prompts', () => {
    const m = model(fixture());
    assert.deepEqual(
      m.steps.map((s) => [s.number, s.title]),
      [
        [1, 'Gather the data'],
        [2, 'Collect perspectives'],
        [3, 'Hold the review'],
        [4, 'Write it up'],
      ],
    );
    for (const s of m.steps) {
      assert.ok(s.prompts.length >= 3, `${s.id} has prompts`);
      for (const prompt of s.prompts) assert.match(prompt, /\?$/, 'prompts are questions');
    }
  });

  it('gather: done when the timeline has a trigger, a detection and a mitigation', () => {
    const gather = step(model(fixture()), 'gather');
    assert.equal(gather.done, true);
    assert.deepEqual(
      gather.checks.map((c) => [c.id, c.done]),
      [
        ['timeline-trigger', true],
        ['timeline-detection', true],
        ['timeline-mitigation', true],
      ],
    );
  });

  it('gather: a missing moment opens the timeline or goes to it', () => {
    const text = incidentText(['timeline:', '  - {at: 2026-11-20T10:00:00Z, kind: trigger, text: Deploy}']);
    const gather = step(model(text), 'gather');
    assert.equal(gather.done, false);
    assert.equal(check(gather, 'timeline-trigger').done, true);
    const detection = check(gather, 'timeline-detection');
    assert.equal(detection.done, false);
    assert.match(detection.detail, /who or what noticed/);
    assert.deepEqual(detection.targets, [{ kind: 'openTimeline' }, { kind: 'reveal', line: 7 }]);
  });

  it('gather: without a timeline the jump goes to the end of the front matter', () => {
    const gather = step(model(incidentText()), 'gather');
    assert.deepEqual(check(gather, 'timeline-mitigation').targets[1], { kind: 'reveal', line: 7 });
  });

  it('perspectives: two written groups beyond the responders are needed; suggestions skip groups already there', () => {
    const perspectives = step(model(fixture()), 'perspectives');
    assert.equal(perspectives.done, false);
    const wider = check(perspectives, 'perspectives-wider');
    assert.equal(wider.detail, 'Written: Engineering, Support; one more group beyond the responders. Add communications? customers?');
    assert.deepEqual(wider.targets, [
      { kind: 'insertPerspective', group: 'Communications' },
      { kind: 'insertPerspective', group: 'Customers' },
    ]);
    // Product has a heading and nothing under it.
    const empty = perspectives.checks.find((c) => c.label === 'Product: not written yet');
    assert.ok(empty);
    assert.equal(empty.done, false);
    assert.equal(empty.targets[0].kind, 'reveal');
  });

  it('perspectives: only responders is not enough, and says so', () => {
    const text = incidentText([], ['', '## Perspectives', '', '### Engineering', '', 'We rolled back.', '', '### On-call', '', 'Paged at 10:05.']);
    const wider = check(step(model(text), 'perspectives'), 'perspectives-wider');
    assert.equal(wider.done, false);
    assert.equal(wider.detail, 'Only engineering, on-call so far. Add support? product? communications? customers?');
  });

  it('perspectives: done with two written wider groups, whatever they are called', () => {
    const text = incidentText([], ['## Perspectives', '### Engineering', 'x', '### Customer support', 'Tickets doubled.', '### Marketing', 'The campaign paused.']);
    const s = step(model(text), 'perspectives');
    assert.equal(s.done, true);
    assert.deepEqual(check(s, 'perspectives-wider').targets, []);
  });

  it('perspectives: no section at all suggests all four groups', () => {
    const wider = check(step(model(incidentText()), 'perspectives'), 'perspectives-wider');
    assert.equal(wider.detail, 'No perspectives written yet. Add support? product? communications? customers?');
    assert.equal(wider.targets.length, 4);
  });

  it('hold: facilitator, date and status, each pointing at its field when missing', () => {
    assert.equal(step(model(fixture()), 'hold').done, true);
    const missing = step(model(incidentText(['review: {status: draft}'])), 'hold');
    assert.equal(missing.done, false);
    assert.deepEqual(
      missing.checks.map((c) => [c.id, c.done, c.targets]),
      [
        ['facilitator', false, [{ kind: 'reviewField', field: 'facilitator' }]],
        ['held', false, [{ kind: 'reviewField', field: 'held' }]],
        ['review-status', false, [{ kind: 'reviewField', field: 'status' }]],
      ],
    );
    assert.equal(check(missing, 'review-status').detail, 'Status: draft');
  });

  it('write-up: summary, factors, open questions and learnings; a missing section is inserted', () => {
    const writeUp = step(model(fixture()), 'writeUp');
    assert.deepEqual(
      writeUp.checks.map((c) => [c.id, c.done]),
      [
        ['section-summary', true],
        ['factors', true],
        ['section-open-questions', false],
        ['section-learnings', true],
      ],
    );
    assert.equal(check(writeUp, 'factors').detail, '4 factors: change, monitoring, knowledge, process');
    assert.deepEqual(check(writeUp, 'section-open-questions').targets, [{ kind: 'insertSection', section: 'Open questions' }]);
  });

  it('write-up: a missing `factors:` list is added; an empty one is shown', () => {
    assert.deepEqual(check(step(model(incidentText()), 'writeUp'), 'factors').targets, [{ kind: 'insertFactors' }]);
    assert.deepEqual(check(step(model(incidentText(['factors: []'])), 'writeUp'), 'factors').targets, [{ kind: 'reveal', line: 7 }]);
  });

  it('write-up: a heading with only a placeholder is not written; a heading in a code block is not a section', () => {
    const text = incidentText([], ['## Summary', '', '...', '', '## Notes', '', '```', '## Learnings', 'not a heading', '```']);
    const writeUp = step(model(text), 'writeUp');
    const summary = check(writeUp, 'section-summary');
    assert.equal(summary.done, false);
    assert.deepEqual(summary.targets, [{ kind: 'reveal', line: 8 }]);
    assert.deepEqual(check(writeUp, 'section-learnings').targets, [{ kind: 'insertSection', section: 'Learnings' }]);
  });

  it('write-up: sections are found by their usual other names', () => {
    const text = incidentText(['factors: [{kind: other, text: x}]'], ['## TL;DR', 'Short.', '## Questions', '- Why?', '## Lessons learned', 'Much.']);
    assert.equal(step(model(text), 'writeUp').done, true);
  });

  it('a file that cannot be read says why, and shows no steps', () => {
    const broken = buildReviewModel('---\nid: [unclosed\n---\n', options());
    assert.match(broken.problem ?? '', /cannot be read on line \d+: The front matter is not valid YAML/);
    assert.deepEqual(broken.steps, []);
    assert.match(buildReviewModel('# Just notes\n', options()).problem ?? '', /no front matter/);
  });
});

describe('review blame list', () => {
  it('lists each phrase with its hint, section and exact place', () => {
    const text = fixture();
    const [item, ...rest] = model(text).blame;
    assert.equal(rest.length, 0);
    assert.equal(item.phrase, 'human error');
    assert.equal(item.section, 'Narrative');
    assert.match(item.hint, /reasonable at the time/);
    const line = text.split('\n')[item.line];
    assert.equal(line.slice(item.character, item.endCharacter), 'human error');
    assert.match(item.excerpt, /Some say it was human error/);
  });

  it('uses the configured phrases', () => {
    assert.equal(buildReviewModel(fixture(), options({ blamePhrases: ['diff'] })).blame[0]?.phrase, 'diff');
    assert.deepEqual(buildReviewModel(fixture(), options({ blamePhrases: [] })).blame, []);
  });
});
