/** Words for hotspots: counts, ages and incident lists, as people read them. */
import type { FileHotspot, IncidentShare } from './types';
import { nowMs as clockNowMs } from '../clock';

const DAY_MS = 86_400_000;

export function incidentCount(count: number): string {
  return `${count} ${count === 1 ? 'incident' : 'incidents'}`;
}

export function ago(epochMs: number | undefined, nowMs = clockNowMs()): string {
  if (epochMs === undefined) return 'date unknown';
  const days = Math.floor((nowMs - epochMs) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  const months = Math.round(days / 30);
  return months < 24 ? `${months} months ago` : `${Math.round(days / 365)} years ago`;
}

export function shortDate(epochMs: number | undefined): string {
  return epochMs === undefined ? '' : new Date(epochMs).toISOString().slice(0, 10);
}

export function roleWords(share: IncidentShare): string {
  const words: Record<string, string> = { code: 'linked in the incident', trigger: 'changed by a trigger commit', fix: 'changed by a fix', mitigation: 'changed by a mitigation', related: 'changed by a related commit' };
  return share.roles.map((role) => words[role] ?? role).join(', ');
}

/** One line per incident, for tooltips: `INC-2026-014 SEV2 2026-09-22 Checkout latency…`. */
export function incidentLines(file: Pick<FileHotspot, 'incidents'>, limit = 8): string {
  const lines = file.incidents.slice(0, limit).map((share) => `${share.id} ${share.severity} ${shortDate(share.started)} ${share.title}`.trim());
  if (file.incidents.length > limit) lines.push(`and ${file.incidents.length - limit} more`);
  return lines.join('\n');
}

/** The lens at the top of a linked file: `2 incidents · last 12 days ago`. */
export function lensTitle(file: Pick<FileHotspot, 'count' | 'lastStarted'>, nowMs = clockNowMs()): string {
  return `${incidentCount(file.count)} · last ${ago(file.lastStarted, nowMs)}`;
}
