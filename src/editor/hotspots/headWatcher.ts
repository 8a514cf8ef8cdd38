/**
 * Tells when HEAD may have moved: a checkout rewrites HEAD in the git dir; a
 * commit, fetch or `git pack-refs` rewrites a branch, loose or in
 * packed-refs, in the common dir. git says where those are, so a folder
 * inside a larger repository or a linked worktree is watched too.
 */
import * as vscode from 'vscode';
import { type GitDirs, readGitDirs } from '../../node/gitDirs';

const BRANCHES = '{packed-refs,refs/heads/**}';
const HEAD_AND_BRANCHES = '{HEAD,packed-refs,refs/heads/**}';

/** Starts a git process: for trusted workspaces only. */
export function watchHead(folder: vscode.WorkspaceFolder, onMove: () => void): vscode.Disposable {
  const watchers: vscode.FileSystemWatcher[] = [];
  let disposed = false;
  // A folder git cannot run in is watched as if it had no repository yet.
  void readGitDirs(folder.uri.fsPath).catch(() => undefined).then((dirs) => {
    if (disposed) return;
    for (const pattern of headPatterns(folder, dirs)) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(onMove);
      watcher.onDidChange(onMove);
      watchers.push(watcher);
    }
  });
  return new vscode.Disposable(() => {
    disposed = true;
    for (const watcher of watchers) watcher.dispose();
  });
}

function headPatterns(folder: vscode.WorkspaceFolder, dirs: GitDirs | undefined): vscode.RelativePattern[] {
  // Not a repository yet: a `git init` here and a first commit are still noticed.
  if (!dirs) return [new vscode.RelativePattern(folder, `.git/${HEAD_AND_BRANCHES}`)];
  if (dirs.gitDir === dirs.commonDir) return [new vscode.RelativePattern(vscode.Uri.file(dirs.gitDir), HEAD_AND_BRANCHES)];
  return [new vscode.RelativePattern(vscode.Uri.file(dirs.gitDir), 'HEAD'), new vscode.RelativePattern(vscode.Uri.file(dirs.commonDir), BRANCHES)];
}
