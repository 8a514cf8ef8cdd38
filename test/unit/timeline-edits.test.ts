import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { addEntry, deleteEntry, editEntry } from '../../src/core/timeline/edits';
import { buildTimelineModel } from '../../src/core/timeline/model';
import { apply, BLOCK, changedLines, editedLines, FLOW, timelineOf } from './timeline-support';

describe('timeline edits: one entry', () => {
  it('edits the text of a block-style entry on its own line only', () => {
    const result = editEntry(BLOCK, 1, { text: 'p99 latency alert for checkout (EU)' });
    const after = apply(BLOCK, result);
    assert.deepEqual(changedLines(BLOCK, after), [16]);
    assert.equal(after.split('\n')[16], '    text: p99 latency alert for checkout (EU)');
    assert.equal(result.ok && result.index, 1);
  });

  it('edits a flow-style entry in place, quoting what a flow map needs quoted', () => {
    const after = apply(FLOW, editEntry(FLOW, 1, { text: 'Alert: p99, checkout {eu}' }));
    assert.deepEqual(changedLines(FLOW, after), [9]);
    assert.equal(after.split('\n')[9], '  - {at: 2026-11-20T14:09:00Z, kind: detection, who: alerting, text: "Alert: p99, checkout {eu}"}');
    assert.equal(timelineOf(after)[1].text, 'Alert: p99, checkout {eu}');
  });

  it('changes who and kind together, keeping the comment above and unknown fields', () => {
    const result = editEntry(BLOCK, 2, { who: 'Dana Kim', kind: 'observation' });
    const after = apply(BLOCK, result);
    assert.deepEqual(changedLines(BLOCK, after), [19, 20]);
    const entry = timelineOf(after)[2];
    assert.deepEqual(entry, { at: '2026-11-20T14:15:00+01:00', kind: 'observation', who: 'Dana Kim', text: 'Status page: investigating', note: 'kept as is' });
    assert.match(after, /# Lee posted this from the phone\n {2}- at: 2026-11-20T14:15/);
  });

  it('removes who when it is emptied, and adds evidence after the text', () => {
    const removed = apply(BLOCK, editEntry(BLOCK, 1, { who: '' }));
    assert.equal(timelineOf(removed)[1].who, undefined);
    assert.equal(removed.split('\n').length, BLOCK.split('\n').length - 1);

    const added = apply(BLOCK, editEntry(BLOCK, 0, { evidence: 'https://deploys.example/42' }));
    assert.deepEqual(added.split('\n').slice(9, 14), [
      '  - at: 2026-11-20T14:02:00+01:00',
      '    kind: trigger',
      '    who: deploy-bot',
      '    text: Cache config v42 rolled out to all regions',
      '    evidence: https://deploys.example/42',
    ]);

    const flow = apply(FLOW, editEntry(FLOW, 0, { who: '', evidence: 'https://deploys.example/42' }));
    assert.equal(flow.split('\n')[8], '  - {at: 2026-11-20T14:02:00Z, kind: trigger, text: Cache config v42 rolled out, evidence: "https://deploys.example/42"}');
  });

  it('removes a first field that shares the dash line without breaking the item', () => {
    const text = BLOCK.replace('  - at: 2026-11-20T14:09:00+01:00\n    kind: detection\n    who: alerting', '  - who: alerting\n    at: 2026-11-20T14:09:00+01:00\n    kind: detection');
    const after = apply(text, editEntry(text, 1, { who: '' }));
    assert.match(after, /\n {2}- at: 2026-11-20T14:09:00\+01:00\n {4}kind: detection\n/);
    assert.equal(timelineOf(after).length, 5);
  });

  it('replaces a multi-line text and a nested value with one line each', () => {
    const text = BLOCK.replace('    text: p99 latency alert for checkout\n', '    text: |\n      p99 latency alert\n      for checkout\n').replace('    who: alerting\n', '    who: {team: alerting}\n');
    const result = editEntry(text, 1, { text: 'One line now', who: 'alerting' });
    const after = apply(text, result);
    assert.deepEqual(timelineOf(after)[1], { at: '2026-11-20T14:09:00+01:00', kind: 'detection', who: 'alerting', text: 'One line now' });
    assert.deepEqual(timelineOf(after).filter((_, i) => i !== 1), timelineOf(text).filter((_, i) => i !== 1));
  });

  it('writes nothing when nothing changed, and keeps a time typed another way', () => {
    const same = editEntry(BLOCK, 1, { text: 'p99 latency alert for checkout', at: '14:09' });
    assert.ok(same.ok);
    assert.deepEqual(same.edits, []);
  });

  it('refuses what the format does not allow, with a plain reason', () => {
    const cases: [Parameters<typeof editEntry>[2], RegExp][] = [
      [{ at: 'soon' }, /is not a time/],
      [{ at: '2026-02-30T10:00:00Z' }, /is not a time/],
      [{ kind: 'oops' }, /kind must be one of/],
      [{ text: '   ' }, /needs a text/],
    ];
    for (const [changes, message] of cases) {
      const result = editEntry(BLOCK, 1, changes);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    }
    const missing = editEntry(BLOCK, 9, { text: 'x' });
    assert.equal(missing.ok, false);
    const broken = editEntry(BLOCK.replace('title: Checkout', 'title: [Checkout'), 1, { text: 'x' });
    assert.equal(broken.ok, false);
    assert.match(broken.ok ? '' : broken.message, /cannot be read/);
  });

  it('round-trips any text, in block and flow style, touching only that entry', function () {
    // Each run re-reads the YAML twice; a loaded machine needs more than mocha's default.
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), fc.constantFrom(BLOCK, FLOW), (typed, text) => {
        fc.pre(typed.trim().length > 0);
        const result = editEntry(text, 1, { text: typed });
        assert.ok(result.ok, result.ok ? '' : result.message);
        const after = apply(text, result);
        const entries = timelineOf(after);
        assert.equal(entries[1].text, typed.trim());
        const lines = editedLines(result);
        const entryLines = buildTimelineModel(text).entries[1].line;
        assert.ok(lines.every((line) => line >= entryLines && line < entryLines + 4), `edited lines ${lines} outside the entry`);
        assert.deepEqual(entries.filter((_, i) => i !== 1), timelineOf(text).filter((_, i) => i !== 1));
      }),
      { numRuns: 200 },
    );
  });
});

describe('timeline edits: time and order', () => {
  it('keeps an entry in place while its new time is still in order', () => {
    const result = editEntry(BLOCK, 1, { at: '14:10' });
    const after = apply(BLOCK, result);
    assert.deepEqual(changedLines(BLOCK, after), [13]);
    assert.equal(timelineOf(after)[1].at, '2026-11-20T14:10:00+01:00');
  });

  it('moves an entry whose time falls out of order into place, its comment with it', () => {
    const result = editEntry(BLOCK, 2, { at: '2026-11-20 14:35', text: 'Status page: identified' });
    assert.ok(result.ok);
    assert.equal(result.index, 3);
    const after = apply(BLOCK, result);
    const entries = timelineOf(after);
    assert.deepEqual(entries.map((entry) => entry.at), ['2026-11-20T14:02:00+01:00', '2026-11-20T14:09:00+01:00', '2026-11-20T14:33:00+01:00', '2026-11-20T14:35:00+01:00', '2026-11-20T14:41:00+01:00']);
    assert.equal(entries[3].text, 'Status page: identified');
    assert.equal(entries[3].note, 'kept as is');
    assert.match(after, /Miss rate doubled right after v42\n {4}evidence: https:\/\/grafana.example\/d\/abc\n {2}# Lee posted this from the phone\n {2}- at: 2026-11-20T14:35:00\+01:00/);
    // Only the moved entry's lines changed: everything else reads the same, in the same order.
    const without = (text: string) => text.replace(/ {2}# Lee posted[\s\S]*?note: kept as is\n/, '');
    assert.equal(without(after), without(BLOCK));
  });

  it('moves to the start and to the end', () => {
    const first = editEntry(BLOCK, 3, { at: '2026-11-20T13:00:00Z' });
    assert.ok(first.ok);
    assert.equal(first.index, 0);
    assert.equal(timelineOf(apply(BLOCK, first))[0].text, 'Miss rate doubled right after v42');

    const last = editEntry(FLOW, 0, { at: '2026-11-20T15:00:00Z' });
    assert.ok(last.ok);
    assert.equal(last.index, 3);
    const after = apply(FLOW, last);
    assert.equal(after.split('\n')[11], '  - {at: 2026-11-20T15:00:00Z, kind: trigger, who: deploy-bot, text: Cache config v42 rolled out}');
    assert.equal(after.split('\n')[12], '---');
  });

  it('reads a bare clock time on the entry\'s own day, in the incident\'s offset', () => {
    const after = apply(BLOCK, editEntry(BLOCK, 4, { at: '23:59' }));
    assert.equal(timelineOf(after)[4].at, '2026-11-20T23:59:00+01:00');
  });
});

describe('timeline edits: delete', () => {
  it('removes only the entry\'s lines, with the comment above it', () => {
    const result = deleteEntry(BLOCK, 2);
    assert.ok(result.ok);
    const after = apply(BLOCK, result);
    assert.equal(after, BLOCK.replace(/ {2}# Lee posted[\s\S]*?note: kept as is\n/, ''));
  });

  it('leaves an empty list after the last entry, so the file stays valid', () => {
    const one = '---\nid: INC-1\ntimeline:\n  - at: 2026-11-20T14:02:00Z\n    kind: trigger\n    text: x\n---\n';
    assert.equal(apply(one, deleteEntry(one, 0)), '---\nid: INC-1\ntimeline: []\n---\n');
  });

  it('deletes from a flow sequence', () => {
    const text = '---\nid: INC-1\ntimeline: [{at: 2026-11-20T14:02:00Z, kind: trigger, text: a}, {at: 2026-11-20T14:03:00Z, kind: action, text: b}]\n---\n';
    const after = apply(text, deleteEntry(text, 0));
    assert.equal(after, '---\nid: INC-1\ntimeline: [{at: 2026-11-20T14:03:00Z, kind: action, text: b}]\n---\n');
    assert.equal(apply(text, deleteEntry(text, 1)), '---\nid: INC-1\ntimeline: [{at: 2026-11-20T14:02:00Z, kind: trigger, text: a}]\n---\n');
  });
});

describe('timeline edits: add', () => {
  it('adds a block-style entry where its time belongs', () => {
    const result = addEntry(BLOCK, { at: '14:20', kind: 'action', who: 'Priya Shah', text: 'Paged the cache team' });
    assert.ok(result.ok);
    assert.equal(result.index, 3);
    const after = apply(BLOCK, result);
    assert.match(after, /note: kept as is\n {2}- at: 2026-11-20T14:20:00\+01:00\n {4}kind: action\n {4}who: Priya Shah\n {4}text: Paged the cache team\n {2}- at: 2026-11-20T14:33/);
    assert.equal(after.replace(/ {2}- at: 2026-11-20T14:20[\s\S]*?Paged the cache team\n/, ''), BLOCK);
  });

  it('adds in the style of its neighbours (flow), at the end when it is the latest', () => {
    const after = apply(FLOW, addEntry(FLOW, { at: '2026-11-20T15:30:00Z', kind: 'resolution', text: 'Closed, all clear' }));
    assert.equal(after.split('\n')[12], '  - {at: 2026-11-20T15:30:00Z, kind: resolution, text: "Closed, all clear"}');
    assert.equal(after.split('\n')[13], '---');
  });

  it('starts a timeline where there is none, or where it is empty', () => {
    const none = '---\nid: INC-1\nstarted: 2026-11-20T14:02:00Z\n---\nBody\n';
    assert.equal(apply(none, addEntry(none, { at: '14:05', kind: 'detection', text: 'Alert' })), '---\nid: INC-1\nstarted: 2026-11-20T14:02:00Z\ntimeline:\n  - at: 2026-11-20T14:05:00Z\n    kind: detection\n    text: Alert\n---\nBody\n');
    const empty = '---\nid: INC-1\nstarted: 2026-11-20T14:02:00Z\ntimeline: []\n---\n';
    assert.equal(apply(empty, addEntry(empty, { at: '14:05', kind: 'detection', text: 'Alert' })), '---\nid: INC-1\nstarted: 2026-11-20T14:02:00Z\ntimeline:\n  - at: 2026-11-20T14:05:00Z\n    kind: detection\n    text: Alert\n---\n');
  });

  it('refuses an entry without text or with an unknown kind', () => {
    assert.equal(addEntry(BLOCK, { at: '14:05', kind: 'detection', text: '' }).ok, false);
    assert.equal(addEntry(BLOCK, { at: '14:05', kind: 'page', text: 'x' }).ok, false);
  });
});

describe('timeline edits: CRLF files', () => {
  const crlf = BLOCK.replace(/\n/g, '\r\n');
  const onlyCrlf = (text: string) => assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line break is CRLF');

  it('edits, moves, deletes and adds with CRLF line breaks', () => {
    const edited = apply(crlf, editEntry(crlf, 1, { text: 'Alert', evidence: 'https://x.example' }));
    onlyCrlf(edited);
    assert.equal(timelineOf(edited)[1].evidence, 'https://x.example');

    const moved = editEntry(crlf, 0, { at: '14:50' });
    assert.ok(moved.ok);
    const afterMove = apply(crlf, moved);
    onlyCrlf(afterMove);
    assert.equal(timelineOf(afterMove)[4].kind, 'trigger');

    const deleted = apply(crlf, deleteEntry(crlf, 4));
    onlyCrlf(deleted);
    assert.equal(timelineOf(deleted).length, 4);

    const added = apply(crlf, addEntry(crlf, { at: '14:00', kind: 'action', text: 'Merged' }));
    onlyCrlf(added);
    assert.equal(timelineOf(added)[0].text, 'Merged');
  });
});
