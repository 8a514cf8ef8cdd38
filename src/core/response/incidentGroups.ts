/**
 * How the Incidents view groups incidents: by lifecycle status (active ones
 * first), by severity or by service. Within a group: active first, newest
 * first. Group ids are stable, so the view keeps what the user expanded.
 */
import { ACTIVE_STATUSES, isActive } from '../activeStatuses';
import type { IncidentSummary } from '../incident';
import { pickOrder } from './activeIncident';

export type GroupBy = 'status' | 'severity' | 'service';
export const GROUP_BY: readonly GroupBy[] = ['status', 'severity', 'service'];

export interface IncidentGroup<T> {
  /** Stable across refreshes: `status:active`, `severity:SEV1`, `service:checkout`. */
  readonly id: string;
  readonly label: string;
  readonly items: readonly T[];
  /** Whether the group starts expanded. */
  readonly expanded: boolean;
}

interface Bucket {
  readonly id: string;
  readonly label: string;
  readonly expanded?: boolean;
}

const STATUS_BUCKETS: readonly (Bucket & { statuses: readonly string[] })[] = [
  { id: 'status:active', label: 'Active', statuses: ACTIVE_STATUSES, expanded: true },
  { id: 'status:resolved', label: 'Resolved, review pending', statuses: ['resolved'], expanded: true },
  { id: 'status:reviewed', label: 'Reviewed', statuses: ['reviewed'], expanded: false },
];
const OTHER_STATUS: Bucket = { id: 'status:other', label: 'Status not set', expanded: true };

export function groupIncidents<T extends { readonly incident: IncidentSummary }>(items: readonly T[], by: GroupBy, severities: readonly string[]): IncidentGroup<T>[] {
  const buckets = new Map<string, { bucket: Bucket; items: T[] }>();
  const put = (bucket: Bucket, item: T) => {
    const found = buckets.get(bucket.id) ?? { bucket, items: [] };
    found.items.push(item);
    buckets.set(bucket.id, found);
  };
  for (const item of items) {
    for (const bucket of bucketsOf(item.incident, by, severities)) put(bucket, item);
  }
  return orderBuckets([...buckets.values()], by, severities).map(({ bucket, items: members }) => ({
    id: bucket.id,
    label: bucket.label,
    items: pickOrder(members),
    expanded: bucket.expanded ?? members.some((member) => isActive(member.incident)),
  }));
}

function bucketsOf(incident: IncidentSummary, by: GroupBy, severities: readonly string[]): Bucket[] {
  switch (by) {
    case 'status':
      return [STATUS_BUCKETS.find((bucket) => bucket.statuses.includes(incident.status ?? '')) ?? OTHER_STATUS];
    case 'severity': {
      const severity = incident.severity;
      if (severity && severities.includes(severity)) return [{ id: `severity:${severity}`, label: severity }];
      return [{ id: 'severity:other', label: severity ? 'Other severities' : 'Severity not set' }];
    }
    case 'service': {
      const names = [...new Set(incident.services.map((service) => service.value))];
      if (names.length === 0) return [{ id: 'service:none', label: 'No service' }];
      return names.map((name) => ({ id: `service:${name}`, label: name }));
    }
  }
}

function orderBuckets<T>(found: { bucket: Bucket; items: T[] }[], by: GroupBy, severities: readonly string[]): { bucket: Bucket; items: T[] }[] {
  const rank = (id: string): [number, string] => {
    if (by === 'status') {
      const index = STATUS_BUCKETS.findIndex((bucket) => bucket.id === id);
      return [index < 0 ? STATUS_BUCKETS.length : index, id];
    }
    if (by === 'severity') {
      const index = severities.indexOf(id.slice('severity:'.length));
      return [index < 0 ? severities.length : index, id];
    }
    return [id === 'service:none' ? 1 : 0, id];
  };
  return found.sort((a, b) => {
    const [x, xs] = rank(a.bucket.id);
    const [y, ys] = rank(b.bucket.id);
    return x - y || xs.localeCompare(ys);
  });
}
