import Redis from 'ioredis';
import { config } from '../shared/config';

export interface BasketLine {
  sku: string;
  quantity: number;
}

export interface Basket {
  id: string;
  customerId: string;
  currency: 'GBP' | 'EUR';
  lines: BasketLine[];
  updatedAt: string;
}

/**
 * Baskets are state, not cache: they live in their own Redis with
 * maxmemory-policy noeviction (deploy/cache/sessions-redis.yaml), never in
 * the shared cache where LRU eviction may drop them (INC-2026-011).
 */
const sessions = new Redis(config().redis.sessionUrl, { maxRetriesPerRequest: 2 });
const BASKET_TTL_SECONDS = 14 * 24 * 3600;

export async function loadBasket(id: string): Promise<Basket | undefined> {
  const raw = await sessions.get(`basket:${id}`);
  return raw === null ? undefined : (JSON.parse(raw) as Basket);
}

export async function saveBasket(basket: Basket): Promise<void> {
  const value = JSON.stringify({ ...basket, updatedAt: new Date().toISOString() });
  await sessions.set(`basket:${basket.id}`, value, 'EX', BASKET_TTL_SECONDS);
}

export async function clearBasket(id: string): Promise<void> {
  await sessions.del(`basket:${id}`);
}
