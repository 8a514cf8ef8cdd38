/** The workspace host over the editor's file system, for one workspace folder. */
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { SKIPPED_FOLDERS, SKIPPED_FOLDERS_GLOB } from '../core/skippedFolders';
import { isOutsideWorkspace } from '../core/summarize';
import type { CommitLookup, FileStat, WorkspaceHost } from '../core/workspace';

/**
 * A glob's base folder is listed once for this long: the checks of one batch
 * of file events (a branch switch) look up many links under the same folders,
 * and batches that run side by side share the listing.
 */
const LISTING_TTL_MS = 3_000;

/** Past this many, the remembered uris are dropped and rebuilt as asked for. */
const MAX_REMEMBERED_URIS = 100_000;

export class EditorWorkspaceHost implements WorkspaceHost {
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly listings = new Map<string, { readonly at: number; readonly files: Promise<string[]> }>();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly commits: CommitLookup | undefined,
    /** Told about files that are skipped (unreadable, symbolic links). */
    private readonly note: (message: string) => void = () => undefined,
  ) {}

  uriOf(path: string): vscode.Uri {
    // Remembered: the diagnostics and the views ask for every incident's uri on each change, and joinPath is not cheap at 10,000 paths.
    let uri = this.uris.get(path);
    if (!uri) {
      if (this.uris.size >= MAX_REMEMBERED_URIS) this.uris.clear();
      uri = vscode.Uri.joinPath(this.folder.uri, ...path.split('/'));
      this.uris.set(path, uri);
    }
    return uri;
  }

  /** The folder-relative path of a uri, or undefined when it is outside this folder. */
  relativePath(uri: vscode.Uri): string | undefined {
    const base = this.folder.uri.path.replace(/\/$/, '');
    if (uri.scheme !== this.folder.uri.scheme || uri.authority !== this.folder.uri.authority) return undefined;
    if (!uri.path.startsWith(`${base}/`)) return undefined;
    return uri.path.slice(base.length + 1);
  }

  async listFiles(glob: string): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, glob), SKIPPED_FOLDERS_GLOB);
    return uris.map((uri) => this.relativePath(uri)).filter((path): path is string => path !== undefined);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uriOf(path));
      // As on the command line: a link is not followed (it could lead out of the folder, and the two must report the same files).
      if (stat.type & vscode.FileType.SymbolicLink) {
        this.note(`Skipped ${path}: a symbolic link (links are not followed)`);
        return undefined;
      }
      return stat.type & vscode.FileType.File ? { size: stat.size, mtimeMs: stat.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  async readFile(path: string): Promise<string | undefined> {
    const uri = this.uriOf(path);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      // A missing file is an answer (the catalog is optional); one that is there and cannot be read is worth a note.
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.note(`Skipped ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  async pathExists(pathOrGlob: string): Promise<boolean> {
    const scan = picomatch.scan(pathOrGlob);
    if (!scan.isGlob) return (await this.statAny(pathOrGlob)) !== undefined;
    if (isOutsideWorkspace(scan.base)) return false;
    // A glob over the whole folder would list every file: the editor's search stops at the first match instead.
    if (!scan.base) return (await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, pathOrGlob), SKIPPED_FOLDERS_GLOB, 1)).length > 0;
    const isMatch = picomatch(pathOrGlob, { dot: true });
    return (await this.filesUnder(scan.base)).some((path) => isMatch(path));
  }

  /** Forgets the remembered listings that files created or deleted at these paths make wrong. */
  forgetListingsAround(paths: readonly string[]): void {
    for (const base of [...this.listings.keys()]) {
      if (paths.some((path) => path === base || path.startsWith(`${base}/`) || base.startsWith(`${path}/`))) this.listings.delete(base);
    }
  }

  /** Every file below a folder, relative to the folder; remembered for a few seconds. */
  private filesUnder(base: string): Promise<string[]> {
    const key = base.replace(/\/+$/, '');
    const now = performance.now();
    const listed = this.listings.get(key);
    if (listed && now - listed.at < LISTING_TTL_MS) return listed.files;
    const files = this.walk(key);
    this.listings.set(key, { at: now, files });
    // Old listings go: a folder's file names are not worth keeping once they are stale.
    for (const [other, { at }] of this.listings) if (now - at >= LISTING_TTL_MS) this.listings.delete(other);
    return files;
  }

  /**
   * Reads the folders themselves rather than asking the editor's search,
   * which starts a process per question: in the load run, one per linked glob
   * per batch of a branch switch, each holding the extension host for a while.
   * Links are not followed, as on the command line.
   */
  private async walk(base: string): Promise<string[]> {
    const files: string[] = [];
    const pending = [base];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(this.uriOf(dir));
      } catch {
        continue;
      }
      for (const [name, type] of entries) {
        if (type & vscode.FileType.SymbolicLink) continue;
        const path = `${dir}/${name}`;
        if (type & vscode.FileType.Directory) {
          if (!SKIPPED_FOLDERS.has(name)) pending.push(path);
        } else if (type & vscode.FileType.File) {
          files.push(path);
        }
      }
    }
    return files;
  }

  private async statAny(path: string): Promise<vscode.FileStat | undefined> {
    try {
      return await vscode.workspace.fs.stat(this.uriOf(path));
    } catch {
      return undefined;
    }
  }
}
