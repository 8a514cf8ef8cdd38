/**
 * The executive summary: what happened in two sentences, the impact in
 * words, durations with their definitions, the top contributing factors and
 * where the action items stand. Short enough to read in a minute; the team
 * report has the rest.
 */
import { escapeMarkdown } from '../../escape';
import type { ReadIncident } from '../model';
import { table } from './markdownTable';
import { actionState, actionTally, durationsTable, factsLine, reviewLine, titleLine } from './parts';
import { firstSentences, sectionParagraphs } from './prose';

/** Factors named in the summary; the team report lists all of them. */
const TOP_FACTORS = 3;

export function executiveMarkdown(read: ReadIncident, fileName: string, todayMs: number): string {
  const { incident } = read;
  const lines: string[] = [titleLine(incident, fileName), '', `Executive summary · ${factsLine(incident)}`, '', reviewLine(incident), ''];

  lines.push('## What happened', '', whatHappened(read), '');
  lines.push('## Impact', '', ...impact(read), '');
  lines.push('## How long it took', '', ...durationsTable(incident), '');

  lines.push('## Top contributing factors', '');
  if (incident.factors.length === 0) {
    lines.push('No contributing factors recorded yet.');
  } else {
    incident.factors.slice(0, TOP_FACTORS).forEach((factor, index) => lines.push(`${index + 1}. **${escapeMarkdown(factor.kind)}:** ${escapeMarkdown(factor.text)}`));
    const more = incident.factors.length - TOP_FACTORS;
    if (more > 0) lines.push('', `${more} more in the team report. Incidents have several contributing factors, never a single root cause.`);
  }
  lines.push('');

  lines.push('## Action items', '', actionTally(incident.actions, todayMs), '');
  if (incident.actions.length > 0) {
    const rows = incident.actions.map((action) => [escapeMarkdown(action.id), escapeMarkdown(action.title), action.owner ? escapeMarkdown(action.owner) : 'no owner yet', action.due ? escapeMarkdown(action.due) : 'no due date', actionState(action, todayMs)]);
    lines.push(...table(['Item', 'What', 'Owner', 'Due', 'State'], rows), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Two sentences: from the Summary section, else the impact summary, else the title. */
function whatHappened(read: ReadIncident): string {
  const summary = sectionParagraphs(read, 'Summary')[0];
  if (summary) return escapeMarkdown(firstSentences(summary, 2));
  const impact = read.incident.impact?.summary;
  if (impact) return escapeMarkdown(firstSentences(impact, 2));
  return read.incident.title ? `${escapeMarkdown(read.incident.title)}. No summary has been written yet.` : 'No summary has been written yet.';
}

function impact(read: ReadIncident): string[] {
  const { incident } = read;
  const lines: string[] = [];
  if (incident.nearMiss) lines.push('Near miss: nothing broke for users, but it nearly did.', '');
  const fields = incident.impact;
  if (fields?.summary) lines.push(escapeMarkdown(fields.summary), '');
  if (fields?.customers) lines.push(`**Customers:** ${escapeMarkdown(fields.customers)}`, '');
  if (fields?.duration_note) lines.push(`**How long:** ${escapeMarkdown(fields.duration_note)}`, '');
  if (lines.length > (incident.nearMiss ? 2 : 0)) return lines;
  const written = sectionParagraphs(read, 'Impact')[0];
  lines.push(written ? escapeMarkdown(written) : 'The impact has not been described yet.');
  return lines;
}
