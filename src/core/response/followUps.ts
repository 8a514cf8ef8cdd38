/**
 * Every action item across incidents, for the Follow-ups view: overdue
 * first (the longest overdue first), then by due date, undated last; done
 * and dropped ones only on request; grouped by owner on request.
 */
import type { ActionSummary, IncidentSummary } from '../incident';

const OPEN = new Set(['open', 'in-progress']);
const CLOSED = new Set(['done', 'dropped']);

export interface FollowUp {
  /** The incident file's key (its uri). */
  readonly key: string;
  readonly incident: IncidentSummary;
  readonly action: ActionSummary;
  readonly overdue: boolean;
  readonly closed: boolean;
}

export interface FollowUpOptions {
  /** UTC midnight of today. */
  readonly todayMs: number;
  readonly showClosed: boolean;
}

export function isOverdue(action: ActionSummary, todayMs: number): boolean {
  return OPEN.has(action.status) && action.dueMs !== undefined && action.dueMs < todayMs;
}

export function collectFollowUps(incidents: readonly { key: string; incident: IncidentSummary }[], options: FollowUpOptions): FollowUp[] {
  const found: FollowUp[] = [];
  for (const { key, incident } of incidents) {
    for (const action of incident.actions) {
      const closed = CLOSED.has(action.status);
      if (closed && !options.showClosed) continue;
      found.push({ key, incident, action, overdue: isOverdue(action, options.todayMs), closed });
    }
  }
  return found.sort(compareFollowUps);
}

function compareFollowUps(a: FollowUp, b: FollowUp): number {
  return (
    Number(a.closed) - Number(b.closed) ||
    Number(b.overdue) - Number(a.overdue) ||
    compareDue(a.action.dueMs, b.action.dueMs) ||
    (a.incident.id ?? '').localeCompare(b.incident.id ?? '') ||
    a.action.index - b.action.index
  );
}

function compareDue(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a - b;
}

export interface OwnerGroup {
  readonly owner: string | undefined;
  readonly items: readonly FollowUp[];
  readonly overdue: number;
}

/** Owners by name, "no owner" last; each group keeps the follow-up order. */
export function groupByOwner(items: readonly FollowUp[]): OwnerGroup[] {
  const groups = new Map<string | undefined, FollowUp[]>();
  for (const item of items) {
    const owner = item.action.owner?.trim() || undefined;
    groups.set(owner, [...(groups.get(owner) ?? []), item]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
    .map(([owner, list]) => ({ owner, items: list, overdue: list.filter((item) => item.overdue).length }));
}
