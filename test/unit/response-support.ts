/** Incident summaries for the response tests, read from text as the product reads them. */
import type { IncidentSummary } from '../../src/core/incident';
import { analyzeText, defaultLintOptions } from '../../src/core/lint';

export function summary(lines: readonly string[]): IncidentSummary {
  const incident = analyzeText(['---', ...lines, '---', ''].join('\n'), defaultLintOptions()).incident;
  if (!incident) throw new Error('not an incident');
  return incident;
}

export function simple(id: string, status: string, started: string, extra: readonly string[] = []): IncidentSummary {
  return summary([`id: ${id}`, `title: Incident ${id}`, `status: ${status}`, 'severity: SEV2', `started: ${started}`, ...extra]);
}
