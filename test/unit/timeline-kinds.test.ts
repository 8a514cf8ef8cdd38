import * as assert from 'node:assert/strict';
import { isTimelineKind, KIND_MEANING, TIMELINE_KINDS } from '../../src/core/timelineKinds';

describe('timeline kinds', () => {
  it('are the format\'s nine, in the order an incident is told', () => {
    assert.deepEqual([...TIMELINE_KINDS], ['trigger', 'detection', 'diagnosis', 'action', 'communication', 'decision', 'observation', 'mitigation', 'resolution']);
  });

  it('each says what it means', () => {
    assert.equal(KIND_MEANING.mitigation, 'what stopped the impact');
    assert.deepEqual(Object.keys(KIND_MEANING), [...TIMELINE_KINDS]);
  });

  it('knows its own kinds and nothing else', () => {
    assert.ok(isTimelineKind('observation'));
    for (const other of ['Observation', 'note', '', undefined, 3]) assert.equal(isTimelineKind(other), false, String(other));
  });
});
