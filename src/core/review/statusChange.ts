/**
 * Whether a review status change may go ahead, and why not. A done review
 * marks the incident `reviewed`, which the format allows only once the
 * incident is resolved with a `resolved` time; and a done review says who
 * facilitated it and on which day it was held. Reopening a done review goes
 * ahead once the reader confirms it, as Set Status asks before moving the
 * lifecycle backwards.
 *
 * Pure and free of Node: the panel's form runs it too, so the reader sees the
 * same reason before saving that the extension gives when it refuses.
 */
import { parseDate, parseTimestamp } from '../timestamps';
import type { ReviewState, ReviewStatus } from './types';

/** What the file says now, each as written ("" when not set). */
export interface ReviewFacts {
  readonly review: ReviewState;
  readonly incidentStatus: string;
  readonly resolved: string;
}

/** The change asked for: a new status, with the facilitator and date sent beside it. */
export interface ReviewStatusRequest {
  readonly status: ReviewStatus;
  readonly facilitator?: string;
  readonly held?: string;
}

/** What a done review needs that is not there yet. */
export type DoneRequirement = 'facilitator' | 'held' | 'resolved';

export interface Confirmation {
  readonly question: string;
  readonly detail: string;
  readonly button: string;
  /** What the reader is told on a no. */
  readonly declined: string;
}

export type ReviewStatusVerdict =
  | { readonly kind: 'allowed' }
  | ({ readonly kind: 'confirm' } & Confirmation)
  | { readonly kind: 'refused'; readonly reason: string; readonly missing: readonly DoneRequirement[] };

const CLOSED_STATUSES: readonly string[] = ['resolved', 'reviewed'];

const STATUS_WORDS: Readonly<Record<ReviewStatus, string>> = { draft: 'a draft', 'in-review': 'in review', done: 'done' };

export function reviewStatusVerdict(facts: ReviewFacts, request: ReviewStatusRequest): ReviewStatusVerdict {
  const from = facts.review.status;
  if (request.status === from) return { kind: 'allowed' };
  if (request.status === 'done') return doneVerdict(facts, request);
  if (from === 'done') return reopenQuestion(facts, request.status);
  return { kind: 'allowed' };
}

function doneVerdict(facts: ReviewFacts, request: ReviewStatusRequest): ReviewStatusVerdict {
  const facilitator = (request.facilitator ?? facts.review.facilitator).trim();
  const held = request.held ?? facts.review.held;
  const missing: DoneRequirement[] = [];
  if (!facilitator) missing.push('facilitator');
  if (parseDate(held.trim()) === undefined) missing.push('held');
  const unresolved = unresolvedReason(facts);
  if (unresolved) missing.push('resolved');
  if (missing.length === 0) return { kind: 'allowed' };
  const fields = [missing.includes('facilitator') ? 'its facilitator' : '', missing.includes('held') ? 'the day it was held' : ''].filter(Boolean);
  const reason = [fields.length > 0 ? `A done review names ${fields.join(' and ')}.` : '', unresolved].filter(Boolean).join(' ');
  return { kind: 'refused', reason, missing };
}

/** Why the incident cannot be `reviewed` yet, or "" when it can. */
function unresolvedReason({ incidentStatus, resolved }: ReviewFacts): string {
  if (!CLOSED_STATUSES.includes(incidentStatus)) {
    return `The incident is ${incidentStatus ? `still ${incidentStatus}` : 'without a status'}: resolve it first (Set Status), then mark the review done.`;
  }
  if (parseTimestamp(resolved.trim()) === undefined) return 'The incident has no `resolved` time yet: add when it was closed, then mark the review done.';
  return '';
}

function reopenQuestion(facts: ReviewFacts, to: ReviewStatus): ReviewStatusVerdict {
  const incident = facts.incidentStatus === 'reviewed' ? ' The incident goes back from reviewed to resolved.' : '';
  return {
    kind: 'confirm',
    question: `This review is done. Reopen it as ${STATUS_WORDS[to]}?`,
    detail: `The facilitator and date stay as they are.${incident}`,
    button: 'Reopen the review',
    declined: 'Nothing was changed: the review is still done.',
  };
}
