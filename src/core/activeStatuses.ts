/**
 * Which incident statuses mean the incident is still going on. The tree's
 * badge and Active group, the status bar, "so far" in drafts, the incident a
 * command picks first and the open incidents of insights all ask here. Apart
 * from the schema so a webview can ask too without carrying zod.
 */
import type { IncidentSummary } from './incident';

export const ACTIVE_STATUSES: readonly string[] = ['investigating', 'identified', 'monitoring'];

export function isActiveStatus(status: string | undefined): boolean {
  return status !== undefined && ACTIVE_STATUSES.includes(status);
}

export function isActive(incident: Pick<IncidentSummary, 'status'>): boolean {
  return isActiveStatus(incident.status);
}
