/** Commit existence through simple-git: one `git log` per scan, never a process per sha. */
import { simpleGit } from 'simple-git';
import type { CommitLookup } from '../core/workspace';

export class GitCommitLookup implements CommitLookup {
  constructor(private readonly folder: string) {}

  async knownCommits(shas: readonly string[]): Promise<ReadonlySet<string> | undefined> {
    try {
      const git = simpleGit({ baseDir: this.folder, maxConcurrentProcesses: 1 });
      if (!(await git.checkIsRepo())) return undefined;
      // In a shallow clone an absent commit may just be outside the clone's depth.
      if ((await git.revparse(['--is-shallow-repository'])).trim() === 'true') return undefined;
      const all = (await git.raw(['log', '--all', '--format=%H'])).split('\n').filter(Boolean).sort();
      const known = new Set<string>();
      for (const sha of shas) if (hasPrefix(all, sha.toLowerCase())) known.add(sha);
      return known;
    } catch {
      return undefined;
    }
  }
}

/** Binary search for a full sha that starts with an abbreviated one. */
function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low].startsWith(prefix);
}
