/**
 * Follow-through on action items: what got done, what is still open (and
 * overdue as of today), what was dropped and why, how old the open items
 * are, and which incidents have nothing done yet. Action items that go
 * nowhere are the "action item factory": this is where it shows.
 */
import { DAY_MS } from '../timestamps';
import { localDayNumber } from './refs';
import { spreadOf } from './stats';
import type { Covered } from './refs';
import type { ActionRef, ActionState, FollowThrough } from './types';

const STATES: Readonly<Record<string, ActionState>> = { done: 'done', open: 'open', 'in-progress': 'open', dropped: 'dropped' };

export function followThrough(covered: readonly Covered[], todayMs: number): FollowThrough {
  const done: ActionRef[] = [];
  const open: ActionRef[] = [];
  const dropped: ActionRef[] = [];
  const unknown: ActionRef[] = [];
  const allOpen: string[] = [];
  const withoutActions: string[] = [];
  for (const { ref, incident } of covered) {
    if (incident.actions.length === 0) {
      withoutActions.push(ref.key);
      continue;
    }
    const startDayMs = incident.started ? localDayNumber(incident.started.epochMs, incident.started.offsetMinutes) * DAY_MS : undefined;
    let openHere = 0;
    for (const action of incident.actions) {
      const state = STATES[action.status] ?? 'unknown';
      const item: { -readonly [K in keyof ActionRef]: ActionRef[K] } = { incident: ref.key, id: action.id, title: action.title, status: action.status, state };
      if (action.owner) item.owner = action.owner;
      if (action.due) item.due = action.due;
      if (state === 'open') {
        openHere++;
        if (action.dueMs !== undefined) item.daysOverdue = Math.max(0, Math.round((todayMs - action.dueMs) / DAY_MS));
        if (startDayMs !== undefined) item.ageDays = Math.max(0, Math.round((todayMs - startDayMs) / DAY_MS));
        open.push(item);
      } else if (state === 'dropped') {
        const reason = action.reason?.trim();
        if (reason) item.reason = reason;
        dropped.push(item);
      } else if (state === 'done') {
        done.push(item);
      } else {
        unknown.push(item);
      }
    }
    if (openHere === incident.actions.length) allOpen.push(ref.key);
  }
  const overdue = open.filter((action) => (action.daysOverdue ?? 0) > 0).sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  const noDue = open.filter((action) => action.due === undefined);
  const ages = open.flatMap((action) => (action.ageDays === undefined ? [] : [action.ageDays])).sort((a, b) => a - b);
  const openAge = spreadOf(ages);
  return {
    total: done.length + open.length + dropped.length + unknown.length,
    done,
    open,
    overdue,
    noDue,
    dropped,
    unknown,
    ...(openAge ? { openAge } : {}),
    allOpen,
    withoutActions,
  };
}
