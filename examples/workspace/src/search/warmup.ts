import { logger } from '../shared/logger';
import { search, type SearchRequest } from './query';

/**
 * Fills the search cache with the most frequent queries before traffic does.
 * Run it after any change to src/cache/keys.ts (every key changes) and after
 * a cache flush: a cold cache sends all traffic to the cluster (INC-2026-017).
 */
export async function warmSearchCache(topQueries: SearchRequest[], concurrency = 8): Promise<number> {
  let warmed = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < topQueries.length) {
      const request = topQueries[next++];
      try {
        await search(request);
        warmed++;
      } catch (err) {
        logger.warn({ err, text: request.text }, 'warm-up query failed');
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  logger.info({ warmed, requested: topQueries.length }, 'search cache warmed');
  return warmed;
}
