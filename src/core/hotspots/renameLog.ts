/**
 * Where a path a commit touched lives now. Hotspots are shown on today's
 * files, so a fix to `src/a.js` counts for `lib/a.js` once `a.js` moved.
 */

interface Rename {
  /** Position in the newest-first walk of the commit that renamed. */
  readonly walkIndex: number;
  readonly to: string;
}

export class RenameLog {
  /** Source path -> its renames, in walk order (newest first). */
  private readonly bySource = new Map<string, Rename[]>();

  /** Record renames in walk order, newest commit first, as `git log` prints them. */
  add(walkIndex: number, from: string, to: string): void {
    let renames = this.bySource.get(from);
    if (!renames) this.bySource.set(from, (renames = []));
    renames.push({ walkIndex, to });
  }

  /**
   * The path as of the newest commit walked, for `path` as the commit at
   * `walkIndex` left it. Commits outside the walk (another branch) pass
   * `Infinity` and follow every rename of the path.
   */
  currentPath(path: string, walkIndex: number): string {
    let current = path;
    let since = walkIndex;
    // Each hop moves strictly forward in time, so this ends; the cap is against a corrupt log.
    for (let hops = 0; hops < 10_000; hops++) {
      const next = this.firstRenameAfter(current, since);
      if (!next) break;
      current = next.to;
      since = next.walkIndex;
    }
    return current;
  }

  /** The oldest rename of `path` newer than the commit at `walkIndex`. */
  private firstRenameAfter(path: string, walkIndex: number): Rename | undefined {
    let found: Rename | undefined;
    for (const rename of this.bySource.get(path) ?? []) {
      if (rename.walkIndex >= walkIndex) break;
      found = rename;
    }
    return found;
  }
}
