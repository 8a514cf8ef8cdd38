/** How one incident reads in a view row, a quick pick and the status bar. */
import { isActive } from '../activeStatuses';
import { formatDuration } from '../durationText';
import type { IncidentSummary } from '../incident';
import { ageOrDuration, formatDay, lasted } from './durations';

export function incidentLabel(incident: IncidentSummary, fallback: string): string {
  return `${incident.id ?? fallback}  ${incident.title ?? ''}`.trim();
}

/** `SEV1 · 38 min` for an active incident, `SEV3 · 3 d ago` for a closed one. */
export function incidentDescription(incident: IncidentSummary, nowMs: number): string {
  return [incident.severity, ageOrDuration(incident, nowMs)].filter(Boolean).join(' · ');
}

/** For Open Incident…: status, start date and what the quick pick also matches (services, tags). */
export function pickDetail(incident: IncidentSummary, nowMs: number): string {
  const started = incident.started ? `started ${formatDay(incident.started.epochMs + incident.started.offsetMinutes * 60_000, nowMs)}` : undefined;
  const took = lasted(incident);
  return [
    incident.status ?? 'no status',
    started,
    took && !isActive(incident) ? `lasted ${took}` : undefined,
    incident.services.length > 0 ? incident.services.map((service) => service.value).join(', ') : undefined,
    incident.tags.length > 0 ? incident.tags.map((tag) => `#${tag}`).join(' ') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** `INC-2026-018 SEV1 · 1 h 30 min`: the active incident in the status bar. */
export function statusBarText(incident: IncidentSummary, nowMs: number): string {
  const elapsed = incident.started ? formatDuration(nowMs - incident.started.epochMs) : undefined;
  return [`${incident.id ?? 'Incident'} ${incident.severity ?? ''}`.trim(), elapsed].filter(Boolean).join(' · ');
}
