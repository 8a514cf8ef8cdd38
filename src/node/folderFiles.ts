/** The files of a workspace folder, relative to it, for code links with globs or folders. */
import { type Dirent, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SKIPPED_FOLDERS } from '../core/skippedFolders';
import { runGit } from './gitProcess';

const MAX_WALKED_FILES = 200_000;

/** Tracked files through `git ls-files`; undefined when git cannot answer. */
export async function listTrackedFiles(folder: string, signal?: AbortSignal): Promise<string[] | undefined> {
  const result = await runGit(folder, ['-c', 'core.quotePath=false', 'ls-files', '-z'], { signal });
  return result.ok ? result.stdout.split('\0').filter((file) => file !== '') : undefined;
}

/** Files found by walking the folder: where git must not run (untrusted) or there is none. */
export async function walkFolderFiles(folder: string, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  for (let relative = pending.pop(); relative !== undefined && files.length < MAX_WALKED_FILES; relative = pending.pop()) {
    signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(folder, relative), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(child);
      } else if (entry.isFile()) {
        files.push(child);
      }
    }
  }
  return files;
}
