/**
 * The timeline panel's model: everything the panel shows, computed from the
 * incident's text alone. Plain JSON, so it crosses to the webview as is.
 */

export const LIFECYCLE_MARKERS = ['started', 'detected', 'mitigated', 'resolved'] as const;
export type MarkerName = (typeof LIFECYCLE_MARKERS)[number];

const PHASES = ['detect', 'mitigate', 'resolve'] as const;
export type PhaseName = (typeof PHASES)[number];

export interface TimelineHeader {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
}

export interface LifecycleMarker {
  readonly name: MarkerName;
  /** As written. */
  readonly at: string;
  readonly epochMs: number;
  /** 0-based line of the field in the file. */
  readonly line: number;
}

export interface TimelineEntry {
  /** Position in the file's `timeline` list: what edits address. */
  readonly index: number;
  /** As written; empty when missing. */
  readonly at: string;
  /** Null when the time is missing or unreadable. */
  readonly epochMs: number | null;
  /** As written; may be outside the known kinds (a typo the linter reports). */
  readonly kind: string;
  readonly who: string;
  readonly text: string;
  readonly evidence: string;
  /** 0-based line of the entry's first line in the file. */
  readonly line: number;
}

export type TimelineRow =
  | { readonly type: 'day'; readonly date: string }
  | { readonly type: 'marker'; readonly name: MarkerName; readonly epochMs: number }
  | { readonly type: 'entry'; readonly index: number }
  | { readonly type: 'gap'; readonly fromMs: number; readonly toMs: number; readonly label: string }
  | {
      readonly type: 'phase';
      readonly phase: PhaseName;
      readonly fromMs: number;
      readonly toMs: number;
      /** "7 min · time to detect". */
      readonly label: string;
      /** "started → detected: how long the impact went unnoticed". */
      readonly meaning: string;
    }
  | { readonly type: 'untimed'; readonly count: number };

export interface TimelineModel {
  readonly header: TimelineHeader;
  /** The incident's offset (of `started`, else of the first entry): times are shown in it. */
  readonly offsetMinutes: number;
  readonly markers: readonly LifecycleMarker[];
  readonly entries: readonly TimelineEntry[];
  /** Markers, entries, quiet gaps and phases merged in time order. */
  readonly rows: readonly TimelineRow[];
  /** Gaps at least this long are collapsed into a labelled quiet row. */
  readonly quietGapMs: number;
  /** Why the text cannot be shown right now (a YAML error while typing); the rows are then empty. */
  readonly problem: string | null;
}
