/**
 * What a warm start needs, cached as small JSON files (the extension's
 * storage): git history per HEAD and the tracked-file list per index, so
 * with nothing changed hotspots cost one `git rev-parse` and no walk.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { HistoryFacts, HistoryRequest } from '../core/hotspots/types';
import type { RepositoryState } from './gitHistory';

/** Bump when what is cached changes shape or meaning. */
const CACHE_FORMAT = 1;
/** Enough for a few branches and incident edits; older entries of a kind are removed. */
const KEPT_PER_KIND = 8;

export type CacheKind = 'history' | 'files';

/**
 * HEAD, where the folder sits in the repository, the shallow boundary (a
 * deepened clone reads more history at the same HEAD) and the request: the
 * part of the incident files that reading git depends on, so editing a
 * title costs no re-read but listing another commit does.
 */
export function historyCacheKey(state: RepositoryState, request: HistoryRequest): string {
  return digest({ format: CACHE_FORMAT, head: state.head, prefix: state.prefix, shallow: state.shallowBoundary, request });
}

/** The index's identity on disk: git rewrites it whenever the tracked files change. Undefined without an index. */
export async function fileListCacheKey(state: RepositoryState): Promise<string | undefined> {
  try {
    const index = await fs.stat(state.indexFile);
    return digest({ format: CACHE_FORMAT, index: state.indexFile, prefix: state.prefix, size: index.size, mtime: index.mtimeMs, inode: index.ino });
  } catch {
    return undefined;
  }
}

function digest(material: unknown): string {
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

export class HotspotsCache {
  constructor(private readonly directory: string) {}

  async get<T>(kind: CacheKind, key: string, isValid: (value: unknown) => value is T): Promise<T | undefined> {
    try {
      const cached: unknown = JSON.parse(await fs.readFile(this.file(kind, key), 'utf8'));
      return isValid(cached) ? cached : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort: a cache that cannot be written only costs the next start its speed. */
  async set(kind: CacheKind, key: string, value: unknown): Promise<void> {
    try {
      await fs.mkdir(this.directory, { recursive: true });
      const temporary = `${this.file(kind, key)}.${process.pid}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(value));
      await fs.rename(temporary, this.file(kind, key));
      await this.prune(kind);
    } catch {
      // Read-only or full storage: nothing to do but read git again next time.
    }
  }

  private async prune(kind: CacheKind): Promise<void> {
    const prefix = `hotspots-${kind}-`;
    const names = (await fs.readdir(this.directory)).filter((name) => name.startsWith(prefix) && name.endsWith('.json'));
    if (names.length <= KEPT_PER_KIND) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(this.directory, name))).mtimeMs })));
    dated.sort((a, b) => b.mtime - a.mtime);
    await Promise.all(dated.slice(KEPT_PER_KIND).map(({ name }) => fs.rm(path.join(this.directory, name), { force: true })));
  }

  private file(kind: CacheKind, key: string): string {
    return path.join(this.directory, `hotspots-${kind}-${key}.json`);
  }
}

export function isHistoryFacts(value: unknown): value is HistoryFacts {
  if (typeof value !== 'object' || value === null) return false;
  const facts = value as Partial<Record<keyof HistoryFacts, unknown>>;
  return Array.isArray(facts.commits) && Array.isArray(facts.problems) && typeof facts.resolved === 'object' && facts.resolved !== null;
}

export function isFileList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((file) => typeof file === 'string');
}
