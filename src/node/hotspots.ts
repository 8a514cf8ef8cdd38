/**
 * Hotspots for one workspace folder: its files, its git history (cached per
 * HEAD) and the scoring, for the command-line tool and the editor alike.
 */
import { historyRequestFor } from '../core/hotspots/historyRequest';
import { type ScoreSettings, scoreHotspots } from '../core/hotspots/score';
import { EMPTY_HISTORY, type HistoryFacts, type HotspotIncident, type HotspotRanking } from '../core/hotspots/types';
import { listTrackedFiles, walkFolderFiles } from './folderFiles';
import { readGitHistory, readRepositoryState, type RepositoryState } from './gitHistory';
import { fileListCacheKey, historyCacheKey, HotspotsCache, isFileList, isHistoryFacts } from './hotspotsCache';

export interface ComputeHotspotsOptions {
  /** Epoch ms that recency is measured from. */
  readonly now: number;
  readonly scoring?: Omit<ScoreSettings, 'now'>;
  /** False in an untrusted workspace: explicit `code:` links only, and no git process at all. */
  readonly useGit?: boolean;
  /** Where history and file lists are cached (the extension's storage); no caching without it. */
  readonly cacheDirectory?: string;
  readonly signal?: AbortSignal;
  /** Called now and then while a cold scan walks history. */
  readonly onProgress?: (commitsWalked: number) => void;
  /** The folder's files if the caller has them (the editor's file search); else git or a folder walk. */
  readonly folderFiles?: readonly string[];
}

export interface HotspotsResult {
  readonly ranking: HotspotRanking;
  /** Kept so views can re-score a filtered set of incidents without reading git again. */
  readonly history: HistoryFacts;
  readonly folderFiles: readonly string[];
  /** Whether git history came from the cache. */
  readonly fromCache: boolean;
}

export async function computeHotspots(folder: string, incidents: readonly HotspotIncident[], options: ComputeHotspotsOptions): Promise<HotspotsResult> {
  const state = options.useGit === false ? undefined : await readRepositoryState(folder, options.signal);
  const cache = options.cacheDirectory === undefined ? undefined : new HotspotsCache(options.cacheDirectory);
  const [files, history] = await Promise.all([
    options.folderFiles ?? folderFileList(folder, state, cache, options.signal),
    options.useGit === false ? { facts: EMPTY_HISTORY, fromCache: false } : cachedHistory(folder, incidents, state, cache, options),
  ]);
  const ranking = scoreHotspots({ incidents, history: history.facts, repoFiles: files }, { ...options.scoring, now: options.now });
  return { ranking, history: history.facts, folderFiles: files, fromCache: history.fromCache };
}

/** Tracked files (cached per index), or a walk of the folder where git has none. */
async function folderFileList(folder: string, state: RepositoryState | undefined, cache: HotspotsCache | undefined, signal?: AbortSignal): Promise<readonly string[]> {
  if (!state) return walkFolderFiles(folder, signal);
  const key = cache && (await fileListCacheKey(state));
  const cached = key === undefined ? undefined : await cache?.get('files', key, isFileList);
  if (cached) return cached;
  const files = await listTrackedFiles(folder, signal);
  if (!files) return walkFolderFiles(folder, signal);
  if (key !== undefined) await cache?.set('files', key, files);
  return files;
}

async function cachedHistory(
  folder: string,
  incidents: readonly HotspotIncident[],
  state: RepositoryState | undefined,
  cache: HotspotsCache | undefined,
  options: ComputeHotspotsOptions,
): Promise<{ facts: HistoryFacts; fromCache: boolean }> {
  const request = historyRequestFor(incidents);
  const read = () => readGitHistory(folder, request, { signal: options.signal, onProgress: options.onProgress, state });
  if (!state || !cache) return { facts: await read(), fromCache: false };
  const key = historyCacheKey(state, request);
  const cached = await cache.get('history', key, isHistoryFacts);
  if (cached) return { facts: cached, fromCache: true };
  const facts = await read();
  await cache.set('history', key, facts);
  return { facts, fromCache: false };
}
