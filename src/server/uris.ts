/**
 * Folder-relative paths and URIs as clients send them. Clients encode URIs
 * differently (VS Code writes `%3A`, Neovim leaves `:`), so paths are
 * compared decoded; a URI outside the folder, or one that climbs out of it
 * with `..`, has no path.
 */

interface ParsedUri {
  readonly origin: string;
  /** Decoded, without a trailing slash. */
  readonly path: string;
}

export class FolderUris {
  private readonly folder: ParsedUri | undefined;
  private readonly base: string;

  constructor(readonly folderUri: string) {
    this.folder = parseUri(folderUri);
    this.base = folderUri.replace(/\/+$/, '');
  }

  /** The `/`-separated path of a file inside the folder; undefined for anything else. */
  relativePath(uri: string): string | undefined {
    const file = parseUri(uri);
    if (!this.folder || !file || file.origin !== this.folder.origin) return undefined;
    const prefix = `${this.folder.path}/`;
    if (!file.path.startsWith(prefix)) return undefined;
    const relative = file.path.slice(prefix.length);
    const parts = relative.split('/');
    if (relative === '' || parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
    return relative;
  }

  uriOf(path: string): string {
    return `${this.base}/${path.split('/').map(encodeURIComponent).join('/')}`;
  }
}

function parseUri(uri: string): ParsedUri | undefined {
  const match = /^([a-z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(uri);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[3]);
  } catch {
    return undefined;
  }
  // Windows drive letters come as `C:` or `c:` depending on the client.
  path = path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`).replace(/\/+$/, '');
  return { origin: `${match[1].toLowerCase()}://${match[2].toLowerCase()}`, path };
}
