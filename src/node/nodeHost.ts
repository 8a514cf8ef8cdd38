/** The workspace host over Node's file system, for the command-line tool and benchmarks. */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { SKIPPED_FOLDERS } from '../core/skippedFolders';
import { isOutsideWorkspace } from '../core/summarize';
import type { CommitLookup, FileStat, WorkspaceHost } from '../core/workspace';

export interface NodeHostOptions {
  readonly commits?: CommitLookup;
  /** Called for files and folders that are skipped (unreadable, symlink loops). */
  readonly note?: (message: string) => void;
}

export class NodeWorkspaceHost implements WorkspaceHost {
  private readonly listings = new Map<string, Promise<string[]>>();
  /** Links already noted: folders walked for several globs would note them again. */
  private readonly noted = new Set<string>();

  constructor(
    readonly root: string,
    private readonly options: NodeHostOptions = {},
  ) {}

  get commits(): CommitLookup | undefined {
    return this.options.commits;
  }

  async listFiles(glob: string): Promise<string[]> {
    const { base } = picomatch.scan(glob);
    // The glob comes from the folder's own settings: it must not reach files outside the folder.
    if (isOutsideWorkspace(base)) {
      this.options.note?.(`Skipped ${glob}: it leads outside the folder`);
      return [];
    }
    const isMatch = picomatch(glob, { dot: false });
    return (await this.filesUnder(base)).filter((file) => isMatch(file));
  }

  // stat and readFile are synchronous on purpose: this host serves the
  // command-line tool and benchmarks, where nothing else waits on the event
  // loop, and on a local disk fs.promises' round trips through the thread
  // pool cost two to three times more than the reads themselves.

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const stat = statSync(this.resolve(file), { throwIfNoEntry: false });
      return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  async readFile(file: string): Promise<string | undefined> {
    try {
      return readFileSync(this.resolve(file), 'utf8');
    } catch (error) {
      // A missing file is an answer (the catalog is optional); one that is there and cannot be read is worth a note.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.note?.(`Skipped ${file}: ${(error as Error).message}`);
      return undefined;
    }
  }

  async pathExists(pathOrGlob: string): Promise<boolean> {
    const scan = picomatch.scan(pathOrGlob);
    if (!scan.isGlob) {
      try {
        await fs.access(this.resolve(pathOrGlob));
        return true;
      } catch {
        return false;
      }
    }
    if (isOutsideWorkspace(scan.base)) return false;
    const isMatch = picomatch(pathOrGlob, { dot: true });
    return (await this.filesUnder(scan.base)).some((file) => isMatch(file));
  }

  /** Files appeared or went (the language server hears of it): folders are listed again when next asked. */
  forgetListings(): void {
    this.listings.clear();
  }

  private resolve(file: string): string {
    // Node accepts '/' on every platform; one join instead of a split and a join per segment (10,000 stats on a warm start).
    return path.join(this.root, file);
  }

  /** Every file below a folder, relative to the root; listed once and remembered. */
  private filesUnder(base: string): Promise<string[]> {
    const key = base.replace(/\/+$/, '');
    let listing = this.listings.get(key);
    if (!listing) {
      listing = this.walk(key);
      this.listings.set(key, listing);
    }
    return listing;
  }

  private async walk(base: string): Promise<string[]> {
    const files: string[] = [];
    const pending = [base];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries;
      try {
        entries = await fs.readdir(this.resolve(dir), { withFileTypes: true });
      } catch (error) {
        if (dir !== base) this.options.note?.(`Skipped ${dir}: ${(error as Error).message}`);
        continue;
      }
      for (const entry of entries) {
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        // Symbolic links are not followed, so link loops cannot trap the walk and a link cannot lead outside the folder.
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(rel);
        } else if (entry.isFile()) {
          files.push(rel);
        } else if (entry.isSymbolicLink() && !this.noted.has(rel)) {
          this.noted.add(rel);
          this.options.note?.(`Skipped ${rel}: a symbolic link (links are not followed)`);
        }
      }
    }
    return files.sort();
  }
}
