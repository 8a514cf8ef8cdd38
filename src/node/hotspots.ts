/**
 * Hotspots for one workspace folder: its files, its git history (cached per
 * HEAD) and the scoring, for the command-line tool and the editor alike.
 */
import { historyRequestFor } from '../core/hotspots/historyRequest';
import { type ScoreSettings, scoreHotspots } from '../core/hotspots/score';
import { EMPTY_HISTORY, type HistoryFacts, type HotspotIncident, type HotspotRanking } from '../core/hotspots/types';
import { listTrackedFiles, walkFolderFiles } from './folderFiles';
import { readGitHistory, readRepositoryState } from './gitHistory';
import { HistoryCache, historyCacheKey } from './historyCache';

export interface ComputeHotspotsOptions {
  /** Epoch ms that recency is measured from. */
  readonly now: number;
  readonly scoring?: Omit<ScoreSettings, 'now'>;
  /** False in an untrusted workspace: explicit `code:` links only, and no git process at all. */
  readonly useGit?: boolean;
  /** Where history is cached per HEAD (the extension's storage); no caching without it. */
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
  readonly fromCache: boolean;
}

export async function computeHotspots(folder: string, incidents: readonly HotspotIncident[], options: ComputeHotspotsOptions): Promise<HotspotsResult> {
  const useGit = options.useGit ?? true;
  const [files, { history, fromCache }] = await Promise.all([
    options.folderFiles ?? folderFileList(folder, useGit, options.signal),
    useGit ? cachedHistory(folder, incidents, options) : { history: EMPTY_HISTORY, fromCache: false },
  ]);
  const ranking = scoreHotspots({ incidents, history, repoFiles: files }, { ...options.scoring, now: options.now });
  return { ranking, history, folderFiles: files, fromCache };
}

async function folderFileList(folder: string, useGit: boolean, signal?: AbortSignal): Promise<readonly string[]> {
  return (useGit ? await listTrackedFiles(folder, signal) : undefined) ?? (await walkFolderFiles(folder, signal));
}

async function cachedHistory(folder: string, incidents: readonly HotspotIncident[], options: ComputeHotspotsOptions): Promise<{ history: HistoryFacts; fromCache: boolean }> {
  const request = historyRequestFor(incidents);
  const state = await readRepositoryState(folder, options.signal);
  const readOptions = { signal: options.signal, onProgress: options.onProgress, state };
  if (!state || options.cacheDirectory === undefined) return { history: await readGitHistory(folder, request, readOptions), fromCache: false };
  const cache = new HistoryCache(options.cacheDirectory);
  const key = historyCacheKey(state, request);
  const cached = await cache.get(key);
  if (cached) return { history: cached, fromCache: true };
  const history = await readGitHistory(folder, request, readOptions);
  await cache.set(key, history);
  return { history, fromCache: false };
}
