/** Shapes shared by the importer's modules. Pure data: no editor, no file system. */
import type { TimelineKind } from '../timelineKinds';

export interface ImportOptions {
  /** Ids already used in the workspace, so an imported incident never collides. */
  readonly existingIds: readonly string[];
  /** Used when the source states no severity and none was asked for. */
  readonly defaultSeverity: string;
  /** The severity the user picked when asked (used when the source does not say). */
  readonly severity?: string;
  /** Zone for times when the source states none: `UTC`, `CET`, `+02:00` or an IANA name. Default `UTC`. */
  readonly timeZone?: string;
  /** The configured severity levels, worst first. Default SEV1..SEV4. */
  readonly severityLevels?: readonly string[];
  /** How the file's bytes were read when they were not UTF-8; kept with the other guesses in the imported file. */
  readonly decodingNote?: string;
  /** Only used when the source has no date at all; injectable for tests. */
  readonly now?: Date;
}

export type SeverityOrigin = 'source' | 'option' | 'default';

export interface ImportResult {
  /** `YYYY-MM-DD-slug.md`, the date the incident started. */
  readonly fileName: string;
  /** The complete incident file: front matter and body. */
  readonly text: string;
  readonly id: string;
  /** Where the severity came from, so the editor knows whether to ask. */
  readonly severityFrom: SeverityOrigin;
  /** What was mapped into fields, one human line each. */
  readonly mapped: string[];
  /** What was kept in the body, and why. */
  readonly leftInBody: string[];
  readonly warnings: string[];
}

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export type { TimelineKind };

export interface TimelineEntry {
  /** ISO 8601 with offset, e.g. `2019-11-29T12:00:00+01:00`. */
  readonly at: string;
  /** Milliseconds since the epoch, for ordering. */
  readonly epochMs: number;
  readonly kind: TimelineKind;
  readonly who?: string;
  readonly text: string;
  readonly evidence?: string;
  /** What the source wrote in its time column, for the notes. */
  readonly sourceTime: string;
  /** Markers such as `**Detection:**` or `(resolved)` that name a lifecycle moment. */
  readonly marker?: 'started' | 'detected' | 'mitigated' | 'resolved';
}

/** A timeline row kept in the body because it has no exact time. */
export interface UndatedRow {
  readonly time: string;
  readonly text: string;
  readonly reason: string;
}

export type FactorKind =
  | 'change'
  | 'capacity'
  | 'dependency'
  | 'config'
  | 'monitoring'
  | 'process'
  | 'knowledge'
  | 'communication'
  | 'other';

export interface Factor {
  readonly kind: FactorKind;
  readonly text: string;
}

export type ActionStatus = 'open' | 'in-progress' | 'done' | 'dropped';
export type ActionKind = 'mitigate' | 'prevent' | 'detect' | 'process' | 'learn';

export interface ActionItem {
  readonly id: string;
  readonly title: string;
  readonly owner?: string;
  /** `YYYY-MM-DD`. */
  readonly due?: string;
  readonly status: ActionStatus;
  readonly kind?: ActionKind;
  readonly link?: string;
  readonly reason?: string;
}
