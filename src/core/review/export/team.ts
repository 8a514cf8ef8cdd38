/**
 * The team report: everything the review produced, for the people who do
 * the work. The full narrative as written (summary, impact, narrative,
 * perspectives, what went well, open questions, learnings) with the timeline
 * after the narrative, then every contributing factor and the action items
 * grouped by owner with their due dates.
 */
import { escapeMarkdown } from '../../escape';
import type { ActionSummary } from '../../incident';
import { offsetLabel, wallClock } from '../../offsets';
import { safeLink } from '../../safeLink';
import { buildTimelineModel } from '../../timeline/model';
import type { TimelineEntry } from '../../timeline/types';
import type { ReadIncident } from '../model';
import { templateName } from '../sectionNames';
import { table } from './markdownTable';
import { actionState, durationsTable, factsLine, reviewLine, titleLine } from './parts';

export function teamMarkdown(read: ReadIncident, fileName: string, todayMs: number): string {
  const { incident } = read;
  const people = [
    ...Object.entries(incident.roles).map(([role, person]) => `${escapeMarkdown(role)}: ${escapeMarkdown(person)}`),
    incident.participants.length > 0 ? `participants: ${incident.participants.map(escapeMarkdown).join(', ')}` : '',
  ].filter(Boolean);
  const head = [titleLine(incident, fileName), '', `Team review · ${factsLine(incident)}`, '', reviewLine(incident), ''];
  if (people.length > 0) head.push(`${people.join(' · ')}`, '');

  const pieces = bodyPieces(read);
  const timeline = ['## Timeline', '', ...timelineLines(read), '', '### How long it took', '', ...durationsTable(incident), ''].join('\n');
  pieces.splice(timelineSlot(pieces), 0, { title: 'Timeline', text: timeline });

  const tail = ['## Contributing factors', ''];
  if (incident.factors.length === 0) tail.push('No contributing factors recorded yet.');
  for (const factor of incident.factors) tail.push(`- **${escapeMarkdown(factor.kind)}:** ${escapeMarkdown(factor.text)}`);
  tail.push('', '## Action items by owner', '', ...actionsByOwner(incident.actions, todayMs));

  const text = [head.join('\n'), ...pieces.map((piece) => piece.text.trim()), tail.join('\n')].filter((part) => part.trim()).join('\n\n');
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

interface Piece {
  /** The `##` heading, or "" for text before the first one. */
  readonly title: string;
  readonly text: string;
}

/** The body cut at each `##` heading, every line kept. */
function bodyPieces(read: ReadIncident): Piece[] {
  const { body, lines, text } = read;
  const starts = body.sections.map((section) => ({ title: section.title, offset: lines.lineStart(section.line) }));
  const pieces: Piece[] = [{ title: '', text: text.slice(body.offset, starts[0]?.offset ?? text.length) }];
  starts.forEach((start, index) => pieces.push({ title: start.title, text: text.slice(start.offset, starts[index + 1]?.offset ?? text.length) }));
  return pieces;
}

/** After the narrative; without one, after the summary or impact; else first. */
function timelineSlot(pieces: readonly Piece[]): number {
  for (const wanted of ['Narrative', 'Impact', 'Summary']) {
    const index = pieces.findIndex((piece) => templateName(piece.title) === wanted);
    if (index >= 0) return index + 1;
  }
  return 1;
}

function timelineLines(read: ReadIncident): string[] {
  const model = buildTimelineModel(read.text);
  if (model.entries.length === 0) return ['No timeline entries recorded.'];
  const timed = model.entries.filter((entry) => entry.epochMs !== null);
  const days = new Set(timed.map((entry) => wallClock(entry.epochMs as number, model.offsetMinutes).date));
  const sorted = [...timed].sort((a, b) => (a.epochMs as number) - (b.epochMs as number) || a.index - b.index);
  const untimed = model.entries.filter((entry) => entry.epochMs === null);
  const when = (entry: TimelineEntry): string => {
    if (entry.epochMs === null) return entry.at ? escapeMarkdown(entry.at) : 'no time';
    const clock = wallClock(entry.epochMs, model.offsetMinutes);
    return days.size > 1 ? `${clock.date} ${clock.time}` : clock.time;
  };
  const dayNote = days.size === 1 ? ` on ${[...days][0]}` : '';
  const rows = [...sorted, ...untimed].map((entry) => [when(entry), escapeMarkdown(entry.kind), escapeMarkdown(entry.who), `${escapeMarkdown(entry.text)}${evidence(entry.evidence)}`]);
  return [`Times are in ${offsetLabel(model.offsetMinutes)}${dayNote}, the incident’s own offset.`, '', ...table(['Time', 'Kind', 'Who', 'What happened'], rows)];
}

function evidence(link: string): string {
  if (!link) return '';
  const href = safeLink(link);
  return href ? ` ([evidence](<${href}>))` : ` (evidence: ${escapeMarkdown(link)})`;
}

const NO_OWNER = 'No owner yet';

function actionsByOwner(actions: readonly ActionSummary[], todayMs: number): string[] {
  if (actions.length === 0) return ['No action items.'];
  const groups = new Map<string, ActionSummary[]>();
  for (const action of actions) {
    const owner = action.owner?.trim() || NO_OWNER;
    groups.set(owner, [...(groups.get(owner) ?? []), action]);
  }
  const owners = [...groups.keys()].sort((a, b) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b)));
  const lines: string[] = [];
  for (const owner of owners) {
    lines.push(`### ${escapeMarkdown(owner)}`, '');
    const items = [...(groups.get(owner) ?? [])].sort((a, b) => (a.dueMs ?? Infinity) - (b.dueMs ?? Infinity) || a.index - b.index);
    for (const action of items) {
      const due = action.due ? `due ${escapeMarkdown(action.due)}` : 'no due date';
      lines.push(`- **${escapeMarkdown(action.id)}** ${escapeMarkdown(action.title)} — ${due} · ${actionState(action, todayMs)}`);
    }
    lines.push('');
  }
  return lines;
}
