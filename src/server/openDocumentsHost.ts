/** The folder's files as the client has them open: unsaved text wins over the disk. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommitLookup, FileStat, WorkspaceHost } from '../core/workspace';

export class OpenDocumentsHost implements WorkspaceHost {
  constructor(
    private readonly disk: WorkspaceHost,
    private readonly open: ReadonlyMap<string, TextDocument>,
  ) {}

  get commits(): CommitLookup | undefined {
    return this.disk.commits;
  }

  listFiles(glob: string): Promise<string[]> {
    return this.disk.listFiles(glob);
  }

  stat(path: string): Promise<FileStat | undefined> {
    return this.disk.stat(path);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.open.get(path)?.getText() ?? this.disk.readFile(path);
  }

  pathExists(pathOrGlob: string): Promise<boolean> {
    return this.open.has(pathOrGlob) ? Promise.resolve(true) : this.disk.pathExists(pathOrGlob);
  }
}
