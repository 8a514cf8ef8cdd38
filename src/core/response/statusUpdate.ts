/**
 * Status update drafts for three audiences, from the incident file:
 * responders (conditions, actions, needs), executives (status, impact, next
 * steps, next update) and customers (plain words: what is affected, what we
 * are doing, when we will update). The customer draft is checked for
 * internal words; nothing is ever sent.
 */
import { isActive } from '../activeStatuses';
import { formatDuration } from '../durationText';
import { STANDARD_ROLES } from '../schema';
import { formatWallTime } from './durations';
import type { EntryView, IncidentText } from './incidentText';
import { findInternalWords, WHY, type InternalWord, type InternalWordContext } from './internalWords';

export type Audience = 'responders' | 'executives' | 'customers';

export const AUDIENCES: readonly Audience[] = ['responders', 'executives', 'customers'];

export const AUDIENCE_HEADINGS: Readonly<Record<Audience, string>> = {
  responders: 'For responders (internal)',
  executives: 'For executives',
  customers: 'For customers',
};

/** Minutes until the next update, by severity; others get the last one. */
const UPDATE_MINUTES: Readonly<Record<string, number>> = { SEV1: 30, SEV2: 60, SEV3: 120, SEV4: 240 };
const DEFAULT_UPDATE_MINUTES = 120;

export interface DraftOptions {
  readonly nowMs: number;
  /** Offset for times in the drafts; defaults to the incident's own. */
  readonly offsetMinutes?: number;
  /** The file, for the note at the top. */
  readonly path?: string;
  readonly check: Omit<InternalWordContext, 'people'> & { readonly people?: readonly string[] };
}

export interface Drafts {
  readonly bodies: Readonly<Record<Audience, string>>;
  readonly customerCheck: readonly InternalWord[];
  /** All three in one Markdown document. */
  readonly markdown: string;
  readonly nextUpdateMs?: number;
}

const PLAIN_STATUS: Readonly<Record<string, string>> = {
  investigating: 'Investigating: we are working to find the cause.',
  identified: 'Cause identified: a fix is being prepared.',
  monitoring: 'Mitigated: impact has stopped and we are watching closely.',
  resolved: 'Resolved.',
  reviewed: 'Resolved, and the post-incident review has been held.',
};

const CUSTOMER_DOING: Readonly<Record<string, string>> = {
  investigating: 'We are looking into it now and will share more as soon as we know it.',
  identified: 'We have found the cause and are working on a fix.',
  monitoring: 'We have put a fix in place and things should be working normally again. We are keeping a close eye on it.',
  resolved: 'This is now fixed. Thank you for your patience, and sorry for the trouble.',
  reviewed: 'This is now fixed. Thank you for your patience, and sorry for the trouble.',
};

const ACTION_KINDS = new Set(['action', 'mitigation', 'decision', 'communication']);
const FINDING_KINDS = new Set(['diagnosis', 'observation', 'detection']);

export function nextUpdateAt(severity: string | undefined, nowMs: number): number {
  const minutes = UPDATE_MINUTES[severity ?? ''] ?? DEFAULT_UPDATE_MINUTES;
  const step = 5 * 60_000;
  return Math.ceil((nowMs + minutes * 60_000) / step) * step;
}

/** Everyone the incident names: roles, participants, owners, facilitator, people in the timeline. */
function peopleOf(source: IncidentText): string[] {
  const { incident, entries } = source;
  const people = [
    ...Object.values(incident.roles),
    ...incident.participants,
    ...incident.actions.flatMap((action) => (action.owner ? [action.owner] : [])),
    ...(incident.review?.facilitator ? [incident.review.facilitator] : []),
    ...entries.flatMap((entry) => (entry.who && /^\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)+$/u.test(entry.who.trim()) ? [entry.who.trim()] : [])),
  ];
  return [...new Set(people)];
}

function line(entry: EntryView, offset: number): string {
  return `- ${formatWallTime(entry.epochMs, offset, false)} ${entry.kind}: ${entry.text}${entry.who ? ` (${entry.who})` : ''}`;
}

function respondersDraft(source: IncidentText, now: number, offset: number, nextUpdate: number | undefined): string {
  const { incident, entries } = source;
  const started = incident.started;
  const findings = entries.filter((entry) => FINDING_KINDS.has(entry.kind)).slice(-3);
  const actions = entries.filter((entry) => ACTION_KINDS.has(entry.kind)).slice(-5);
  const missingRoles = STANDARD_ROLES.filter((role) => !incident.roles[role]);
  const roles = Object.entries(incident.roles).map(([role, person]) => `${role} ${person}`);
  const needs = [
    ...missingRoles.map((role) => `Someone to take the ${role} role.`),
    ...source.openQuestions.map((question) => `Answer: ${question}`),
  ];
  return [
    `**${incident.id ?? '(no id)'} · ${incident.severity ?? 'no severity'} · ${incident.status ?? 'no status'}**: ${incident.title ?? ''}`,
    '',
    [
      started ? `Started ${formatWallTime(started.epochMs, offset)}, ${formatDuration(now - started.epochMs)} ago.` : 'Start time not recorded yet.',
      incident.services.length > 0 ? `Services: ${incident.services.map((s) => s.value).join(', ')}.` : '',
      roles.length > 0 ? `Roles: ${roles.join(' · ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    '',
    '**Conditions**',
    '',
    `- ${incident.impact?.summary ?? 'Impact not written down yet.'}`,
    ...findings.map((entry) => line(entry, offset)),
    '',
    '**Actions**',
    '',
    ...(actions.length > 0 ? actions.map((entry) => line(entry, offset)) : ['- None recorded yet.']),
    '',
    '**Needs**',
    '',
    ...(needs.length > 0 ? needs.map((need) => `- ${need}`) : ['- Nothing recorded. Add open questions to the file to list them here.']),
    ...(nextUpdate !== undefined ? ['', `Next update: ${formatWallTime(nextUpdate, offset, false)}.`] : []),
  ].join('\n');
}

function executivesDraft(source: IncidentText, now: number, offset: number, nextUpdate: number | undefined): string {
  const { incident, entries } = source;
  const started = incident.started;
  const impact = [incident.impact?.summary, incident.impact?.customers].filter(Boolean).join(' ') || 'Still being assessed.';
  const decisions = entries.filter((entry) => entry.kind === 'decision').slice(-1);
  const openActions = incident.actions.filter((action) => action.status === 'open' || action.status === 'in-progress').slice(0, 3);
  const nextSteps = [...decisions.map((entry) => entry.text), ...openActions.map((action) => `${action.title}${action.owner ? ` (${action.owner})` : ''}`)];
  return [
    `**${incident.title ?? '(no title)'}** (${incident.severity ?? 'no severity'}, ${incident.id ?? 'no id'})`,
    '',
    `- **Status:** ${PLAIN_STATUS[incident.status ?? ''] ?? incident.status ?? 'Not set.'}`,
    `- **Impact:** ${impact}`,
    started ? `- **Since:** ${formatWallTime(started.epochMs, offset)} (${formatDuration((incident.resolved?.epochMs ?? now) - started.epochMs)}${isActive(incident) ? ' so far' : ''})` : '- **Since:** not recorded yet',
    `- **Next steps:** ${nextSteps.length > 0 ? nextSteps.join('; ') : isActive(incident) ? 'being decided by the incident commander.' : 'follow-up actions in the review.'}`,
    `- **Next update:** ${nextUpdate !== undefined ? `by ${formatWallTime(nextUpdate, offset, false)}` : 'none planned; this is the last update.'}`,
  ].join('\n');
}

/** The title in a sentence: "Checkout errors in eu-west" → "checkout errors in eu-west". */
function inSentence(title: string): string {
  const trimmed = title.trim().replace(/[.!]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}

function customersDraft(source: IncidentText, offset: number, nextUpdate: number | undefined): string {
  const { incident } = source;
  const status = incident.status ?? 'investigating';
  const affected = incident.title ? `Some customers are affected by ${inSentence(incident.title)}.` : 'Some customers are affected by a problem with our service.';
  const active = isActive(incident);
  return [
    active ? `**We are aware of a problem.** ${affected}` : `**Resolved.** ${affected.replace('are affected', 'were affected')}`,
    '',
    CUSTOMER_DOING[status] ?? CUSTOMER_DOING.investigating,
    '',
    nextUpdate !== undefined ? `We will post another update by ${formatWallTime(nextUpdate, offset, false)}.` : 'No further updates are planned.',
  ].join('\n');
}

export function draftStatusUpdates(source: IncidentText, options: DraftOptions): Drafts {
  const { incident } = source;
  const offset = options.offsetMinutes ?? incident.started?.offsetMinutes ?? 0;
  const nextUpdate = isActive(incident) ? nextUpdateAt(incident.severity, options.nowMs) : undefined;
  const bodies: Record<Audience, string> = {
    responders: respondersDraft(source, options.nowMs, offset, nextUpdate),
    executives: executivesDraft(source, options.nowMs, offset, nextUpdate),
    customers: customersDraft(source, offset, nextUpdate),
  };
  const customerCheck = findInternalWords(bodies.customers, { ...options.check, people: [...(options.check.people ?? []), ...peopleOf(source)] });
  const check =
    customerCheck.length > 0
      ? ['', `> **Before you send this to customers**, check these words:`, ...customerCheck.map((found) => `> - "${found.word}" ${WHY[found.kind]}`)]
      : ['', '> No internal names, host names or blame found in the customer draft.'];
  const markdown = [
    `# Status update drafts · ${incident.id ?? ''}`,
    '',
    `<!-- Drafted ${formatWallTime(options.nowMs, offset)}${options.path ? ` from ${options.path}` : ''}. Edit freely: nothing here is sent. -->`,
    ...AUDIENCES.flatMap((audience) => ['', `## ${AUDIENCE_HEADINGS[audience]}`, '', bodies[audience], ...(audience === 'customers' ? check : [])]),
    '',
  ].join('\n');
  return { bodies, customerCheck, markdown, nextUpdateMs: nextUpdate };
}

/** One audience's text from a drafts document (as the user may have edited it), without the check note. */
export function draftSection(markdown: string, audience: Audience): string | undefined {
  const lines = markdown.split(/\r\n|\n|\r/);
  const start = lines.findIndex((l) => l.trim() === `## ${AUDIENCE_HEADINGS[audience]}`);
  if (start < 0) return undefined;
  const body: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^##\s/.test(l) || /^>\s*(\*\*Before you send|No internal names)/.test(l)) break;
    body.push(l);
  }
  return body.join('\n').trim();
}
