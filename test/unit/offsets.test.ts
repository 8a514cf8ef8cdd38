import * as assert from 'node:assert/strict';
import { isoOffset, offsetLabel, wallClock } from '../../src/core/offsets';
import { parseTimestamp } from '../../src/core/timestamps';

describe('offsets as people read them and as timestamps write them', () => {
  const cases: [number, string, string][] = [
    [60, 'UTC+01:00', '+01:00'],
    [-480, 'UTC-08:00', '-08:00'],
    [330, 'UTC+05:30', '+05:30'],
    [0, 'UTC', 'Z'],
  ];
  for (const [minutes, label, iso] of cases) {
    it(`${minutes} min reads "${label}" and ends a timestamp with "${iso}"`, () => {
      assert.equal(offsetLabel(minutes), label);
      assert.equal(isoOffset(minutes), iso);
    });
  }

  it('reads Z and +00:00 alike: both are UTC', () => {
    assert.equal(offsetLabel(parseTimestamp('2026-11-20T14:02:00Z')!.offsetMinutes), 'UTC');
    assert.equal(offsetLabel(parseTimestamp('2026-11-20T14:02:00+00:00')!.offsetMinutes), 'UTC');
  });

  it('gives the wall clock in the offset, across midnight', () => {
    assert.deepEqual(wallClock(Date.parse('2026-11-20T23:30:15Z'), 60), { date: '2026-11-21', time: '00:30', seconds: 15 });
    assert.deepEqual(wallClock(Date.parse('2026-11-20T05:00:00Z'), -480), { date: '2026-11-19', time: '21:00', seconds: 0 });
    assert.deepEqual(wallClock(Date.parse('2026-11-20T08:00:00Z'), 330), { date: '2026-11-20', time: '13:30', seconds: 0 });
  });
});
