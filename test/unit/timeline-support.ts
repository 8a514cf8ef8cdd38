/** Helpers for the timeline tests: sample incidents, applying edits, comparing lines. */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/edits/textEdit';
import { FrontMatterText } from '../../src/core/edits/frontMatterEdits';
import type { TimelineEditResult } from '../../src/core/timeline/edits';
import { LineIndex } from '../../src/core/text';

/** Block-style entries, with a comment above one of them and an unknown field. */
export const BLOCK = `---
id: INC-2026-014
title: Checkout latency spike after cache config rollout
status: reviewed
severity: SEV2
started: 2026-11-20T14:02:00+01:00
detected: 2026-11-20T14:09:00+01:00
mitigated: 2026-11-20T14:41:00+01:00
timeline:
  - at: 2026-11-20T14:02:00+01:00
    kind: trigger
    who: deploy-bot
    text: Cache config v42 rolled out to all regions
  - at: 2026-11-20T14:09:00+01:00
    kind: detection
    who: alerting
    text: p99 latency alert for checkout
  # Lee posted this from the phone
  - at: 2026-11-20T14:15:00+01:00
    kind: communication
    who: Lee Wong
    text: "Status page: investigating"
    note: kept as is
  - at: 2026-11-20T14:33:00+01:00
    kind: diagnosis
    who: Sam Ortiz
    text: Miss rate doubled right after v42
    evidence: https://grafana.example/d/abc
  - at: 2026-11-20T14:41:00+01:00
    kind: mitigation
    who: Sam Ortiz
    text: Rolled back to v41
---

## Summary

Body text stays as it is.
`;

/** The same timeline in flow style, as the example workspace writes it. */
export const FLOW = `---
id: INC-2026-014
title: Checkout latency spike
status: reviewed
severity: SEV2
started: 2026-11-20T14:02:00Z
detected: 2026-11-20T14:09:00Z
timeline:
  - {at: 2026-11-20T14:02:00Z, kind: trigger, who: deploy-bot, text: Cache config v42 rolled out}
  - {at: 2026-11-20T14:09:00Z, kind: detection, who: alerting, text: p99 latency alert for checkout}
  - {at: 2026-11-20T14:15:00Z, kind: communication, who: Lee Wong, text: "Status page: investigating"}
  - {at: 2026-11-20T14:41:00Z, kind: mitigation, who: Sam Ortiz, text: Rolled back to v41}
---
Body.
`;

export function apply(text: string, result: TimelineEditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  const lines = new LineIndex(text);
  return applyEdits(text, result.edits, (position) => lines.offsetAt(position));
}

export function timelineOf(text: string): Record<string, unknown>[] {
  const fm = FrontMatterText.parse(text);
  assert.ok(fm, 'the result parses');
  return fm.value.timeline as Record<string, unknown>[];
}

/** Lines of `after` that differ from `before`, assuming no lines were added or removed. */
export function changedLines(before: string, after: string): number[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  assert.equal(b.length, a.length, 'same number of lines');
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

/** The lines an edit touched, from its ranges (0-based, inclusive). */
export function editedLines(result: TimelineEditResult): number[] {
  assert.ok(result.ok);
  return [...new Set(result.edits.flatMap((edit) => range(edit.range.start.line, edit.range.end.line)))].sort((x, y) => x - y);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
