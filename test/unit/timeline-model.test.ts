import * as assert from 'node:assert/strict';
import { buildTimelineModel } from '../../src/core/timeline/model';
import { quietGapThreshold } from '../../src/core/timeline/rows';
import { resolveTimeInput } from '../../src/core/timeline/timeInput';
import type { TimelineRow } from '../../src/core/timeline/types';
import { BLOCK } from './timeline-support';

const MIN = 60_000;

/** Rows as short strings, for readable assertions. */
function describeRows(rows: readonly TimelineRow[]): string[] {
  return rows.map((row) => {
    switch (row.type) {
      case 'entry':
        return `entry ${row.index}`;
      case 'marker':
        return `marker ${row.name}`;
      case 'gap':
        return `gap ${row.label}`;
      case 'phase':
        return `phase ${row.label}`;
      case 'day':
        return `day ${row.date}`;
      case 'untimed':
        return `untimed ${row.count}`;
    }
  });
}

/** The sketch's incident: started 14:02, detected 14:09, mitigated 14:41, an 18-minute silence. */
const SKETCH = `---
id: INC-2026-014
title: Checkout latency spike after cache config rollout
status: reviewed
severity: SEV2
started: 2026-11-20T14:02:00Z
detected: 2026-11-20T14:09:00Z
mitigated: 2026-11-20T14:41:00Z
timeline:
  - {at: 2026-11-20T14:02:00Z, kind: trigger, who: deploy-bot, text: Cache config v42 rolled out to all regions}
  - {at: 2026-11-20T14:09:00Z, kind: detection, who: alerting, text: p99 latency alert for checkout}
  - {at: 2026-11-20T14:15:00Z, kind: communication, who: Lee Wong, text: "Status page: investigating"}
  - {at: 2026-11-20T14:33:00Z, kind: diagnosis, who: Sam Ortiz, text: Miss rate doubled right after v42, evidence: "https://grafana.example/d/abc"}
  - {at: 2026-11-20T14:41:00Z, kind: mitigation, who: Sam Ortiz, text: Rolled back to v41}
---
`;

describe('timeline model', () => {
  it('merges markers and entries in time order, as the sketch shows them', () => {
    const model = buildTimelineModel(SKETCH);
    assert.equal(model.problem, null);
    assert.deepEqual(model.header, { id: 'INC-2026-014', title: 'Checkout latency spike after cache config rollout', severity: 'SEV2', status: 'reviewed' });
    assert.deepEqual(describeRows(model.rows), [
      'marker started',
      'entry 0',
      'phase 7 min · time to detect',
      'marker detected',
      'entry 1',
      'entry 2',
      'gap 18 min quiet',
      'entry 3',
      'phase 39 min · time to mitigate',
      'marker mitigated',
      'entry 4',
    ]);
    assert.deepEqual(model.entries[3], {
      index: 3,
      at: '2026-11-20T14:33:00Z',
      epochMs: Date.UTC(2026, 10, 20, 14, 33),
      kind: 'diagnosis',
      who: 'Sam Ortiz',
      text: 'Miss rate doubled right after v42',
      evidence: 'https://grafana.example/d/abc',
      line: 12,
    });
  });

  it('labels each phase with its length and what it measures, from the start of impact', () => {
    const phases = buildTimelineModel(SKETCH.replace('mitigated: 2026-11-20T14:41:00Z', 'mitigated: 2026-11-20T14:41:00Z\nresolved: 2026-11-20T16:10:00Z')).rows.filter((row) => row.type === 'phase');
    assert.deepEqual(
      phases.map((row) => row.type === 'phase' && [row.phase, row.label, row.meaning, (row.toMs - row.fromMs) / MIN]),
      [
        ['detect', '7 min · time to detect', 'started → detected: how long the impact went unnoticed', 7],
        ['mitigate', '39 min · time to mitigate', 'started → mitigated: how long users felt the impact', 39],
        ['resolve', '2 h 8 min · time to resolve', 'started → resolved: from the start of the impact until the incident was closed', 128],
      ],
    );
  });

  it('shows no phase that would run backwards', () => {
    const model = buildTimelineModel(SKETCH.replace('detected: 2026-11-20T14:09:00Z', 'detected: 2026-11-20T13:00:00Z'));
    assert.ok(!model.rows.some((row) => row.type === 'phase' && row.phase === 'detect'));
  });

  it('keeps the incident\'s offset for display, from started', () => {
    const model = buildTimelineModel(BLOCK);
    assert.equal(model.offsetMinutes, 60);
    assert.deepEqual(model.markers.map((marker) => [marker.name, marker.line]), [['started', 5], ['detected', 6], ['mitigated', 7]]);
    assert.equal(model.entries[2].line, 18, 'the entry line, not its comment');
  });

  it('puts entries without a readable time last, under their own heading', () => {
    const model = buildTimelineModel(SKETCH.replace('at: 2026-11-20T14:15:00Z', 'at: "14:15 or so"'));
    assert.deepEqual(describeRows(model.rows).slice(-2), ['untimed 1', 'entry 2']);
    assert.equal(model.entries[2].epochMs, null);
  });

  it('breaks the rows by day when the incident spans midnight (in its own offset)', () => {
    const text = `---\nid: INC-1\nstarted: 2026-11-20T23:30:00+01:00\ntimeline:\n  - {at: 2026-11-20T23:40:00+01:00, kind: trigger, text: a}\n  - {at: 2026-11-20T23:45:00+01:00, kind: action, text: b}\n  - {at: 2026-11-21T00:00:00Z, kind: action, text: c}\n---\n`;
    assert.deepEqual(describeRows(buildTimelineModel(text).rows), ['day 2026-11-20', 'marker started', 'entry 0', 'entry 1', 'gap 1 h 15 min quiet', 'day 2026-11-21', 'entry 2']);
  });

  it('explains what cannot be shown instead of failing', () => {
    assert.match(buildTimelineModel('# just notes\n').problem ?? '', /no front matter/);
    assert.match(buildTimelineModel('---\nid: INC-1\n').problem ?? '', /no closing ---/);
    const broken = buildTimelineModel('---\nid: INC-1\ntitle: [oops\n---\n');
    assert.match(broken.problem ?? '', /YAML error on line \d/);
    assert.deepEqual(broken.rows, []);
  });

  it('shows items that are not maps, so nothing in the file is hidden', () => {
    const model = buildTimelineModel('---\nid: INC-1\ntimeline:\n  - just a sentence\n---\n');
    assert.equal(model.entries[0].text, 'just a sentence');
  });
});

describe('timeline quiet gaps', () => {
  it('folds gaps of at least 15 minutes, or twice the median step if that is longer, up to two hours', () => {
    assert.equal(quietGapThreshold([]), 15 * MIN);
    assert.equal(quietGapThreshold([0, 2 * MIN, 4 * MIN, 60 * MIN]), 15 * MIN);
    // Hourly notes over two days: only what stands out against them is quiet.
    const hourly = Array.from({ length: 48 }, (_, i) => i * 60 * MIN);
    assert.equal(quietGapThreshold(hourly), 120 * MIN);
    // However sparse the notes, two silent hours always stand out.
    assert.equal(quietGapThreshold([0, 3 * 60 * MIN, 6 * 60 * MIN]), 120 * MIN);
  });

  it('labels each folded gap with its length', () => {
    const model = buildTimelineModel(SKETCH);
    const gaps = model.rows.filter((row) => row.type === 'gap');
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0].type === 'gap' && gaps[0].label, '18 min quiet');
    assert.equal(model.quietGapMs, 15 * MIN);
  });
});

describe('timeline typed times', () => {
  it('reads typed times in the incident\'s offset', () => {
    const reference = { epochMs: Date.UTC(2026, 10, 20, 13, 2), offsetMinutes: 60 };
    assert.equal(resolveTimeInput('14:05', reference), '2026-11-20T14:05:00+01:00');
    assert.equal(resolveTimeInput('9:05:30', reference), '2026-11-20T09:05:30+01:00');
    assert.equal(resolveTimeInput('2026-11-21 00:10', reference), '2026-11-21T00:10:00+01:00');
    assert.equal(resolveTimeInput(' 2026-11-20T14:05:00Z ', reference), '2026-11-20T14:05:00Z');
    assert.equal(resolveTimeInput('2026-11-20 14:05-05:00', reference), '2026-11-20T14:05-05:00');
    for (const bad of ['', 'soon', '25:00', '2026-02-30 10:00', '14h05']) assert.equal(resolveTimeInput(bad, reference), undefined, bad);
  });
});
