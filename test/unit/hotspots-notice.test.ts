/** What the Hotspots view says about git history it could not read. */
import * as assert from 'node:assert/strict';
import { historyNotice } from '../../src/core/hotspots/historyNotice';
import type { HistoryProblem } from '../../src/core/hotspots/types';

const problem = (kind: HistoryProblem['kind'], sha?: string): HistoryProblem => ({ kind, ...(sha ? { sha } : {}), message: `${kind} ${sha ?? ''}` });

describe('hotspots: history notice', () => {
  it('says nothing when all the history was read', () => {
    assert.equal(historyNotice([]), undefined);
  });

  it('counts the commits that could not be read, once each', () => {
    assert.equal(historyNotice([problem('missing-commit', 'deadbee')]), '1 commit could not be read; the ranking uses the rest. The Incident Lens output says which.');
    assert.equal(
      historyNotice([problem('unreadable-commit', 'a1'), problem('shallow-boundary', 'b2'), problem('ambiguous-commit', 'c3'), problem('unreadable-commit', 'a1')]),
      '3 commits could not be read; the ranking uses the rest. The Incident Lens output says which.',
    );
  });

  it('speaks of part of the history when a walk was cut short (a shallow clone, missing objects)', () => {
    assert.equal(historyNotice([problem('history-truncated', 'e5'), problem('missing-commit', 'deadbee')]), 'Part of the git history could not be read; the ranking uses the rest. The Incident Lens output says which.');
  });

  it('says when there is no history at all', () => {
    assert.equal(historyNotice([problem('no-history')]), 'No git history to read here, so hotspots come from code links only.');
  });
});
