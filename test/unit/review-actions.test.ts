/** "Goldilocks" action items: owner, due date, horizon, not too many open, linked to what the review found. */
import * as assert from 'node:assert/strict';
import { contentWords } from '../../src/core/review/actionQuality';
import { buildReviewModel } from '../../src/core/review/model';
import type { ActionQuality, ActionQualityItem } from '../../src/core/review/types';
import { fixture, incidentText, options } from './review-support';

function quality(text: string, overrides: Parameters<typeof options>[0] = {}): ActionQuality {
  return buildReviewModel(text, options(overrides)).actions;
}

/** The tests an item fails, by name. */
function fails(item: ActionQualityItem | undefined): string[] {
  assert.ok(item);
  return item.tests.filter((test) => !test.ok).map((test) => test.test);
}

describe('review action quality', () => {
  it('says which item fails which test', () => {
    const q = quality(fixture());
    assert.deepEqual(
      q.items.map((item) => [item.id, fails(item)]),
      [
        ['A1', []],
        ['A2', ['due']],
        ['A3', ['horizon', 'linked']],
        ['A4', ['owner', 'due', 'linked']],
        ['A5', []],
        ['A6', []],
      ],
    );
    assert.equal(q.summary, '6 items · 3 ok · 1 without an owner · 2 without a due date · 1 due after the 60-day horizon · 2 not linked to a factor or learning');
  });

  it('counts the horizon from the review date, and says by how much an item is over', () => {
    const q = quality(fixture());
    assert.deepEqual(q.horizonFrom, { date: '2026-11-24', basis: 'review' });
    const a3 = q.items.find((item) => item.id === 'A3')?.tests.find((test) => test.test === 'horizon');
    assert.equal(a3?.message, 'Due 128 days after the review (horizon 60 days): can it be made smaller, or be planned work instead?');
  });

  it('takes the horizon from the setting', () => {
    const q = quality(fixture(), { actionHorizonDays: 200 });
    assert.deepEqual(fails(q.items.find((item) => item.id === 'A3')), ['linked']);
    assert.equal(q.horizonDays, 200);
  });

  it('without a review date, the horizon counts from the incident', () => {
    const due = (date: string) => ['factors: [{kind: monitoring, text: No alert on queue age}]', 'actions:', `  - {id: A1, title: Alert on queue age, owner: Lee, due: ${date}, status: open}`];
    const last = quality(incidentText(due('2027-01-19')));
    assert.deepEqual(last.horizonFrom, { date: '2026-11-20', basis: 'resolved' });
    assert.deepEqual(fails(last.items[0]), []);
    const over = quality(incidentText(due('2027-01-20')));
    assert.deepEqual(fails(over.items[0]), ['horizon']);
    assert.equal(over.items[0].tests[2].message, 'Due 61 days after the incident was resolved (horizon 60 days; no review date yet): can it be made smaller, or be planned work instead?');
  });

  it('done and dropped items need no owner, due date or horizon', () => {
    const text = incidentText(['factors: [{kind: capacity, text: Queue workers too few}]', 'actions:', '  - {id: A1, title: More queue workers, status: done}', '  - {id: A2, title: Something else, status: dropped, reason: Not needed}']);
    const q = quality(text);
    assert.deepEqual(q.items.map(fails), [[], []]);
    assert.equal(q.items[0].linkedTo, 'factor (capacity)');
    assert.equal(q.activeCount, 0);
  });

  it('flags more open items than the setting allows', () => {
    const items = Array.from({ length: 6 }, (_, i) => `  - {id: A${i + 1}, title: Item ${i + 1}, owner: Sam, due: 2026-12-01, status: open}`);
    const q = quality(incidentText(['actions:', ...items]));
    assert.equal(q.activeCount, 6);
    assert.equal(q.tooMany, true);
    assert.match(q.summary, /6 open, more than 5$/);
    assert.equal(quality(incidentText(['actions:', ...items]), { maxOpenActions: 6 }).tooMany, false);
    // Items without a status are still to be done.
    assert.equal(quality(incidentText(['actions:', '  - {id: A1, title: x}'])).activeCount, 1);
  });

  it('links an item to a learning when no factor shares its words', () => {
    const text = incidentText(['actions:', '  - {id: A1, title: Write the fallback users down, owner: Sam, due: 2026-12-01, status: open}'], ['## Learnings', '', 'Fallbacks hide their users.']);
    assert.equal(quality(text).items[0].linkedTo, 'learning');
  });

  it('reads a due date it cannot parse as missing, with the reason', () => {
    const q = quality(incidentText(['actions:', '  - {id: A1, title: x, owner: Sam, due: next week, status: open}']));
    assert.match(q.items[0].tests.find((t) => t.test === 'due')?.message ?? '', /"next week" is not a day/);
  });

  it('has a kind word when there are no items', () => {
    assert.match(quality(incidentText()).summary, /^No action items yet/);
  });

  it('compares words by a rough stem', () => {
    assert.deepEqual([...contentWords('Alerts alerting, the Canary stages')], ['alert', 'canar', 'stage']);
  });
});
