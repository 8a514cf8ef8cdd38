/** The repository's file list, for resolving code links that name globs or folders. */
import picomatch from 'picomatch';
import { compareText } from './order';

export class RepositoryFileIndex {
  private readonly sorted: readonly string[];
  private readonly present: ReadonlySet<string>;

  constructor(files: readonly string[]) {
    this.sorted = [...files].sort(compareText);
    this.present = new Set(files);
  }

  has(path: string): boolean {
    return this.present.has(path);
  }

  /** Files inside `folder` at any depth; every file for ''. */
  under(folder: string): readonly string[] {
    if (folder === '') return this.sorted;
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const first = this.lowerBound(prefix);
    let last = first;
    while (last < this.sorted.length && this.sorted[last].startsWith(prefix)) last += 1;
    return this.sorted.slice(first, last);
  }

  /**
   * The files a `code:` link names: the file itself when it exists (even if
   * its name looks like a glob, as `app/[id]/page.tsx` does), else the
   * glob's matches, else the files of a folder, else the path as written so
   * a link to a file the list lacks still counts. Nothing for a path that is
   * absolute or leaves the folder.
   */
  resolveLink(rawPath: string): readonly string[] {
    const path = normalizeLinkPath(rawPath);
    if (path === undefined) return [];
    if (this.present.has(path)) return [path];
    const scan = picomatch.scan(path);
    if (scan.isGlob) {
      const matches = globMatcher(path);
      return this.under(scan.base).filter((file) => matches(file));
    }
    const inside = this.under(path);
    return inside.length > 0 ? inside : [path];
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Compiled globs: views re-score often, and the same few links come back every time. */
const compiledGlobs = new Map<string, (path: string) => boolean>();
const MAX_COMPILED_GLOBS = 1000;

export function globMatcher(glob: string): (path: string) => boolean {
  let matcher = compiledGlobs.get(glob);
  if (!matcher) {
    if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
    matcher = picomatch(glob, { dot: true });
    compiledGlobs.set(glob, matcher);
  }
  return matcher;
}

/** Forward slashes, no `./`, no trailing slash; undefined when absolute or escaping. */
export function normalizeLinkPath(rawPath: string): string | undefined {
  const path = rawPath.trim().replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..') || segments.length === 0) return undefined;
  return segments.join('/');
}
