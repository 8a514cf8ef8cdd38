/**
 * Turns insights into the report document: the top insight first, then the
 * evidence (where, when, how long, follow-through), then the incidents it
 * rests on. Every renderer uses this, so the panel, the Markdown and the HTML
 * agree word for word.
 */
import { monthName } from '../insights/topInsight';
import type { Insights } from '../insights/types';
import { plural, severityName } from './format';
import type { Inline, ReportDocument, Section } from './model';
import { durationSections } from './sections/durations';
import { followThroughSection } from './sections/followThrough';
import { overTimeSection } from './sections/overTime';
import { whereSections } from './sections/where';

export interface DocumentOptions {
  /** Where the incidents came from, such as the workspace folder's name. */
  readonly source?: string;
}

export function buildDocument(insights: Insights, options: DocumentOptions = {}): ReportDocument {
  const names = new Map(insights.incidents.map((ref) => [ref.key, ref.id]));
  const name = (key: string) => names.get(key) ?? key;
  const sections: Section[] = [...whereSections(insights), overTimeSection(insights), ...durationSections(insights, name), followThroughSection(insights), incidentsSection(insights)];
  return {
    title: options.source ? `Incident insights: ${options.source}` : 'Incident insights',
    scope: scopeLine(insights),
    top: { sentence: insights.top.sentence, incidents: insights.top.incidents, basis: insights.top.basis },
    sections,
    incidents: insights.incidents,
  };
}

function scopeLine(insights: Insights): Inline[] {
  const { scope } = insights;
  const parts: string[] = [];
  const counted = plural(scope.total, 'incident');
  const of = scope.available !== scope.total ? ` (of ${scope.available})` : '';
  const period = scope.firstDay && scope.lastDay ? (scope.firstDay.slice(0, 7) === scope.lastDay.slice(0, 7) ? ` in ${monthName(scope.firstDay)}` : `, ${monthName(scope.firstDay)} to ${monthName(scope.lastDay)}`) : '';
  parts.push(`${counted}${of}${period}, as of ${scope.today}.`);
  const filters: string[] = [];
  const f = scope.filters;
  if (f.service) filters.push(`service ${f.service}`);
  if (f.severity) filters.push(`severity ${f.severity}`);
  if (f.from && f.to) filters.push(`started ${f.from} to ${f.to}`);
  else if (f.from) filters.push(`started on or after ${f.from}`);
  else if (f.to) filters.push(`started on or before ${f.to}`);
  parts.push(filters.length > 0 ? ` Filtered to ${filters.join(', ')}.` : ' No filters.');
  if (scope.undatedLeftOut.length > 0) parts.push(` ${plural(scope.undatedLeftOut.length, 'incident')} without a start time left out by the date filter.`);
  return [parts.join('')];
}

function incidentsSection(insights: Insights): Section {
  if (insights.incidents.length === 0) return { id: 'incidents', title: 'Incidents in this report', level: 2, blocks: [{ kind: 'text', parts: ['None.'] }] };
  return {
    id: 'incidents',
    title: 'Incidents in this report',
    level: 2,
    blocks: [
      {
        kind: 'table',
        table: {
          caption: 'Every incident counted above, earliest first',
          columns: [{ label: 'Incident' }, { label: 'Title' }, { label: 'Severity' }, { label: 'Started' }, { label: 'Status' }, { label: 'File' }],
          rows: insights.incidents.map((ref) => [
            [{ ref: ref.key }],
            [ref.title || '—'],
            [`${severityName(ref.severity)}${ref.nearMiss ? ', near miss' : ''}`],
            [ref.started ?? '—'],
            [ref.status || '—'],
            [{ code: ref.folder ? `${ref.folder}/${ref.path}` : ref.path }],
          ]),
        },
      },
    ],
  };
}
