/**
 * Pieces both reports share: the title, the facts line, durations with their
 * definitions, and how an action item's state reads.
 */
import { escapeMarkdown } from '../../escape';
import type { ActionSummary, IncidentSummary } from '../../incident';
import { offsetLabel, wallClock } from '../../offsets';
import { durationLines } from './durations';
import { table } from './markdownTable';

export function titleLine(incident: IncidentSummary, fileName: string): string {
  const id = incident.id ? escapeMarkdown(incident.id) : escapeMarkdown(fileName);
  return incident.title ? `# ${id} · ${escapeMarkdown(incident.title)}` : `# ${id}`;
}

/** "SEV2 · reviewed · started 2026-11-20 14:02 UTC · checkout, cache". */
export function factsLine(incident: IncidentSummary): string {
  const parts = [
    incident.severity ? escapeMarkdown(incident.severity) : '',
    incident.status ? escapeMarkdown(incident.status) : '',
    incident.nearMiss ? 'near miss' : '',
    incident.started ? `started ${startedAt(incident.started.epochMs, incident.started.offsetMinutes)}` : '',
    incident.services.length > 0 ? `services: ${incident.services.map((service) => escapeMarkdown(service.value)).join(', ')}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** "2026-11-20 14:02 UTC", in the incident's own offset. */
function startedAt(epochMs: number, offsetMinutes: number): string {
  const clock = wallClock(epochMs, offsetMinutes);
  return `${clock.date} ${clock.time} ${offsetLabel(offsetMinutes)}`;
}

const REVIEW_WORDS: Readonly<Record<string, string>> = { draft: 'in draft', 'in-review': 'in progress', done: 'done' };

/** "Review done, facilitated by Ana Lima, held 2026-11-24." or what is missing. */
export function reviewLine(incident: IncidentSummary): string {
  const review = incident.review;
  if (!review || (!review.status && !review.facilitator && !review.held)) return 'No review recorded yet.';
  const parts = [`Review ${REVIEW_WORDS[review.status ?? ''] ?? (review.status ? escapeMarkdown(review.status) : 'status not set')}`];
  if (review.facilitator) parts.push(`facilitated by ${escapeMarkdown(review.facilitator)}`);
  if (review.held) parts.push(`held ${escapeMarkdown(review.held)}`);
  return `${parts.join(', ')}.`;
}

export function durationsTable(incident: IncidentSummary): string[] {
  const rows = durationLines(incident).map((line) => [line.name, line.value, line.definition]);
  return [
    ...table(['Measure', 'Time', 'What it measures'], rows),
    '',
    'Each time is measured from `started`, when the impact began as best we know; one incident’s times describe this incident, not how fast the team is.',
  ];
}

/** How an action item stands today, in words. */
export function actionState(action: ActionSummary, todayMs: number): string {
  const active = action.status === 'open' || action.status === 'in-progress';
  const overdue = active && action.dueMs !== undefined && action.dueMs < todayMs;
  switch (action.status) {
    case 'open':
      return overdue ? 'open, overdue' : 'open';
    case 'in-progress':
      return overdue ? 'in progress, overdue' : 'in progress';
    case 'done':
      return 'done';
    case 'dropped':
      return action.reason ? `dropped: ${escapeMarkdown(action.reason)}` : 'dropped (no reason given)';
    case '':
      return 'no status';
    default:
      return escapeMarkdown(action.status);
  }
}

/** "2 of 4 done · 1 open · 1 overdue". */
export function actionTally(actions: readonly ActionSummary[], todayMs: number): string {
  if (actions.length === 0) return 'No action items.';
  const count = (predicate: (action: ActionSummary) => boolean) => actions.filter(predicate).length;
  const done = count((action) => action.status === 'done');
  const open = count((action) => action.status === 'open' || action.status === 'in-progress' || action.status === '');
  const overdue = count((action) => actionState(action, todayMs).endsWith('overdue'));
  const dropped = count((action) => action.status === 'dropped');
  const parts = [`${done} of ${actions.length} done`];
  if (open) parts.push(`${open} open`);
  if (overdue) parts.push(`${overdue} overdue`);
  if (dropped) parts.push(`${dropped} dropped`);
  return parts.join(' · ');
}
