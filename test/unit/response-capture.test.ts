/** Capturing during an incident: the entry kind guessed from words, and which incident a command acts on. */
import * as assert from 'node:assert/strict';
import { chooseIncident, pickOrder } from '../../src/core/response/activeIncident';
import { readEntryInput } from '../../src/core/response/entryKind';
import { simple } from './response-support';

describe('response: entry kinds as typed', () => {
  it('reads an explicit kind first, and falls back to `action`', () => {
    assert.deepEqual(readEntryInput('decision: roll back eu-west'), { kind: 'decision', text: 'roll back eu-west', guessed: false });
    assert.deepEqual(readEntryInput('Mitigation:  traffic shifted'), { kind: 'mitigation', text: 'traffic shifted', guessed: false });
    assert.deepEqual(readEntryInput('  rolled back  '), { kind: 'mitigation', text: 'rolled back', guessed: true });
    assert.deepEqual(readEntryInput('Joined the bridge'), { kind: 'action', text: 'Joined the bridge', guessed: false });
    assert.deepEqual(readEntryInput('note: not a kind'), { kind: 'action', text: 'note: not a kind', guessed: false });
  });
});

describe('response: which incident a command acts on', () => {
  const a = { key: 'a', incident: simple('INC-2026-001', 'investigating', '2026-11-25T08:00:00Z') };
  const b = { key: 'b', incident: simple('INC-2026-002', 'monitoring', '2026-11-25T09:00:00Z') };
  const c = { key: 'c', incident: simple('INC-2026-003', 'resolved', '2026-11-25T10:00:00Z') };
  const d = { key: 'd', incident: simple('INC-2026-004', 'reviewed', '2026-10-01T10:00:00Z') };

  it('the incident in the editor wins, active or not', () => {
    assert.deepEqual(chooseIncident([a, b, c], 'c'), { kind: 'chosen', key: 'c', reason: 'editor' });
  });

  it('else the only active incident', () => {
    assert.deepEqual(chooseIncident([a, c, d], 'not-an-incident'), { kind: 'chosen', key: 'a', reason: 'only-active' });
  });

  it('else a pick: active first, newest first', () => {
    const choice = chooseIncident([d, a, c, b]);
    assert.equal(choice.kind, 'pick');
    assert.deepEqual(choice.kind === 'pick' && choice.candidates.map((x) => x.key), ['b', 'a', 'c', 'd']);
    assert.deepEqual(chooseIncident([c, d]).kind, 'pick');
  });

  it('nothing to choose from', () => {
    assert.deepEqual(chooseIncident([]), { kind: 'none' });
  });

  it('incidents without a start time go last', () => {
    const none = { key: 'n', incident: simple('INC-2026-009', 'resolved', 'not a time') };
    assert.deepEqual(pickOrder([none, c, d]).map((x) => x.key), ['c', 'd', 'n']);
  });
});
