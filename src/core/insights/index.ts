/**
 * Builds every aggregate from the incident files. Pure: the same sources and
 * options always give the same insights, so reports can be snapshot-tested.
 */
import { formatDate } from '../timestamps';
import { codeAreas } from './areas';
import { durations } from './durations';
import { followThrough } from './followThrough';
import { overTime } from './overTime';
import { byStart, type Covered, incidentRef } from './refs';
import { cleanFilters, select } from './select';
import { severeLevels, severityOrder } from './severity';
import { Tallier } from './tally';
import { topInsight } from './topInsight';
import type { InsightOptions, Insights, InsightSource } from './types';

export type * from './types';

export function buildInsights(sources: readonly InsightSource[], options: InsightOptions): Insights {
  const filters = cleanFilters(options.filters);
  const { selected, undatedLeftOut } = select(sources, filters);
  const covered: Covered[] = selected.map((source) => ({ ref: incidentRef(source), incident: source.incident })).sort((a, b) => byStart(a.ref, b.ref));
  const refs = covered.map(({ ref }) => ref);
  const severities = severityOrder(options.severities, refs.map((ref) => ref.severity));
  const severe = new Set(severeLevels(options.severities));

  const services = new Tallier(severe);
  const factors = new Tallier(severe);
  const tags = new Tallier(severe);
  for (const { ref, incident } of covered) {
    services.add(ref, incident.services.map((service) => service.value));
    factors.add(ref, incident.factors.map((factor) => factor.kind));
    tags.add(ref, incident.tags);
  }
  const areas = codeAreas(selected, refs, options.history, severe);
  const follow = followThrough(covered, options.todayMs);
  // By local day, which offsets can order differently from the instants refs are sorted by.
  let firstDay: string | undefined;
  let lastDay: string | undefined;
  for (const { startedDay } of refs) {
    if (startedDay === undefined) continue;
    if (firstDay === undefined || startedDay < firstDay) firstDay = startedDay;
    if (lastDay === undefined || startedDay > lastDay) lastDay = startedDay;
  }
  const today = formatDate(options.todayMs);
  const serviceTally = services.result();
  const factorTally = factors.result({ mentions: true });

  return {
    scope: {
      total: refs.length,
      available: sources.length,
      filters,
      undatedLeftOut,
      ...(firstDay ? { firstDay, lastDay } : {}),
      today,
      severities,
      severe: [...severe],
      services: allServices(sources),
    },
    incidents: refs,
    top: topInsight({ total: refs.length, filters, firstDay, lastDay, today, severe: [...severe], areas, services: serviceTally, factors: factorTally, followThrough: follow }),
    areas,
    services: serviceTally,
    factors: factorTally,
    tags: tags.result(),
    overTime: overTime(refs, severities, filters, options.unit),
    durations: durations(covered, severities),
    followThrough: follow,
  };
}

/** Every service any incident names, before filters: the choices of the service filter. */
function allServices(sources: readonly InsightSource[]): string[] {
  const names = new Set<string>();
  for (const source of sources) for (const service of source.incident.services) names.add(service.value);
  return [...names].sort();
}

/** Sources from one folder's index (`IncidentIndex.incidents()`), keyed by path. */
export function sourcesOf(files: readonly { path: string; incident: InsightSource['incident'] }[], folder = ''): InsightSource[] {
  return files.map(({ path, incident }) => ({ key: folder ? `${folder}/${path}` : path, folder, path, incident }));
}
