/**
 * Code areas: the folders that directly hold files incidents touched, each
 * counting the incidents in it and in its subfolders (as the hotspot roll-up
 * counts them). With git history the hotspot ranking supplies the files
 * (explicit links, listed commits and commits that name the incident); without
 * it, the explicit `code:` links do, a glob standing for its folder.
 */
import picomatch from 'picomatch';
import { Tallier } from './tally';
import type { AreaSource, AreaTally, FolderHistory, IncidentRef, InsightSource } from './types';

export function codeAreas(
  selected: readonly InsightSource[],
  refs: readonly IncidentRef[],
  history: readonly FolderHistory[] | undefined,
  severe: ReadonlySet<string>,
): AreaTally {
  const byFolder = new Map<string, InsightSource[]>();
  for (const source of selected) {
    let list = byFolder.get(source.folder);
    if (!list) byFolder.set(source.folder, (list = []));
    list.push(source);
  }
  const labels = new Map<string, string[]>();
  let withHistory = 0;
  for (const [folder, sources] of byFolder) {
    const found = history?.find((entry) => entry.folder === folder);
    const areas = found ? areasFromRanking(sources, found) : areasFromLinks(sources);
    if (found?.fromHistory) withHistory++;
    const prefix = folder ? `${folder}/` : '';
    for (const [key, list] of areas) labels.set(key, list.map((area) => prefix + area));
  }
  const tallier = new Tallier(severe);
  for (const ref of refs) tallier.add(ref, labels.get(ref.key) ?? []);
  const source: AreaSource = withHistory === 0 ? 'links' : withHistory === byFolder.size ? 'history' : 'mixed';
  return { ...tallier.result(), source };
}

/** Folders of the roll-up that directly hold a hot file; incidents by id, mapped back to this folder's files. */
function areasFromRanking(sources: readonly InsightSource[], history: FolderHistory): Map<string, string[]> {
  const keysById = new Map<string, string[]>();
  for (const source of sources) {
    const id = source.incident.id;
    if (id === undefined) continue;
    const keys = keysById.get(id);
    if (keys) keys.push(source.key);
    else keysById.set(id, [source.key]);
  }
  const parents = new Set<string>();
  for (const file of history.ranking.files) {
    const parent = parentOf(file.path);
    if (parent) parents.add(parent);
  }
  const areas = new Map<string, string[]>();
  for (const folder of history.ranking.folders) {
    if (!parents.has(folder.path)) continue;
    for (const id of folder.incidentIds) {
      for (const key of keysById.get(id) ?? []) push(areas, key, folder.path);
    }
  }
  return areas;
}

function areasFromLinks(sources: readonly InsightSource[]): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const areaSet = new Set<string>();
  for (const source of sources) {
    const folders = new Set<string>();
    for (const link of source.incident.code) {
      if (link.outside) continue;
      const place = linkFolder(link.path);
      if (place) folders.add(place);
    }
    places.set(source.key, [...folders]);
    for (const place of folders) areaSet.add(place);
  }
  const areas = new Map<string, string[]>();
  for (const [key, folders] of places) {
    const own = new Set<string>();
    for (const place of folders) {
      // The folder itself and every ancestor that is an area: a folder counts its subfolders.
      for (let folder: string | undefined = place; folder; folder = parentOf(folder)) if (areaSet.has(folder)) own.add(folder);
    }
    if (own.size > 0) areas.set(key, [...own].sort());
  }
  return areas;
}

/** The folder a link points into: a file's parent, a glob's fixed part, a path ending in `/` itself. */
export function linkFolder(path: string): string | undefined {
  const clean = path.replace(/^(\.\/)+/, '');
  const scan = picomatch.scan(clean);
  if (scan.isGlob) return trimSlashes(scan.base) || undefined;
  if (clean.endsWith('/')) return trimSlashes(clean) || undefined;
  return parentOf(clean);
}

function parentOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : undefined;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
