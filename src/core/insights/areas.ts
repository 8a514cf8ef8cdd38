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
    for (const [key, list] of areas) labels.set(key, prefix ? list.map((area) => prefix + area) : list);
  }
  const tallier = new Tallier(severe);
  for (const ref of refs) tallier.add(ref, labels.get(ref.key) ?? []);
  const source: AreaSource = withHistory === 0 ? 'links' : withHistory === byFolder.size ? 'history' : 'mixed';
  return { ...tallier.result(), source };
}

/**
 * The hotspot ranking's files, rolled up to folders as the hotspot view rolls
 * them up. A prose file (Markdown, text) that a commit changed alongside a
 * fix is a runbook or a note, not where the incident happened: it counts
 * only when the incident links it in `code:`.
 */
function areasFromRanking(sources: readonly InsightSource[], history: FolderHistory): Map<string, string[]> {
  const keysById = new Map<string, string[]>();
  for (const source of sources) {
    const id = source.incident.id;
    if (id === undefined) continue;
    const keys = keysById.get(id);
    if (keys) keys.push(source.key);
    else keysById.set(id, [source.key]);
  }
  const files = new Map<string, string[]>();
  for (const file of history.ranking.files) {
    const prose = PROSE.test(file.path);
    for (const share of file.incidents) {
      if (prose && !share.roles.includes('code')) continue;
      for (const key of keysById.get(share.id) ?? []) push(files, key, file.path);
    }
  }
  return rollUp(files);
}

/** Documentation and notes, by extension. */
const PROSE = /\.(md|markdown|mdx|rst|adoc|txt)$/i;

function areasFromLinks(sources: readonly InsightSource[]): Map<string, string[]> {
  const files = new Map<string, string[]>();
  // Incidents link the same few paths again and again; scanning a glob is not free.
  const folders = new Map<string, string | undefined>();
  for (const source of sources) {
    for (const link of source.incident.code) {
      if (link.outside) continue;
      let place = folders.get(link.path);
      if (place === undefined && !folders.has(link.path)) folders.set(link.path, (place = linkFolder(link.path)));
      // A stand-in file inside the folder, so the roll-up treats globs and folders like files.
      if (place) push(files, source.key, `${place}/*`);
    }
  }
  return rollUp(files);
}

/**
 * Areas are the folders that directly hold some incident's file; an incident
 * counts in each area that holds one of its files, directly or in a subfolder.
 */
function rollUp(files: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const areaSet = new Set<string>();
  for (const list of files.values()) {
    for (const file of list) {
      const parent = parentOf(file);
      if (parent) areaSet.add(parent);
    }
  }
  // The areas holding a file, once per distinct file: incidents share files.
  const holding = new Map<string, string[]>();
  const areasHolding = (file: string): string[] => {
    let list = holding.get(file);
    if (!list) {
      list = [];
      for (let folder = parentOf(file); folder; folder = parentOf(folder)) if (areaSet.has(folder)) list.push(folder);
      list.sort();
      holding.set(file, list);
    }
    return list;
  };
  const areas = new Map<string, string[]>();
  for (const [key, list] of files) {
    // One file (the common case): its sorted list, shared and never changed.
    const own = list.length === 1 ? areasHolding(list[0]) : [...new Set(list.flatMap(areasHolding))].sort();
    if (own.length > 0) areas.set(key, own);
  }
  return areas;
}

/** The folder a link points into: a file's parent, a glob's fixed part, a path ending in `/` itself. */
function linkFolder(path: string): string | undefined {
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
