/**
 * Which incidents link a source file: when that file changes, only their code
 * link checks run again, and a change to any other file costs a few lookups.
 */
import picomatch from 'picomatch';
import { globMatcher, normalizeLinkPath } from './hotspots/fileIndex';
import type { CodeLinkSummary } from './incident';

/**
 * `content`: the file's text changed (a save, an unsaved edit), which moves
 * patterns. `presence`: a file or folder appeared or went (create, delete,
 * the two halves of a rename), which decides whether links still match.
 */
export type SourceChange = 'content' | 'presence';

export interface LinkingFile {
  readonly path: string;
  readonly incident: { readonly code: readonly CodeLinkSummary[] };
}

export class LinkedSources {
  /** Files whose text a link's `pattern` is looked for in. */
  private readonly anchored = new Map<string, Set<string>>();
  /** Plain paths, and the base folders of globs: a change at, above or below one may change whether the link matches. */
  private readonly roots = new Map<string, Set<string>>();
  /** Every folder above a root, so that deleting or renaming a folder finds the links inside it. */
  private readonly aboveRoots = new Map<string, Set<string>>();
  /** Globs over the whole folder: no base to look under, so each changed path is matched. */
  private readonly folderGlobs = new Map<string, Set<string>>();

  constructor(files: Iterable<LinkingFile>) {
    for (const { path: incident, incident: summary } of files) {
      for (const link of summary.code) {
        const path = link.outside ? undefined : normalizeLinkPath(link.path);
        if (path !== undefined) this.add(incident, path, link);
      }
    }
  }

  /** Paths of the incidents whose code link checks may come out differently after this change. */
  incidentsAffectedBy(path: string, change: SourceChange): string[] {
    const found = new Set(this.anchored.get(path));
    if (change === 'presence') {
      for (const folder of [path, ...foldersAbove(path)]) addAll(found, this.roots.get(folder));
      addAll(found, this.aboveRoots.get(path));
      for (const [glob, incidents] of this.folderGlobs) if (globMatcher(glob)(path)) addAll(found, incidents);
    }
    return [...found].sort();
  }

  private add(incident: string, path: string, link: CodeLinkSummary): void {
    const scan = picomatch.scan(path);
    if (!scan.isGlob) {
      if (link.pattern && link.lines) addTo(this.anchored, path, incident);
      this.addRoot(incident, path);
    } else if (scan.base === '') {
      addTo(this.folderGlobs, path, incident);
    } else {
      this.addRoot(incident, scan.base);
    }
  }

  private addRoot(incident: string, root: string): void {
    addTo(this.roots, root, incident);
    for (const folder of foldersAbove(root)) addTo(this.aboveRoots, folder, incident);
  }
}

/** `a/b/c` -> `a/b`, `a`; the folder itself (``) is left out. */
function foldersAbove(path: string): string[] {
  const folders: string[] = [];
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) folders.push(path.slice(0, slash));
  return folders;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function addAll(target: Set<string>, values: Iterable<string> | undefined): void {
  if (values) for (const value of values) target.add(value);
}
