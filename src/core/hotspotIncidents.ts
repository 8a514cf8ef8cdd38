/** Maps indexed incidents to what hotspot scoring needs, for the CLI and the editor alike. */
import type { HotspotIncident } from './hotspots/types';
import type { IncidentFile } from './workspace';

const ROLES = new Set(['trigger', 'fix', 'mitigation', 'related']);

export function hotspotIncidents(files: readonly IncidentFile[]): HotspotIncident[] {
  return files.flatMap(({ incident }) => {
    if (!incident.id) return [];
    return [
      {
        id: incident.id,
        title: incident.title ?? '',
        severity: incident.severity ?? '',
        started: incident.started?.epochMs,
        codeLinks: incident.code.filter((link) => !link.outside).map(({ path, lines }) => (lines ? { path, lines } : { path })),
        commits: incident.commits.map(({ sha, role, repo }) => ({ sha, role: (ROLES.has(role) ? role : 'related') as HotspotIncident['commits'][number]['role'], ...(repo ? { repo } : {}) })),
      },
    ];
  });
}
