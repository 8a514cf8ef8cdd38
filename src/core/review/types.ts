/**
 * The review panel's model: the guided review, action item quality, blame
 * wording and the rendered body, all derived from the incident's text.
 * Plain JSON, so it crosses to the webview as is.
 */
import type { MdNode } from './mdNode';

export const REVIEW_STATUSES = ['draft', 'in-review', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const STEP_IDS = ['gather', 'perspectives', 'hold', 'writeUp'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Body sections the review can insert, in template order (docs/format.md). */
export const TEMPLATE_SECTIONS = ['Summary', 'Impact', 'Narrative', 'Perspectives', 'What went well', 'Where we got lucky', 'Open questions', 'Learnings'] as const;
export type SectionName = (typeof TEMPLATE_SECTIONS)[number];

/** Groups beyond the responders whose view the review asks for. */
export const WIDER_GROUPS = ['Support', 'Product', 'Communications', 'Customers'] as const;

export type ReviewField = 'status' | 'facilitator' | 'held';

/** Where a check's button leads: a place in the file, an insertion, or a control of the panel. */
export type CheckTarget =
  | { readonly kind: 'reveal'; readonly line: number }
  | { readonly kind: 'insertSection'; readonly section: SectionName }
  | { readonly kind: 'insertPerspective'; readonly group: string }
  | { readonly kind: 'insertFactors' }
  | { readonly kind: 'reviewField'; readonly field: ReviewField }
  | { readonly kind: 'openTimeline' };

export interface StepCheck {
  readonly id: string;
  /** What the check looks for, short: "Trigger in the timeline". */
  readonly label: string;
  readonly done: boolean;
  /** What was found, or what is missing, in a few words. */
  readonly detail: string;
  /** The button for this check; the first is the one to press when it is missing. */
  readonly targets: readonly CheckTarget[];
}

export interface ReviewStep {
  readonly id: StepId;
  readonly number: number;
  readonly title: string;
  readonly done: boolean;
  readonly checks: readonly StepCheck[];
  /** Facilitator prompts for this step: open questions that invite stories. */
  readonly prompts: readonly string[];
}

export const ACTION_TESTS = ['owner', 'due', 'horizon', 'linked'] as const;
export type ActionTest = (typeof ACTION_TESTS)[number];

export interface ActionTestResult {
  readonly test: ActionTest;
  readonly ok: boolean;
  /** Why it passes or fails, in plain words. */
  readonly message: string;
}

export interface ActionQualityItem {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  /** Open or in progress (or without a status): the items that still need doing. */
  readonly active: boolean;
  /** 0-based line of the item in the file. */
  readonly line: number;
  readonly tests: readonly ActionTestResult[];
  /** What the item is linked to ("factor: change"), when anything. */
  readonly linkedTo: string;
}

export interface ActionQuality {
  readonly items: readonly ActionQualityItem[];
  readonly activeCount: number;
  readonly maxOpen: number;
  /** More active items than `maxOpen`. */
  readonly tooMany: boolean;
  readonly horizonDays: number;
  /** The date the horizon counts from (YYYY-MM-DD), and what it is. */
  readonly horizonFrom: { readonly date: string; readonly basis: 'review' | 'resolved' | 'started' | 'today' };
  /** Items that pass every test. */
  readonly okCount: number;
  /** Failing items per test. */
  readonly failing: Readonly<Record<ActionTest, number>>;
  /** One line for the panel: "2 ok · 1 without a due date · 1 due after the horizon". */
  readonly summary: string;
  /** 0-based line of the `actions:` key, or -1. */
  readonly line: number;
}

export interface BlameItem {
  readonly phrase: string;
  readonly hint: string;
  /** 0-based position of the phrase in the file. */
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** The body section it is in ("Narrative"), or "" before the first heading. */
  readonly section: string;
  /** The phrase with a little of its sentence around it. */
  readonly excerpt: string;
}

export interface ReviewHeader {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  /** The `resolved` time as written, "" when there is none: a done review needs it. */
  readonly resolved: string;
}

export interface ReviewState {
  /** As written; "" when not set. */
  readonly status: string;
  readonly facilitator: string;
  readonly held: string;
}

export interface ReviewModel {
  readonly header: ReviewHeader;
  readonly review: ReviewState;
  readonly steps: readonly ReviewStep[];
  readonly actions: ActionQuality;
  readonly blame: readonly BlameItem[];
  /** The body as a safe tree: no raw HTML, links checked. */
  readonly body: readonly MdNode[];
  /** Why the file cannot be reviewed right now (a YAML error while typing). */
  readonly problem: string | null;
}

export interface ReviewOptions {
  /** Action items due more than this many days after the review fail the horizon test. */
  readonly actionHorizonDays: number;
  /** More open items than this fail the "not too many" test. */
  readonly maxOpenActions: number;
  readonly blamePhrases: readonly string[];
  /** UTC midnight of today: the horizon's last resort, and overdue items. */
  readonly todayMs: number;
}

export const DEFAULT_ACTION_HORIZON_DAYS = 60;
export const DEFAULT_MAX_OPEN_ACTIONS = 5;
