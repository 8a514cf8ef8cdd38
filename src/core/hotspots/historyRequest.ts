/** What the git reader has to look for, derived from the incidents alone. */
import type { HistoryRequest, HotspotIncident } from './types';

/** A sha as the format allows it (7..40 hex), or a full SHA-256 one. */
const SHA = /^[0-9a-f]{7,64}$/;

/** Lower-cased, or undefined when it is no sha: only such text ever reaches git. */
export function normalizeSha(sha: string): string | undefined {
  const lower = sha.trim().toLowerCase();
  return SHA.test(lower) ? lower : undefined;
}

/**
 * Listed commits of this repository (a `repo:` names another one) and every
 * incident id. Sorted, so equal incident sets give equal requests and equal
 * cache keys.
 */
export function historyRequestFor(incidents: readonly HotspotIncident[]): HistoryRequest {
  const wantLines = new Map<string, boolean>();
  const ids = new Set<string>();
  for (const incident of incidents) {
    ids.add(incident.id);
    for (const commit of incident.commits) {
      const sha = commit.repo === undefined ? normalizeSha(commit.sha) : undefined;
      if (sha === undefined) continue;
      wantLines.set(sha, (wantLines.get(sha) ?? false) || commit.role === 'fix');
    }
  }
  return {
    commits: [...wantLines].sort(([a], [b]) => compareText(a, b)).map(([sha, lines]) => ({ sha, wantLines: lines })),
    incidentIds: [...ids].sort(compareText),
  };
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
