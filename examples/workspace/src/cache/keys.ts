import { createHash } from 'node:crypto';
import type { CacheNamespace } from './ttl';

/** Bump when the shape of cached values changes, so old entries are ignored. */
export const KEY_SCHEMA_VERSION = 3;

export function cacheKey(ns: CacheNamespace, id: string): string {
  return `larder:v${KEY_SCHEMA_VERSION}:${ns}:${id}`;
}

export interface SearchKeyInput {
  text: string;
  category?: string;
  locale: string;
  page: number;
}

/**
 * Search results are cached per normalised query, so "Oat  Milk" and
 * "oat milk" share one entry. Changing this function changes every key:
 * warm the cache when you deploy it (see src/search/warmup.ts).
 */
export function searchKey(query: SearchKeyInput): string {
  const normalised = [
    query.text.trim().toLowerCase().replace(/\s+/g, ' '),
    query.category ?? '*',
    query.locale,
    String(query.page),
  ].join('|');
  return createHash('sha1').update(normalised).digest('hex').slice(0, 16);
}
