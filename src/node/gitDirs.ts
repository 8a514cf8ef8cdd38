/**
 * Where a folder's repository keeps HEAD (its git dir) and its branches, loose
 * and packed (the common dir). Both are elsewhere for a folder inside a larger
 * repository, and they differ in a linked worktree. One git call.
 */
import * as path from 'node:path';
import { runGit } from './gitProcess';

export interface GitDirs {
  readonly gitDir: string;
  readonly commonDir: string;
}

/** Absolute paths; undefined outside a repository or where git cannot run. */
export async function readGitDirs(folder: string, signal?: AbortSignal): Promise<GitDirs | undefined> {
  const result = await runGit(folder, ['rev-parse', '--git-dir', '--git-common-dir'], { signal });
  if (!result.ok) return undefined;
  const [gitDir = '', commonDir = ''] = result.stdout.split('\n');
  if (gitDir === '') return undefined;
  // git answers relative to the folder it ran in when the repository is around it.
  return { gitDir: path.resolve(folder, gitDir), commonDir: path.resolve(folder, commonDir || gitDir) };
}
