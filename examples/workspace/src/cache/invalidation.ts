import type Redis from 'ioredis';
import { logger } from '../shared/logger';
import { metrics } from '../shared/metrics';
import type { CacheClient } from './client';

/**
 * Channels on which the pricing service announces price changes. Pricing
 * renamed its channel in August; we listen on both names until the old one
 * is retired (INC-2026-013).
 */
export const PRICE_CHANNELS = ['pricing.price-changed', 'prices.changed'] as const;

interface PriceChanged {
  sku: string;
  /** When the new price applies; pricing announces changes as they take effect. */
  effectiveFrom: string;
}

export async function startPriceInvalidation(cache: CacheClient, subscriber: Redis): Promise<void> {
  await subscriber.subscribe(...PRICE_CHANNELS);
  subscriber.on('message', (channel: string, payload: string) => {
    let event: PriceChanged;
    try {
      event = JSON.parse(payload) as PriceChanged;
    } catch (err) {
      logger.warn({ err, channel }, 'ignoring malformed price event');
      return;
    }
    // Basket quotes are not touched: they are keyed by basket version and
    // expire within minutes (config/cache.yaml).
    void cache
      .delete('product', [event.sku])
      .then(() => metrics.priceInvalidations.inc({ channel }))
      .catch((err: unknown) => logger.error({ err, sku: event.sku }, 'price invalidation failed'));
  });
  logger.info({ channels: PRICE_CHANNELS }, 'listening for price changes');
}
