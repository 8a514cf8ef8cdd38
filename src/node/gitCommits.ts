/** Commit existence through simple-git: one `git log` per scan, never a process per sha. */
import { simpleGit } from 'simple-git';
import type { CommitLookup } from '../core/workspace';

/** Typing re-checks a file often; the commit list is read again at most this often. */
const COMMIT_LIST_TTL_MS = 30_000;

export class GitCommitLookup implements CommitLookup {
  private listed: { at: number; commits: Promise<string[] | undefined> } | undefined;

  constructor(private readonly folder: string) {}

  async knownCommits(shas: readonly string[]): Promise<ReadonlySet<string> | undefined> {
    if (!this.listed || performance.now() - this.listed.at > COMMIT_LIST_TTL_MS) this.listed = { at: performance.now(), commits: this.listAll() };
    const all = await this.listed.commits;
    if (!all) return undefined;
    const known = new Set<string>();
    for (const sha of shas) if (hasPrefix(all, sha.toLowerCase())) known.add(sha);
    return known;
  }

  /** Every commit sha, sorted; undefined where git cannot tell what is missing. */
  private async listAll(): Promise<string[] | undefined> {
    try {
      const git = simpleGit({ baseDir: this.folder, maxConcurrentProcesses: 1 });
      if (!(await git.checkIsRepo())) return undefined;
      // In a shallow clone an absent commit may just be outside the clone's depth.
      if ((await git.revparse(['--is-shallow-repository'])).trim() === 'true') return undefined;
      return (await git.raw(['log', '--all', '--format=%H'])).split('\n').filter(Boolean).sort();
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
