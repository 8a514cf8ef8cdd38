/** Set Status as an edit: the status, the time it implies, a timeline entry; nothing else. */
import * as assert from 'node:assert/strict';
import { isBackwards, setStatusEdits } from '../../src/core/edits/lifecycle';
import { analyzeText, defaultLintOptions } from '../../src/core/lint';
import { addedLines, apply, file, HEAD, valueOf } from './edits-support';

const AT = '2026-11-20T15:00:00Z';
const TEXT = file([
  ...HEAD,
  'detected: 2026-11-20T14:10:00Z',
  'services: [search]  # from the catalog',
  'timeline:',
  '  - {at: 2026-11-20T14:10:00Z, kind: detection, text: Alert}',
]);

describe('edits: set status', () => {
  it('monitoring sets `mitigated` after `detected` and adds a mitigation entry', () => {
    const result = setStatusEdits(TEXT, { status: 'monitoring', at: AT });
    assert.ok(result);
    assert.equal(result.filled, 'mitigated');
    const after = apply(TEXT, result.edits);
    const lines = after.split('\n');
    assert.equal(lines[3], 'status: monitoring');
    assert.equal(lines[7], `mitigated: ${AT}`);
    assert.equal(lines[11], `  - {at: ${AT}, kind: mitigation, text: "Status set to monitoring, impact mitigated"}`);
    assert.equal(lines[8], 'services: [search]  # from the catalog');
    assert.deepEqual(analyzeText(after, defaultLintOptions({ todayMs: Date.parse('2026-11-21') })).diagnostics, []);
  });

  it('resolved sets `resolved`; reviewed too when it is missing; identified sets no time', () => {
    const resolved = apply(TEXT, setStatusEdits(TEXT, { status: 'resolved', at: AT })?.edits);
    assert.equal(valueOf(resolved).resolved, AT);
    assert.equal(valueOf(resolved).mitigated, undefined, 'mitigated is not guessed');
    const reviewed = setStatusEdits(TEXT, { status: 'reviewed', at: AT });
    assert.equal(reviewed?.filled, 'resolved');
    const identified = setStatusEdits(TEXT, { status: 'identified', at: AT, note: 'the new analyzer' });
    assert.equal(identified?.filled, undefined);
    const after = apply(TEXT, identified?.edits);
    assert.deepEqual((valueOf(after).timeline as { kind: string; text: string }[])[1], { at: AT, kind: 'diagnosis', text: 'Status set to identified, the cause is known — the new analyzer' });
  });

  it('keeps a time that is already there', () => {
    const text = file([...HEAD, 'mitigated: 2026-11-20T14:30:00Z', 'timeline: []']);
    const result = setStatusEdits(text, { status: 'monitoring', at: AT });
    assert.equal(result?.filled, undefined);
    assert.equal(valueOf(apply(text, result?.edits)).mitigated, '2026-11-20T14:30:00Z');
  });

  it('adds the time and a new timeline at the end of a short front matter without clashing', () => {
    const text = file(HEAD);
    const after = apply(text, setStatusEdits(text, { status: 'resolved', at: AT, who: 'Mei Chen' })?.edits);
    assert.deepEqual(addedLines(text.replace('status: investigating', 'status: resolved'), after), [
      `resolved: ${AT}`,
      'timeline:',
      `  - at: ${AT}`,
      '    kind: resolution',
      '    who: Mei Chen',
      '    text: Status set to resolved',
    ]);
  });

  it('says when a move goes backwards, and the entry says so too', () => {
    assert.equal(isBackwards('resolved', 'investigating'), true);
    assert.equal(isBackwards('investigating', 'monitoring'), false);
    assert.equal(isBackwards(undefined, 'investigating'), false);
    assert.equal(isBackwards('monitoring', 'monitoring'), false);
    const text = file([...HEAD.map((l) => (l.startsWith('status') ? 'status: resolved' : l)), 'resolved: 2026-11-20T14:50:00Z']);
    const after = apply(text, setStatusEdits(text, { status: 'investigating', at: AT })?.edits);
    assert.equal((valueOf(after).timeline as { text: string }[])[0].text, 'Status back to investigating (was resolved)');
    assert.equal(valueOf(after).resolved, '2026-11-20T14:50:00Z', 'times stay as they were');
  });

  it('adds a missing status after the title', () => {
    const text = file(HEAD.filter((l) => !l.startsWith('status')));
    const after = apply(text, setStatusEdits(text, { status: 'identified', at: AT })?.edits);
    assert.equal(after.split('\n')[3], 'status: identified');
  });

  it('offers no edit for an unknown status, a bad time or unreadable YAML', () => {
    assert.equal(setStatusEdits(TEXT, { status: 'done' as never, at: AT }), undefined);
    assert.equal(setStatusEdits(TEXT, { status: 'resolved', at: 'now' }), undefined);
    assert.equal(setStatusEdits(file(['status: [']), { status: 'resolved', at: AT }), undefined);
  });
});
