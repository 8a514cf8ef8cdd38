/** Add Timeline Entry as an edit: in time order, in the neighbours' style, touching nothing else. */
import * as assert from 'node:assert/strict';
import { addTimelineEntryEdits, insertionIndex } from '../../src/core/edits/timelineEntry';
import { addedLines, apply, file, HEAD, valueOf } from './edits-support';

const entry = (at: string, text = 'Rolled back to v41', kind = 'mitigation', who?: string) => ({ at, kind, text, who });

const BLOCK = file([
  ...HEAD,
  'timeline:',
  '  - at: 2026-11-20T14:00:00Z',
  '    kind: trigger',
  '    text: Reindex started',
  '  # the alert fired late: it waits ten minutes',
  '  - at: 2026-11-20T14:20:00Z',
  '    kind: detection',
  '    who: alerting',
  '    text: p99 latency alert',
  'unknown_field: stays   # and so does this comment',
]);

describe('edits: add a timeline entry', () => {
  it('goes between the entries around its time, before the comment of the next one', () => {
    const after = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T14:10:00Z', 'Search looks slow', 'observation', 'Mei Chen')));
    assert.deepEqual(addedLines(BLOCK, after), ['  - at: 2026-11-20T14:10:00Z', '    kind: observation', '    who: Mei Chen', '    text: Search looks slow']);
    const lines = after.split('\n');
    assert.equal(lines.indexOf('  - at: 2026-11-20T14:10:00Z') + 4, lines.indexOf('  # the alert fired late: it waits ten minutes'));
  });

  it('goes last when it is the latest, and first when it is the earliest', () => {
    const late = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T15:00:00Z')));
    assert.deepEqual((valueOf(late).timeline as { at: string }[]).map((e) => e.at), ['2026-11-20T14:00:00Z', '2026-11-20T14:20:00Z', '2026-11-20T15:00:00Z']);
    const early = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T13:00:00Z')));
    assert.deepEqual((valueOf(early).timeline as { at: string }[]).map((e) => e.at), ['2026-11-20T13:00:00Z', '2026-11-20T14:00:00Z', '2026-11-20T14:20:00Z']);
  });

  it('goes after entries with the same time, and compares instants across offsets', () => {
    const same = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T14:20:00Z')));
    assert.equal((valueOf(same).timeline as { text: string }[])[2].text, 'Rolled back to v41');
    // 15:15+01:00 is 14:15Z: between the two entries.
    const offset = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T15:15:00+01:00')));
    assert.equal((valueOf(offset).timeline as { at: string }[])[1].at, '2026-11-20T15:15:00+01:00');
  });

  it('keeps unknown fields, comments and the body byte for byte', () => {
    const after = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T14:30:00Z')));
    assert.ok(after.includes('unknown_field: stays   # and so does this comment\n'));
    assert.ok(after.endsWith('---\n\n## Summary\n\nBody text.\n'));
    assert.equal(addedLines(BLOCK, after).length, 3);
  });

  it('writes a flow item among flow items', () => {
    const text = file([...HEAD, 'timeline:', '  - {at: 2026-11-20T14:00:00Z, kind: trigger, text: Reindex started}', '  - {at: 2026-11-20T14:20:00Z, kind: detection, text: Alert}']);
    const after = apply(text, addTimelineEntryEdits(text, entry('2026-11-20T14:10:00Z', 'Status page: search is slow, browsing works', 'communication', 'Lee, W')));
    assert.deepEqual(addedLines(text, after), ['  - {at: 2026-11-20T14:10:00Z, kind: communication, who: "Lee, W", text: "Status page: search is slow, browsing works"}']);
  });

  it('adds to a flow sequence, an empty one, a `timeline:` with nothing under it, and a file without a timeline', () => {
    const flow = file([...HEAD, 'timeline: [{at: 2026-11-20T14:00:00Z, kind: trigger, text: A}]']);
    assert.equal(apply(flow, addTimelineEntryEdits(flow, entry('2026-11-20T14:05:00Z', 'B'))).split('\n')[6], 'timeline: [{at: 2026-11-20T14:00:00Z, kind: trigger, text: A}, {at: 2026-11-20T14:05:00Z, kind: mitigation, text: B}]');
    const empty = file([...HEAD, 'timeline: []']);
    assert.equal(apply(empty, addTimelineEntryEdits(empty, entry('2026-11-20T14:05:00Z', 'B'))).split('\n')[6], 'timeline: [{at: 2026-11-20T14:05:00Z, kind: mitigation, text: B}]');
    const bare = file([...HEAD, 'timeline:  # nothing yet', 'tags: [search]']);
    assert.deepEqual(addedLines(bare, apply(bare, addTimelineEntryEdits(bare, entry('2026-11-20T14:05:00Z', 'B')))), ['  - at: 2026-11-20T14:05:00Z', '    kind: mitigation', '    text: B']);
    const none = file(HEAD);
    assert.deepEqual(addedLines(none, apply(none, addTimelineEntryEdits(none, entry('2026-11-20T14:05:00Z', 'B')))), ['timeline:', '  - at: 2026-11-20T14:05:00Z', '    kind: mitigation', '    text: B']);
  });

  it('follows the indentation of the existing items', () => {
    const text = file([...HEAD, 'timeline:', '- at: 2026-11-20T14:00:00Z', '  kind: trigger', '  text: A']);
    assert.deepEqual(addedLines(text, apply(text, addTimelineEntryEdits(text, entry('2026-11-20T14:05:00Z', 'B')))), ['- at: 2026-11-20T14:05:00Z', '  kind: mitigation', '  text: B']);
  });

  it('keeps CRLF line ends', () => {
    const text = BLOCK.replace(/\n/g, '\r\n');
    const after = apply(text, addTimelineEntryEdits(text, entry('2026-11-20T14:10:00Z')));
    assert.ok(!/[^\r]\n/.test(after), 'every line ends in CRLF');
    assert.equal((valueOf(after).timeline as unknown[]).length, 3);
  });

  it('quotes text YAML would read otherwise, and reads back exactly what was typed', () => {
    for (const text of ['42', 'yes', 'null', '- dash first', '# hash first', 'a: b', "it's 'quoted'", 'ends with colon:', '@mention', '[brackets]', '{braces}', 'trailing space ']) {
      const after = apply(BLOCK, addTimelineEntryEdits(BLOCK, entry('2026-11-20T14:10:00Z', text)));
      assert.equal((valueOf(after).timeline as { text: unknown }[])[1].text, text.trim(), text);
    }
  });

  it('offers no edit for text it cannot place safely', () => {
    assert.equal(addTimelineEntryEdits('no front matter', entry('2026-11-20T14:10:00Z')), undefined);
    assert.equal(addTimelineEntryEdits(file([...HEAD, 'timeline: {not: a list}']), entry('2026-11-20T14:10:00Z')), undefined);
    assert.equal(addTimelineEntryEdits(file([...HEAD, 'title: [unclosed']), entry('2026-11-20T14:10:00Z')), undefined);
    assert.equal(addTimelineEntryEdits(BLOCK, entry('yesterday')), undefined);
    assert.equal(addTimelineEntryEdits(BLOCK, entry('2026-11-20T14:10:00Z', '   ')), undefined);
  });

  it('places entries with unreadable times by the readable ones around them', () => {
    assert.equal(insertionIndex([{ at: '2026-11-20T14:00:00Z' }, { at: 'later' }, { at: '2026-11-20T15:00:00Z' }], Date.parse('2026-11-20T14:30:00Z')), 1);
    assert.equal(insertionIndex([{ at: 'soon' }], Date.parse('2026-11-20T14:30:00Z')), 0);
    assert.equal(insertionIndex([], 0), 0);
  });
});
