import * as assert from 'node:assert/strict';
import { buildTimelineModel } from '../../src/core/timeline/model';
import { Clock } from '../../src/webviews/timeline/view/clock';

/** An incident as Declare Incident and Add Timeline Entry write it: times stamped to the second. */
function incident(started: string, entryAt: string): string {
  return [
    '---',
    'id: INC-2026-019',
    'title: Card payments time out',
    'status: investigating',
    'severity: SEV2',
    `started: ${started}`,
    'timeline:',
    `  - {at: ${entryAt}, kind: action, text: Rolled back}`,
    '---',
    '',
  ].join('\n');
}

describe('timeline panel clock', () => {
  it('says when a time has seconds, so the time column makes room for "13:13:04"', () => {
    const clock = new Clock(0);
    assert.equal(clock.showsSeconds(buildTimelineModel(incident('2026-11-25T13:13:00Z', '2026-11-25T13:14:00Z'))), false);
    assert.equal(clock.showsSeconds(buildTimelineModel(incident('2026-11-25T13:13:00Z', '2026-11-25T13:14:09Z'))), true);
    // A lifecycle marker counts too.
    assert.equal(clock.showsSeconds(buildTimelineModel(incident('2026-11-25T13:13:04Z', '2026-11-25T13:14:00Z'))), true);
    assert.equal(clock.time(Date.parse('2026-11-25T13:13:04Z')), '13:13:04');
  });

  it('reads seconds in the incident offset', () => {
    const model = buildTimelineModel(incident('2026-11-25T14:13:00+01:00', '2026-11-25T14:14:00+01:00'));
    assert.equal(new Clock(60).showsSeconds(model), false);
  });
});
