/**
 * Status changes: the new `status`, the lifecycle time it implies when that
 * time is missing (`monitoring` → `mitigated`, `resolved` and `reviewed` →
 * `resolved`), and a timeline entry that records the change.
 */
import { LIFECYCLE_FIELDS, STATUSES } from '../schema';
import { parseTimestamp } from '../timestamps';
import { FrontMatterText, setField, replaceValue } from './frontMatterEdits';
import { combineEdits } from './compose';
import type { TextEdit } from './textEdit';
import { addTimelineEntry, sameEntry, type TimelineEntryInput } from './timelineEntry';
import { checked } from './verify';

export type Status = (typeof STATUSES)[number];

/** The lifecycle time a status needs (the `status-without-time` rule). */
export const TIME_FOR_STATUS: Readonly<Partial<Record<Status, 'mitigated' | 'resolved'>>> = {
  monitoring: 'mitigated',
  resolved: 'resolved',
  reviewed: 'resolved',
};

const ENTRY_FOR_STATUS: Readonly<Record<Status, { kind: string; text: string }>> = {
  investigating: { kind: 'decision', text: 'Status set to investigating' },
  identified: { kind: 'diagnosis', text: 'Status set to identified, the cause is known' },
  monitoring: { kind: 'mitigation', text: 'Status set to monitoring, impact mitigated' },
  resolved: { kind: 'resolution', text: 'Status set to resolved' },
  reviewed: { kind: 'decision', text: 'Status set to reviewed, the review was held' },
};

export function isStatus(value: string | undefined): value is Status {
  return (STATUSES as readonly string[]).includes(value ?? '');
}

/** Moving to an earlier stage of the lifecycle (reopening, say). */
export function isBackwards(from: string | undefined, to: Status): boolean {
  return isStatus(from) && STATUSES.indexOf(to) < STATUSES.indexOf(from);
}

export interface StatusChange {
  readonly status: Status;
  /** Now, as a timestamp with an offset. */
  readonly at: string;
  readonly who?: string;
  /** Added to the timeline entry's text. */
  readonly note?: string;
}

export interface StatusEdits {
  readonly edits: TextEdit[];
  /** The lifecycle time that was filled in, if any. */
  readonly filled?: 'mitigated' | 'resolved';
  readonly entry: TimelineEntryInput;
}

function statusEntry(change: StatusChange, from: string | undefined): TimelineEntryInput {
  const base = ENTRY_FOR_STATUS[change.status];
  const text = isBackwards(from, change.status) ? `Status back to ${change.status} (was ${from})` : base.text;
  const note = change.note?.trim();
  return { at: change.at, kind: base.kind, who: change.who, text: note ? `${text} — ${note}` : text };
}

export function setStatusEdits(text: string, change: StatusChange): StatusEdits | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm || !parseTimestamp(change.at) || !isStatus(change.status)) return undefined;
  const from = typeof fm.value.status === 'string' ? fm.value.status : undefined;
  const field = TIME_FOR_STATUS[change.status];
  const fill = field && fm.value[field] === undefined ? field : undefined;
  const entry = statusEntry(change, from);
  const statusEdit = fm.value.status === undefined ? setField(fm, ['status'], change.status, 'title') : replaceValue(fm, ['status'], change.status);
  const timeEdit = fill ? setField(fm, [fill], change.at, lastBefore(fm, fill)) : undefined;
  const entryEdit = addTimelineEntry(fm, entry);
  if (!statusEdit || (fill && !timeEdit) || !entryEdit) return undefined;
  const before = Array.isArray(fm.value.timeline) ? fm.value.timeline.length : 0;
  const edits = checked(fm, combineEdits(fm.lines, [statusEdit, timeEdit, entryEdit]), (value) => {
    const timeline = value.timeline;
    return (
      value.status === change.status &&
      (!fill || value[fill] === change.at) &&
      Array.isArray(timeline) &&
      timeline.length === before + 1 &&
      timeline.some((item) => sameEntry(item, entry))
    );
  });
  return edits ? { edits, filled: fill, entry } : undefined;
}

/** The lifecycle field a new one goes after: the latest earlier one present. */
function lastBefore(fm: FrontMatterText, field: 'mitigated' | 'resolved'): string | undefined {
  const earlier = LIFECYCLE_FIELDS.slice(0, LIFECYCLE_FIELDS.indexOf(field)).reverse();
  return earlier.find((name) => fm.value[name] !== undefined) ?? (fm.value.severity !== undefined ? 'severity' : undefined);
}
