import { strict as assert } from 'node:assert';
import { localToday, nowMs, pinnedClock, setClock } from '../../src/core/clock';
import { installClockFromEnvironment, pinnedNowFromEnvironment } from '../../src/node/clock';

describe('clock', () => {
  it('a pinned clock starts at the pinned instant and runs on with elapsed time', () => {
    let elapsed = 1000;
    const clock = pinnedClock(Date.UTC(2027, 1, 28, 9, 25), () => elapsed);
    assert.equal(new Date(clock()).toISOString(), '2027-02-28T09:25:00.000Z');
    elapsed += 90_000;
    assert.equal(new Date(clock()).toISOString(), '2027-02-28T09:26:30.000Z');
  });

  it('setClock changes what product code reads as now, and puts the old clock back', () => {
    const restore = setClock(() => Date.UTC(2028, 1, 29, 12, 0));
    try {
      assert.equal(new Date(nowMs()).toISOString(), '2028-02-29T12:00:00.000Z');
    } finally {
      restore();
    }
    assert.notEqual(new Date(nowMs()).toISOString(), '2028-02-29T12:00:00.000Z');
  });

  it('INCIDENT_LENS_NOW pins the clock; a value without an offset is refused by name', () => {
    assert.equal(pinnedNowFromEnvironment({}), undefined);
    assert.equal(pinnedNowFromEnvironment({ INCIDENT_LENS_NOW: '2026-12-31T23:30-08:00' }), Date.UTC(2027, 0, 1, 7, 30));
    assert.throws(() => pinnedNowFromEnvironment({ INCIDENT_LENS_NOW: '2027-02-28 09:25' }), /INCIDENT_LENS_NOW="2027-02-28 09:25" is not a timestamp/);
    assert.throws(() => pinnedNowFromEnvironment({ INCIDENT_LENS_NOW: 'yesterday' }), /INCIDENT_LENS_NOW/);
  });

  it('installing from the environment moves now to the pinned day', () => {
    const restore = setClock(() => 0);
    try {
      installClockFromEnvironment({ INCIDENT_LENS_NOW: '2027-02-28T09:25:00Z' });
      assert.ok(Math.abs(nowMs() - Date.UTC(2027, 1, 28, 9, 25)) < 5_000);
    } finally {
      restore();
    }
  });

  it("today is the calendar day of the given instant where the process runs", () => {
    const at = new Date(2027, 0, 1, 0, 30);
    assert.equal(localToday(at), Date.UTC(2027, 0, 1));
  });
});
