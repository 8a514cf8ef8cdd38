/**
 * Which incident a capture command acts on: the one in the editor, else the
 * only active one, else the user picks (active ones first, newest first).
 */
import { isActive } from '../activeStatuses';
import type { IncidentSummary } from '../incident';

export interface Candidate {
  /** A stable key: the file's uri. */
  readonly key: string;
  readonly incident: IncidentSummary;
}

export type IncidentChoice = { readonly kind: 'chosen'; readonly key: string; readonly reason: 'editor' | 'only-active' } | { readonly kind: 'pick'; readonly candidates: readonly Candidate[] } | { readonly kind: 'none' };

export function chooseIncident(candidates: readonly Candidate[], editorKey?: string): IncidentChoice {
  if (editorKey && candidates.some((candidate) => candidate.key === editorKey)) return { kind: 'chosen', key: editorKey, reason: 'editor' };
  const active = candidates.filter((candidate) => isActive(candidate.incident));
  if (active.length === 1) return { kind: 'chosen', key: active[0].key, reason: 'only-active' };
  if (candidates.length === 0) return { kind: 'none' };
  return { kind: 'pick', candidates: pickOrder(candidates) };
}

/** Active first, then newest first (by `started`), then by id. */
export function pickOrder<T extends { readonly incident: IncidentSummary }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(isActive(b.incident)) - Number(isActive(a.incident)) ||
      newestFirst(a.incident, b.incident) ||
      (a.incident.id ?? '').localeCompare(b.incident.id ?? ''),
  );
}

/** Newest `started` first; incidents without a start time last. */
export function newestFirst(a: IncidentSummary, b: IncidentSummary): number {
  const x = a.started?.epochMs;
  const y = b.started?.epochMs;
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  return y - x;
}
