import * as assert from 'node:assert/strict';
import { formatDuration } from '../../src/core/durationText';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('durations as people read them', () => {
  const cases: [string, number, string][] = [
    ['nothing', 0, '0 min'],
    ['under half a minute', 29_000, '0 min'],
    ['59 minutes', 59 * MIN, '59 min'],
    ['59.5 minutes, rounded to the hour', 59.5 * MIN, '1 h'],
    ['one hour', HOUR, '1 h'],
    ['hours and minutes', 2 * HOUR + 10 * MIN, '2 h 10 min'],
    ['a 30-hour incident', 30 * HOUR, '30 h'],
    ['just under two days', 47 * HOUR + 59 * MIN, '47 h 59 min'],
    ['two days', 48 * HOUR, '2 d'],
    ['three days', 72 * HOUR, '3 d'],
    ['days and hours, minutes dropped', 76 * HOUR + 50 * MIN, '3 d 4 h'],
    ['a negative span', -5 * MIN, '0 min'],
  ];
  for (const [name, ms, text] of cases) {
    it(`${name} → "${text}"`, () => assert.equal(formatDuration(ms), text));
  }
});
