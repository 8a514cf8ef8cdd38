/** The format's rules that go beyond field types: order, lifecycle, follow-ups, paths, wording. */
import { findBlameLanguage } from './blame';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { IncidentSummary } from './incident';
import type { DueAction } from './indexCache';
import type { FrontMatterLocator } from './located';
import { LIFECYCLE_FIELDS } from './schema';
import type { LineIndex } from './text';
import { DAY_MS, formatDate, parseTimestamp } from './timestamps';

export const OPEN_ACTION: ReadonlySet<string> = new Set(['open', 'in-progress']);

export function lifecycleOrder(incident: IncidentSummary): Diagnostic[] {
  const found: Diagnostic[] = [];
  let latest: { name: string; epochMs: number; text: string } | undefined;
  for (const name of LIFECYCLE_FIELDS) {
    const time = incident[name];
    if (!time) continue;
    if (latest && time.epochMs < latest.epochMs) {
      found.push(
        diagnostic('lifecycle-order', time.range, `\`${name}\` (${time.text}) is before \`${latest.name}\` (${latest.text}). The order is started, detected, mitigated, resolved.`),
      );
      continue;
    }
    latest = { name, epochMs: time.epochMs, text: time.text };
  }
  return found;
}

export function statusWithoutTime(incident: IncidentSummary, fields: Record<string, unknown>, locator: FrontMatterLocator): Diagnostic[] {
  const status = incident.status;
  const range = () => locator.valueRange(['status']);
  if ((status === 'resolved' || status === 'reviewed') && fields.resolved === undefined) {
    return [diagnostic('status-without-time', range(), `Status is \`${status}\` but there is no \`resolved\` time. Add when the incident was closed.`, { field: 'resolved' })];
  }
  if (status === 'monitoring' && fields.mitigated === undefined) {
    return [diagnostic('status-without-time', range(), 'Status is `monitoring` but there is no `mitigated` time. Add when the impact stopped.', { field: 'mitigated' })];
  }
  return [];
}

export function timelineOrder(timeline: unknown, locator: FrontMatterLocator): Diagnostic[] {
  if (!Array.isArray(timeline)) return [];
  const found: Diagnostic[] = [];
  let previous: { epochMs: number; text: string } | undefined;
  timeline.forEach((entry: unknown, index) => {
    const at = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>).at : undefined;
    const parsed = typeof at === 'string' ? parseTimestamp(at) : undefined;
    if (!parsed || typeof at !== 'string') return;
    if (previous && parsed.epochMs < previous.epochMs) {
      found.push(
        diagnostic('timeline-order', locator.valueRange(['timeline', index, 'at']), `This entry (${at}) comes after a later one (${previous.text}). Sort the timeline so it reads in order.`, {
          index,
        }),
      );
    }
    previous = { epochMs: parsed.epochMs, text: at };
  });
  return found;
}

export function actionRules(incident: IncidentSummary, fields: Record<string, unknown>, locator: FrontMatterLocator): Diagnostic[] {
  const found: Diagnostic[] = [];
  const raw = Array.isArray(fields.actions) ? fields.actions : [];
  const seenIds = new Set<string>();
  for (const action of incident.actions) {
    const rawAction = raw[action.index] as Record<string, unknown>;
    const status = rawAction.status;
    const label = `Action ${action.id}`;
    if (typeof status === 'string' && OPEN_ACTION.has(status)) {
      if (rawAction.owner === undefined) {
        found.push(diagnostic('action-missing-owner', action.range, `${label} is ${status} but has no owner. Name one person, so it does not get lost.`, { index: action.index }));
      }
      if (rawAction.due === undefined) {
        found.push(diagnostic('action-missing-due', action.range, `${label} is ${status} but has no due date. Pick a date the owner agrees with.`, { index: action.index }));
      }
    }
    if (status === 'dropped' && (typeof rawAction.reason !== 'string' || rawAction.reason.trim() === '')) {
      found.push(
        diagnostic('action-dropped-without-reason', locator.valueRange(['actions', action.index, 'status']), `${label} was dropped without a reason. Say why it will not be done; that is a decision worth keeping.`, {
          index: action.index,
        }),
      );
    }
    if (rawAction.id !== undefined) {
      if (seenIds.has(action.id)) {
        found.push(diagnostic('duplicate-id', locator.valueRange(['actions', action.index, 'id']), `Another action in this incident already has the id ${action.id}.`, { index: action.index }));
      }
      seenIds.add(action.id);
    }
  }
  return found;
}

/** Depends on the day, so the index recomputes it from the cached open actions. */
export function overdueActions(actions: readonly DueAction[], todayMs: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const action of actions) {
    if (!OPEN_ACTION.has(action.status) || action.dueMs === undefined || !action.dueRange) continue;
    if (action.dueMs >= todayMs) continue;
    const days = Math.round((todayMs - action.dueMs) / DAY_MS);
    const owner = action.owner ? ` (${action.owner})` : '';
    found.push(
      diagnostic(
        'action-overdue',
        action.dueRange,
        `Action ${action.id}${owner} was due ${formatDate(action.dueMs)}, ${days} ${days === 1 ? 'day' : 'days'} ago. Move the date, or mark it done or dropped.`,
        { index: action.index, daysLate: days },
      ),
    );
  }
  return found;
}

export function codePathsOutside(incident: IncidentSummary): Diagnostic[] {
  return incident.code
    .filter((link) => link.outside)
    .map((link) =>
      diagnostic('code-path-outside', link.pathRange, `\`${link.path}\` is outside the workspace folder. Use a path relative to the folder, without \`..\`.`),
    );
}

export function blameLanguage(text: string, bodyStart: number, lines: LineIndex, phrases: readonly string[]): Diagnostic[] {
  return findBlameLanguage(text.slice(bodyStart), phrases, bodyStart).map((match) =>
    diagnostic('blame-language', lines.rangeOf(match.span), `"${text.slice(match.span.start, match.span.end)}" can read as blame. ${match.hint}`, { phrase: match.phrase }),
  );
}
