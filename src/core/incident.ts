/**
 * What the rest of the product knows about one incident file: the values of
 * its fields and where they are. Plain JSON, so the workspace index can cache
 * it between sessions.
 */
import type { Range } from './text';

export interface LocatedTime {
  readonly text: string;
  readonly epochMs: number;
  readonly offsetMinutes: number;
  readonly range: Range;
}

export interface LocatedText {
  readonly value: string;
  readonly range: Range;
}

export interface CodeLinkSummary {
  readonly index: number;
  readonly path: string;
  readonly pathRange: Range;
  readonly lines?: { readonly start: number; readonly end: number };
  readonly linesRange?: Range;
  readonly pattern?: string;
  readonly note?: string;
  readonly ref?: string;
  /** Absolute or escaping the workspace folder: never read. */
  readonly outside: boolean;
}

export interface CommitSummary {
  readonly sha: string;
  readonly role: string;
  readonly repo?: string;
  readonly range: Range;
}

export interface ActionSummary {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly owner?: string;
  readonly due?: string;
  /** UTC midnight of the due date. */
  readonly dueMs?: number;
  /** As written; empty when the action has no status. */
  readonly status: string;
  readonly kind?: string;
  readonly link?: string;
  readonly reason?: string;
  /** The item's first line. */
  readonly range: Range;
  readonly dueRange?: Range;
}

export interface TimelineSummary {
  readonly count: number;
  readonly kinds: Readonly<Record<string, number>>;
  readonly firstMs?: number;
  readonly lastMs?: number;
  /** Line of the `timeline:` key, for "open at the timeline". */
  readonly line?: number;
}

export interface IncidentSummary {
  readonly id?: string;
  readonly idRange?: Range;
  readonly title?: string;
  readonly status?: string;
  readonly severity?: string;
  readonly started?: LocatedTime;
  readonly detected?: LocatedTime;
  readonly mitigated?: LocatedTime;
  readonly resolved?: LocatedTime;
  readonly services: readonly LocatedText[];
  readonly tags: readonly string[];
  readonly roles: Readonly<Record<string, string>>;
  readonly participants: readonly string[];
  readonly impact?: { readonly summary?: string; readonly customers?: string; readonly duration_note?: string };
  readonly nearMiss: boolean;
  readonly review?: { readonly status?: string; readonly facilitator?: string; readonly held?: string };
  readonly code: readonly CodeLinkSummary[];
  readonly commits: readonly CommitSummary[];
  readonly factors: readonly { readonly kind: string; readonly text: string }[];
  readonly actions: readonly ActionSummary[];
  readonly timeline: TimelineSummary;
  /** Line of each top-level field's key, for "open at". */
  readonly fieldLines: Readonly<Record<string, number>>;
  /** The opening `---` line. */
  readonly frontMatterRange: Range;
}
