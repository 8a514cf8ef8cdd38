/** Maps indexed incidents to what hotspot scoring needs, for the CLI and the editor alike. */
import type { LineRange } from './codeLinkDrift';
import type { HotspotIncident } from './hotspots/types';
import type { IncidentFile, IncidentIndex } from './workspace';

const ROLES = new Set(['trigger', 'fix', 'mitigation', 'related']);

/** Link index -> where a drifted link's pattern is now, per incident file. */
type Reanchored = (path: string) => ReadonlyMap<number, LineRange>;

/** The index's incidents, their drifted links at the lines their pattern moved to. */
export function indexHotspotIncidents(index: Pick<IncidentIndex, 'incidents' | 'reanchoredLines'>): HotspotIncident[] {
  return hotspotIncidents(index.incidents(), (path) => index.reanchoredLines(path));
}

/** A link follows its `pattern`: where drift detection found the code elsewhere, the marks go there. */
export function hotspotIncidents(files: readonly IncidentFile[], reanchored: Reanchored = () => new Map()): HotspotIncident[] {
  return files.flatMap(({ path: file, incident }) => {
    if (!incident.id) return [];
    const moved = reanchored(file);
    return [
      {
        id: incident.id,
        title: incident.title ?? '',
        severity: incident.severity ?? '',
        started: incident.started?.epochMs,
        codeLinks: incident.code.filter((link) => !link.outside).map(({ index, path, lines }) => {
          const current = moved.get(index) ?? lines;
          return current ? { path, lines: current } : { path };
        }),
        commits: incident.commits.map(({ sha, role, repo }) => ({ sha, role: (ROLES.has(role) ? role : 'related') as HotspotIncident['commits'][number]['role'], ...(repo ? { repo } : {}) })),
      },
    ];
  });
}
