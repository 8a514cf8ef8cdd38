/** What the git reader has to look for, derived from the incidents alone. */
import { compareText } from './order';
import type { HistoryRequest, HotspotIncident } from './types';

/** A sha as the format allows it (7..40 hex), or a full SHA-256 one. */
const SHA = /^[0-9a-f]{7,64}$/;

/** Lower-cased, or undefined when it is no sha: only such text ever reaches git. */
export function normalizeSha(sha: string): string | undefined {
  const lower = sha.trim().toLowerCase();
  return SHA.test(lower) ? lower : undefined;
}

/**
 * Every listed commit and every incident id. Commits whose listing names
 * another repository (`repo:`) are looked for too: a sha names one commit
 * wherever it is, and a fork or mirror has it. Sorted, so equal incident
 * sets give equal requests and equal cache keys.
 */
export function historyRequestFor(incidents: readonly HotspotIncident[]): HistoryRequest {
  const commits = new Map<string, { wantLines: boolean; elsewhere: boolean }>();
  const ids = new Set<string>();
  for (const incident of incidents) {
    ids.add(incident.id);
    for (const commit of incident.commits) {
      const sha = normalizeSha(commit.sha);
      if (sha === undefined) continue;
      const known = commits.get(sha) ?? { wantLines: false, elsewhere: true };
      commits.set(sha, { wantLines: known.wantLines || commit.role === 'fix', elsewhere: known.elsewhere && commit.repo !== undefined });
    }
  }
  return {
    commits: [...commits].sort(([a], [b]) => compareText(a, b)).map(([sha, wanted]) => ({ sha, ...wanted })),
    incidentIds: [...ids].sort(compareText),
  };
}
