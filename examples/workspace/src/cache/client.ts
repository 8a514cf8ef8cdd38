import Redis from 'ioredis';
import { logger } from '../shared/logger';
import { metrics } from '../shared/metrics';
import { cacheKey } from './keys';
import { ttlFor, type CacheNamespace } from './ttl';

export interface CacheOptions {
  url: string;
  /** Milliseconds to wait for Redis before treating a read as a miss. */
  timeoutMs?: number;
}

export interface LoadOptions {
  /** Keep empty results too (an empty list, null). Off unless asked for. */
  cacheEmpty?: boolean;
  ttlSeconds?: number;
}

/**
 * Read-through cache shared by checkout, search and notifications. A cache
 * failure is never fatal: reads fall back to the loader, writes are dropped.
 */
export class CacheClient {
  private readonly redis: Redis;
  private readonly timeoutMs: number;

  constructor(options: CacheOptions) {
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.timeoutMs = options.timeoutMs ?? 50;
  }

  async get<T>(ns: CacheNamespace, id: string): Promise<T | undefined> {
    const key = cacheKey(ns, id);
    const started = performance.now();
    try {
      const raw = await withTimeout(this.redis.get(key), this.timeoutMs);
      metrics.cacheLookups.inc({ ns, result: raw === null ? 'miss' : 'hit' });
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (err) {
      metrics.cacheLookups.inc({ ns, result: 'error' });
      logger.warn({ err, key }, 'cache read failed; treating as a miss');
      return undefined;
    } finally {
      metrics.cacheLatency.observe({ ns, op: 'get' }, performance.now() - started);
    }
  }

  async set<T>(ns: CacheNamespace, id: string, value: T, ttlSeconds = ttlFor(ns)): Promise<void> {
    const key = cacheKey(ns, id);
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
    } catch (err) {
      logger.warn({ err, key }, 'cache write failed; value not cached');
    }
  }

  /** Sets the key only if it is absent; true when this call created it. */
  async setIfAbsent(ns: CacheNamespace, id: string, ttlSeconds = ttlFor(ns)): Promise<boolean> {
    const created = await this.redis.set(cacheKey(ns, id), '1', 'EX', ttlSeconds, 'NX');
    return created === 'OK';
  }

  async getOrLoad<T>(ns: CacheNamespace, id: string, load: () => Promise<T>, options: LoadOptions = {}): Promise<T> {
    const hit = await this.get<T>(ns, id);
    if (hit !== undefined) return hit;
    const value = await load();
    // An empty answer is more often a symptom (a half-built index, an upstream
    // hiccup) than a fact; keeping it for the whole TTL prolonged INC-2026-010.
    if (!options.cacheEmpty && isEmptyResult(value)) return value;
    await this.set(ns, id, value, options.ttlSeconds ?? ttlFor(ns));
    return value;
  }

  async delete(ns: CacheNamespace, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.redis.del(...ids.map((id) => cacheKey(ns, id)));
  }
}

export function isEmptyResult(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'items' in value && Array.isArray(value.items)) return value.items.length === 0;
  return false;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`cache timeout after ${ms} ms`)), ms)),
  ]);
}
