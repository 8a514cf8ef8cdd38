/**
 * Git history facts cached per repository HEAD: with HEAD and the incidents'
 * commits and ids unchanged, history reads the same, so a warm start reads
 * one small file instead of walking git.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { HistoryFacts, HistoryRequest } from '../core/hotspots/types';
import type { RepositoryState } from './gitHistory';

/** Bump when what is cached changes shape or meaning. */
const CACHE_FORMAT = 1;
const FILE_PREFIX = 'hotspots-history-';
/** Enough for a few branches and incident edits; older entries are removed. */
const KEPT_ENTRIES = 8;

/**
 * HEAD, where the folder sits in the repository, the shallow boundary (a
 * deepened clone reads more history at the same HEAD) and the request: the
 * part of the incident files that git reading depends on, so editing a
 * title does not cost a re-read but listing a commit does.
 */
export function historyCacheKey(state: RepositoryState, request: HistoryRequest): string {
  const material = { format: CACHE_FORMAT, head: state.head, prefix: state.prefix, shallow: state.shallowBoundary, request };
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

export class HistoryCache {
  constructor(private readonly directory: string) {}

  async get(key: string): Promise<HistoryFacts | undefined> {
    try {
      const cached: unknown = JSON.parse(await fs.readFile(this.file(key), 'utf8'));
      return isHistoryFacts(cached) ? cached : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort: a cache that cannot be written only costs the next start its speed. */
  async set(key: string, facts: HistoryFacts): Promise<void> {
    try {
      await fs.mkdir(this.directory, { recursive: true });
      const temporary = `${this.file(key)}.${process.pid}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(facts));
      await fs.rename(temporary, this.file(key));
      await this.prune();
    } catch {
      // Read-only or full storage: nothing to do but read git again next time.
    }
  }

  private async prune(): Promise<void> {
    const names = (await fs.readdir(this.directory)).filter((name) => name.startsWith(FILE_PREFIX) && name.endsWith('.json'));
    if (names.length <= KEPT_ENTRIES) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(this.directory, name))).mtimeMs })));
    dated.sort((a, b) => b.mtime - a.mtime);
    await Promise.all(dated.slice(KEPT_ENTRIES).map(({ name }) => fs.rm(path.join(this.directory, name), { force: true })));
  }

  private file(key: string): string {
    return path.join(this.directory, `${FILE_PREFIX}${key}.json`);
  }
}

function isHistoryFacts(value: unknown): value is HistoryFacts {
  if (typeof value !== 'object' || value === null) return false;
  const facts = value as Partial<Record<keyof HistoryFacts, unknown>>;
  return Array.isArray(facts.commits) && Array.isArray(facts.problems) && typeof facts.resolved === 'object' && facts.resolved !== null;
}
