import { Counter, Gauge, Histogram, register } from 'prom-client';

const latencyBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

export const metrics = {
  cacheLookups: new Counter({
    name: 'larder_cache_lookups_total',
    help: 'Cache lookups by namespace and result (hit, miss, error)',
    labelNames: ['ns', 'result'],
  }),
  cacheLatency: new Histogram({
    name: 'larder_cache_latency_ms',
    help: 'Cache operation latency in milliseconds',
    labelNames: ['ns', 'op'],
    buckets: latencyBuckets,
  }),
  cacheFallbackTtl: new Counter({
    name: 'larder_cache_fallback_ttl_total',
    help: 'Writes that used the fallback TTL because config/cache.yaml has no entry',
    labelNames: ['ns'],
  }),
  priceInvalidations: new Counter({
    name: 'larder_price_invalidations_total',
    help: 'Price change events applied to the cache, by channel',
    labelNames: ['channel'],
  }),
  checkoutSubmit: new Histogram({
    name: 'larder_checkout_submit_ms',
    help: 'Time to submit an order, from request to payment result',
    labelNames: ['outcome'],
    buckets: latencyBuckets,
  }),
  paymentAttempts: new Counter({
    name: 'larder_payment_attempts_total',
    help: 'Calls to the payment provider by outcome',
    labelNames: ['outcome'],
  }),
  searchLatency: new Histogram({
    name: 'larder_search_latency_ms',
    help: 'Search request latency in milliseconds',
    labelNames: ['cache'],
    buckets: latencyBuckets,
  }),
  queueOldestAge: new Gauge({
    name: 'larder_notification_oldest_job_age_seconds',
    help: 'Age of the oldest waiting notification job, per lane',
    labelNames: ['lane'],
  }),
};

export { register };
