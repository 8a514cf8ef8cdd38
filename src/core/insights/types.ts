/**
 * Cross-incident insights: what many incidents, read together, say. Every
 * number here carries the keys of the incidents behind it, so a reader can
 * always go from a figure to the files. Plain JSON: the webview receives it
 * as it is, and the reports are rendered from it.
 */
import type { HotspotRanking } from '../hotspots/types';
import type { IncidentSummary } from '../incident';

/** One incident file to read, from any workspace folder. */
export interface InsightSource {
  /** Unique among the sources: the path, or the folder name and the path in a multi-root workspace. */
  readonly key: string;
  /** The workspace folder's name in a multi-root workspace; '' with one folder. */
  readonly folder: string;
  /** Relative to its workspace folder, `/`-separated. */
  readonly path: string;
  readonly incident: IncidentSummary;
}

/** Hotspot results of one workspace folder, for code areas. */
export interface FolderHistory {
  readonly folder: string;
  readonly ranking: HotspotRanking;
  /** Whether git history was read; false means the ranking holds explicit `code:` links only. */
  readonly fromHistory: boolean;
}

export interface InsightFilters {
  /** `YYYY-MM-DD`, inclusive, compared with the day the incident started in its own offset. */
  readonly from?: string;
  readonly to?: string;
  readonly service?: string;
  readonly severity?: string;
}

export type BucketUnit = 'month' | 'quarter';

export interface InsightOptions {
  /** UTC midnight of the day that counts as today (overdue items, ages). */
  readonly todayMs: number;
  /** Configured severity levels, worst first. */
  readonly severities: readonly string[];
  readonly filters?: InsightFilters;
  /** Month or quarter; by default months while the incidents span at most 18 of them. */
  readonly unit?: BucketUnit;
  /** Hotspot rankings per folder; folders without one use their explicit `code:` links. */
  readonly history?: readonly FolderHistory[];
}

/** What the report shows of one incident, and how to find it. */
export interface IncidentRef {
  readonly key: string;
  /** The incident id, or the file name where the id is missing. */
  readonly id: string;
  readonly title: string;
  /** '' when the file names none. */
  readonly severity: string;
  readonly status: string;
  readonly nearMiss: boolean;
  /** The `started` timestamp as written. */
  readonly started?: string;
  readonly startedMs?: number;
  /** The day impact began in the incident's own offset, `YYYY-MM-DD`. */
  readonly startedDay?: string;
  readonly folder: string;
  readonly path: string;
}

export interface Scope {
  /** Incidents this report covers (after filters). */
  readonly total: number;
  /** Incident files read, before filters. */
  readonly available: number;
  readonly filters: InsightFilters;
  /** Left out by a date filter because they have no start time. */
  readonly undatedLeftOut: readonly string[];
  /** First and last start day among the covered incidents. */
  readonly firstDay?: string;
  readonly lastDay?: string;
  readonly today: string;
  /** Severity levels in order: the configured ones, then others found, then '' (none) if any. */
  readonly severities: readonly string[];
  /** The levels counted as severe: the two worst configured. */
  readonly severe: readonly string[];
  /** Every service named, for filter menus. */
  readonly services: readonly string[];
}

export interface TallyRow {
  readonly label: string;
  /** Incidents, not mentions: an incident that names a kind twice counts once. */
  readonly count: number;
  /** How many of them were severe (see Scope.severe). */
  readonly severe: number;
  /** Keys, earliest start first. */
  readonly incidents: readonly string[];
  readonly lastStartedMs?: number;
  /** Statements behind the count (contributing factors): may exceed `count`. */
  readonly mentions?: number;
}

export interface Tally {
  /** Most incidents first; ties by severe count, then most recent, then label. */
  readonly rows: readonly TallyRow[];
  /** Incidents that name none. */
  readonly without: readonly string[];
}

export type AreaSource = 'history' | 'links' | 'mixed';

export interface AreaTally extends Tally {
  /** Git history and code links, code links only, or history in some folders only. */
  readonly source: AreaSource;
}

export interface TimeBucket {
  /** `2026-06` or `2026-Q3`. */
  readonly id: string;
  /** First day of the bucket, `YYYY-MM-DD`. */
  readonly start: string;
  /** Incidents that were not near misses, per severity (same order as Scope.severities). */
  readonly bySeverity: readonly number[];
  /** Near misses, counted apart from the severities. */
  readonly nearMisses: number;
  readonly incidents: readonly string[];
  readonly nearMissIncidents: readonly string[];
}

export interface OverTime {
  readonly unit: BucketUnit;
  /** Every bucket from the first incident to the last, empty ones included. */
  readonly buckets: readonly TimeBucket[];
  /** Incidents without a start time. */
  readonly undated: readonly string[];
}

export type DurationName = 'detect' | 'mitigate' | 'resolve';

export interface DurationPoint {
  readonly key: string;
  readonly ms: number;
}

export interface Spread {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export interface DurationGroup {
  readonly severity: string;
  /** Shortest first. */
  readonly points: readonly DurationPoint[];
  readonly spread: Spread;
}

export type MissingReason = 'no-start' | 'no-end' | 'still-open' | 'out-of-order';

export interface MissingTime {
  readonly key: string;
  readonly reason: MissingReason;
}

export interface DurationMeasure {
  readonly name: DurationName;
  /** The later lifecycle field: detected, mitigated or resolved. */
  readonly endField: 'detected' | 'mitigated' | 'resolved';
  /** Severities with at least one measured incident, in severity order. */
  readonly groups: readonly DurationGroup[];
  /** Every incident in scope that could not be measured, with why; none is dropped silently. */
  readonly missing: readonly MissingTime[];
}

export interface Durations {
  readonly measures: readonly DurationMeasure[];
  /** Near misses are left out of durations: there was no impact to time. */
  readonly nearMisses: readonly string[];
}

export type ActionState = 'done' | 'open' | 'dropped' | 'unknown';

export interface ActionRef {
  readonly incident: string;
  readonly id: string;
  readonly title: string;
  readonly owner?: string;
  readonly due?: string;
  /** As written: open, in-progress, done, dropped (or something else). */
  readonly status: string;
  readonly state: ActionState;
  /** Open items: days past due as of today (0 when due today or later). */
  readonly daysOverdue?: number;
  /** Open items: days since the incident started (the files do not record when an item was added). */
  readonly ageDays?: number;
  readonly reason?: string;
}

export interface FollowThrough {
  readonly total: number;
  readonly done: readonly ActionRef[];
  /** Open and in-progress. */
  readonly open: readonly ActionRef[];
  /** Open items whose due date is before today; most overdue first. */
  readonly overdue: readonly ActionRef[];
  /** Open items without a due date. */
  readonly noDue: readonly ActionRef[];
  readonly dropped: readonly ActionRef[];
  /** Items whose status is none of the four. */
  readonly unknown: readonly ActionRef[];
  /** Median and spread of the open items' ages, in days. */
  readonly openAge?: Spread;
  /** Incidents with action items, every one of them still open. */
  readonly allOpen: readonly string[];
  /** Incidents with no action items at all. */
  readonly withoutActions: readonly string[];
}

export type TopKind = 'area' | 'service' | 'factor' | 'follow-through' | 'none';

export interface TopInsight {
  readonly kind: TopKind;
  /** One plain sentence, backed by the numbers below. Not escaped: renderers escape it. */
  readonly sentence: string;
  /** The incidents the sentence is about. */
  readonly incidents: readonly string[];
  /** What was compared, for the reader who asks "why this one?". */
  readonly basis: string;
}

export interface Insights {
  readonly scope: Scope;
  /** Covered incidents, earliest start first (undated last). */
  readonly incidents: readonly IncidentRef[];
  readonly top: TopInsight;
  readonly areas: AreaTally;
  readonly services: Tally;
  readonly factors: Tally;
  readonly tags: Tally;
  readonly overTime: OverTime;
  readonly durations: Durations;
  readonly followThrough: FollowThrough;
}
