import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { logger } from '../shared/logger';
import { metrics } from '../shared/metrics';

export type CacheNamespace =
  | 'product'
  | 'basket-prices'
  | 'promotions'
  | 'search-results'
  | 'search-suggest'
  | 'notify-dedupe';

/** Safety net for a namespace missing from config/cache.yaml. */
const DEFAULT_TTL_SECONDS = 300;

interface CacheConfig {
  version: number;
  namespaces: Partial<Record<CacheNamespace, number>>;
}

let loaded: CacheConfig | undefined;

function cacheConfig(): CacheConfig {
  if (!loaded) {
    const file = join(__dirname, '..', '..', 'config', 'cache.yaml');
    loaded = parse(readFileSync(file, 'utf8')) as CacheConfig;
  }
  return loaded;
}

/** TTL in seconds for a namespace, from config/cache.yaml. */
export function ttlFor(ns: CacheNamespace): number {
  const configured = cacheConfig().namespaces[ns];
  if (configured !== undefined) return configured;
  // A silent fallback hid which namespaces depended on it (INC-2026-014).
  metrics.cacheFallbackTtl.inc({ ns });
  logger.warn({ ns, ttl: DEFAULT_TTL_SECONDS }, 'no TTL for cache namespace in config/cache.yaml');
  return DEFAULT_TTL_SECONDS;
}

export function cacheConfigVersion(): number {
  return cacheConfig().version;
}
