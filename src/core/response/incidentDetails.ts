/**
 * The rows under an incident in the Incidents view: lifecycle times, roles,
 * the timeline, actions and code links, each with the place it opens.
 */
import { formatDuration } from '../durationText';
import type { IncidentSummary, LocatedTime } from '../incident';
import { LIFECYCLE_FIELDS } from '../schema';
import { dueLabel, formatWallTime } from './durations';
import { isOverdue } from './followUps';

/** Where a row opens: a line of the incident file (optionally the first `find` from there), or a linked file. */
export type DetailTarget =
  | { readonly kind: 'incident'; readonly line: number; readonly character?: number; readonly find?: string }
  | { readonly kind: 'file'; readonly path: string; readonly startLine?: number; readonly endLine?: number };

export interface Detail {
  /** Unique under its incident, stable across refreshes. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon name. */
  readonly icon: string;
  readonly target?: DetailTarget;
  readonly children?: readonly Detail[];
  /** For menus: `detail.action.open`, `detail.code`... */
  readonly contextValue: string;
}

const LIFECYCLE_ICONS: Readonly<Record<string, string>> = { started: 'debug-start', detected: 'bell', mitigated: 'shield', resolved: 'pass' };
const LIFECYCLE_LABELS: Readonly<Record<string, string>> = { started: 'Started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };

export function actionIcon(status: string, overdue: boolean): string {
  if (overdue) return 'warning';
  switch (status) {
    case 'done':
      return 'pass';
    case 'dropped':
      return 'circle-slash';
    case 'in-progress':
      return 'sync';
    default:
      return 'circle-large-outline';
  }
}

function lifecycle(incident: IncidentSummary): Detail[] {
  const started = incident.started;
  return LIFECYCLE_FIELDS.flatMap((name) => {
    const time: LocatedTime | undefined = incident[name];
    if (!time) return [];
    const offset = started?.offsetMinutes ?? time.offsetMinutes;
    let since = '';
    if (started && name !== 'started') since = name === 'resolved' ? ` · lasted ${formatDuration(time.epochMs - started.epochMs)}` : ` · +${formatDuration(time.epochMs - started.epochMs)}`;
    return [
      {
        id: name,
        label: LIFECYCLE_LABELS[name],
        description: `${formatWallTime(time.epochMs, offset)}${since}`,
        tooltip: time.text,
        icon: LIFECYCLE_ICONS[name],
        target: { kind: 'incident', line: time.range.start.line, character: time.range.start.character },
        contextValue: 'detail.time',
      } satisfies Detail,
    ];
  });
}

function roles(incident: IncidentSummary): Detail {
  const line = incident.fieldLines.roles ?? incident.frontMatterRange.start.line;
  const entries = Object.entries(incident.roles);
  return {
    id: 'roles',
    label: 'Roles',
    description: entries.length > 0 ? entries.map(([, person]) => person).join(', ') : 'none assigned yet',
    icon: 'organization',
    target: { kind: 'incident', line },
    contextValue: 'detail.roles',
    children: entries.map(([role, person]) => ({
      id: `roles/${role}`,
      label: role,
      description: person,
      icon: 'person',
      target: { kind: 'incident', line, find: `${role}:` },
      contextValue: 'detail.role',
    })),
  };
}

function timeline(incident: IncidentSummary): Detail {
  const { count, lastMs } = incident.timeline;
  const offset = incident.started?.offsetMinutes ?? 0;
  const last = lastMs !== undefined ? ` · last ${formatWallTime(lastMs, offset)}` : '';
  return {
    id: 'timeline',
    label: 'Timeline',
    description: `${count} ${count === 1 ? 'entry' : 'entries'}${last}`,
    icon: 'history',
    target: { kind: 'incident', line: incident.timeline.line ?? incident.frontMatterRange.start.line },
    contextValue: 'detail.timeline',
  };
}

function actions(incident: IncidentSummary, todayMs: number): Detail | undefined {
  if (incident.actions.length === 0) return undefined;
  const counts = new Map<string, number>();
  let overdue = 0;
  for (const action of incident.actions) {
    counts.set(action.status || 'no status', (counts.get(action.status || 'no status') ?? 0) + 1);
    if (isOverdue(action, todayMs)) overdue++;
  }
  const summary = [...(overdue > 0 ? [`${overdue} overdue`] : []), ...[...counts].map(([status, n]) => `${n} ${status}`)].join(' · ');
  return {
    id: 'actions',
    label: 'Actions',
    description: summary,
    icon: 'checklist',
    target: { kind: 'incident', line: incident.fieldLines.actions ?? incident.frontMatterRange.start.line },
    contextValue: 'detail.actions',
    children: incident.actions.map((action) => {
      const late = isOverdue(action, todayMs);
      const due = action.dueMs !== undefined && (action.status === 'open' || action.status === 'in-progress') ? dueLabel(action.dueMs, todayMs) : undefined;
      return {
        id: `actions/${action.index}`,
        label: `${action.id}  ${action.title}`,
        description: [action.owner ?? 'no owner', action.status || 'no status', due].filter(Boolean).join(' · '),
        tooltip: `${action.id}: ${action.title}${action.reason ? `\n\nWhy dropped: ${action.reason}` : ''}`,
        icon: actionIcon(action.status, late),
        target: { kind: 'incident', line: action.range.start.line, character: action.range.start.character },
        contextValue: `detail.action.${action.status === 'done' || action.status === 'dropped' ? 'closed' : 'open'}`,
      } satisfies Detail;
    }),
  };
}

function codeLinks(incident: IncidentSummary): Detail | undefined {
  if (incident.code.length === 0) return undefined;
  return {
    id: 'code',
    label: 'Code links',
    description: `${incident.code.length}`,
    icon: 'code',
    target: { kind: 'incident', line: incident.fieldLines.code ?? incident.frontMatterRange.start.line },
    contextValue: 'detail.codeLinks',
    children: incident.code.map((link) => {
      const isGlob = /[*?[\]{}]/.test(link.path);
      const lines = link.lines ? (link.lines.start === link.lines.end ? `line ${link.lines.start}` : `lines ${link.lines.start}-${link.lines.end}`) : undefined;
      return {
        id: `code/${link.index}`,
        label: link.path,
        description: [lines, link.note].filter(Boolean).join(' · '),
        tooltip: link.outside ? 'This path is outside the workspace folder, so it is not opened.' : isGlob ? 'A glob: opens the link in the incident file.' : undefined,
        icon: isGlob ? 'files' : 'file-code',
        target:
          link.outside || isGlob
            ? { kind: 'incident', line: link.pathRange.start.line, character: link.pathRange.start.character }
            : { kind: 'file', path: link.path, startLine: link.lines?.start, endLine: link.lines?.end },
        contextValue: 'detail.codeLink',
      } satisfies Detail;
    }),
  };
}

export function incidentDetails(incident: IncidentSummary, todayMs: number): Detail[] {
  return [...lifecycle(incident), roles(incident), timeline(incident), actions(incident, todayMs), codeLinks(incident)].filter((detail): detail is Detail => detail !== undefined);
}
