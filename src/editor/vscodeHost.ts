/** The workspace host over the editor's file system, for one workspace folder. */
import * as vscode from 'vscode';
import type { CommitLookup, FileStat, WorkspaceHost } from '../core/workspace';

const EXCLUDE = '{**/node_modules/**,**/.git/**}';

export class EditorWorkspaceHost implements WorkspaceHost {
  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly commits: CommitLookup | undefined,
  ) {}

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, ...path.split('/'));
  }

  /** The folder-relative path of a uri, or undefined when it is outside this folder. */
  relativePath(uri: vscode.Uri): string | undefined {
    const base = this.folder.uri.path.replace(/\/$/, '');
    if (uri.scheme !== this.folder.uri.scheme || uri.authority !== this.folder.uri.authority) return undefined;
    if (!uri.path.startsWith(`${base}/`)) return undefined;
    return uri.path.slice(base.length + 1);
  }

  async listFiles(glob: string): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, glob), EXCLUDE);
    return uris.map((uri) => this.relativePath(uri)).filter((path): path is string => path !== undefined);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uriOf(path));
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
    } catch {
      return undefined;
    }
  }

  async pathExists(pathOrGlob: string): Promise<boolean> {
    if (!/[*?[\]{}]/.test(pathOrGlob)) return (await this.statAny(pathOrGlob)) !== undefined;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, pathOrGlob), EXCLUDE, 1);
    return found.length > 0;
  }

  private async statAny(path: string): Promise<vscode.FileStat | undefined> {
    try {
      return await vscode.workspace.fs.stat(this.uriOf(path));
    } catch {
      return undefined;
    }
  }
}
