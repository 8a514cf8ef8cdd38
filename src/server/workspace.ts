/** The server's workspace folders, and which folder a URI belongs to. */
import type { ServerFolder } from './folder';

export interface Located {
  readonly folder: ServerFolder;
  readonly path: string;
}

export class ServerWorkspace {
  private readonly folders = new Map<string, ServerFolder>();

  all(): ServerFolder[] {
    return [...this.folders.values()];
  }

  get(folderUri: string): ServerFolder | undefined {
    return this.folders.get(folderUri);
  }

  add(folder: ServerFolder): void {
    this.folders.set(folder.uris.folderUri, folder);
  }

  remove(folderUri: string): void {
    this.folders.delete(folderUri);
  }

  /**
   * The folder and folder-relative path of a file; undefined outside every
   * folder, so requests about such files are refused. With nested folders
   * the innermost one wins.
   */
  locate(uri: string): Located | undefined {
    let best: Located | undefined;
    for (const folder of this.folders.values()) {
      const path = folder.uris.relativePath(uri);
      if (path !== undefined && (!best || path.length < best.path.length)) best = { folder, path };
    }
    return best;
  }
}
