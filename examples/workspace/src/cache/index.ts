import { config } from '../shared/config';
import { CacheClient } from './client';

export { CacheClient, isEmptyResult } from './client';
export { cacheKey, searchKey } from './keys';
export { ttlFor, cacheConfigVersion, type CacheNamespace } from './ttl';

let shared: CacheClient | undefined;

/** The process-wide cache client, created on first use. */
export function cache(): CacheClient {
  shared ??= new CacheClient({ url: config().redis.cacheUrl });
  return shared;
}
