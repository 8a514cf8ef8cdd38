#!/usr/bin/env node
// Turns examples/workspace into a git repository with a plausible history.
//
//   node scripts/make-example-repo.mjs DEST     build the repository in DEST
//                                               (DEST must not exist or be empty)
//   node scripts/make-example-repo.mjs --update-shas
//                                               rewrite the `sha:` and `ref:` values
//                                               in examples/workspace/incidents/ to
//                                               the commits of the generated history
//
// The history is a fixed list of commits (COMMITS below) from March to November
// 2026. Most commits take files at their final content (the files in
// examples/workspace); some take an earlier version, derived from the final one
// by the edits listed here, so that `git log -p` shows the bug lines that
// triggered an incident and the fix that changed them. The last commit leaves
// the tree exactly equal to examples/workspace.
//
// The history is written with `git fast-import` (one process, no hooks, no
// signing, no user or system git config): names, emails, dates and contents
// are fixed, so the commit ids are the same on every machine. The incidents
// name real commits of this history; when you change a file that is committed
// before an incident file, run `--update-shas` (it iterates until the ids no
// longer move) and commit the updated incidents.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exampleMove } from './example-day.cjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE = path.join(ROOT, 'examples', 'workspace');

// ---------------------------------------------------------------------------
// People (authors and committers)

const PEOPLE = {
  sam: ['Sam Ortiz', 'sam.ortiz@larder.example'],
  olu: ['Olu Adebayo', 'olu.adebayo@larder.example'],
  priya: ['Priya Shah', 'priya.shah@larder.example'],
  elif: ['Elif Demir', 'elif.demir@larder.example'],
  tomas: ['Tomas Reyes', 'tomas.reyes@larder.example'],
  ravi: ['Ravi Menon', 'ravi.menon@larder.example'],
  mei: ['Mei Chen', 'mei.chen@larder.example'],
  jonah: ['Jonah Brooks', 'jonah.brooks@larder.example'],
  nadia: ['Nadia Petrova', 'nadia.petrova@larder.example'],
  ana: ['Ana Lima', 'ana.lima@larder.example'],
  hugo: ['Hugo Laurent', 'hugo.laurent@larder.example'],
  leo: ['Leo Fischer', 'leo.fischer@larder.example'],
  gwen: ['Gwen Morgan', 'gwen.morgan@larder.example'],
};

// ---------------------------------------------------------------------------
// Helpers that derive earlier versions of a file from its final content

/** Applies [from, to] replacements in order; each `from` must occur exactly once. */
function edits(...pairs) {
  return (text, file) => {
    for (const [from, to] of pairs) {
      const at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new Error(`${file}: expected exactly one occurrence of ${JSON.stringify(from.slice(0, 80))}`);
      }
      text = text.slice(0, at) + to + text.slice(at + from.length);
    }
    return text;
  };
}

/** Applies several derivations in order. */
function chain(...steps) {
  return (text, file) => steps.reduce((acc, step) => step(acc, file), text);
}

/** Removes the block from the line starting with `start` up to (not including) the line starting with `end`. */
function cut(start, end) {
  return (text, file) => {
    const from = text.indexOf(start);
    const to = end === null ? text.length : text.indexOf(end, from + 1);
    if (from < 0 || to < 0) throw new Error(`${file}: cannot cut ${JSON.stringify(start)}..${JSON.stringify(end)}`);
    return text.slice(0, from) + text.slice(to);
  };
}

/** Removes one Prometheus rule (`      - alert: NAME` and its body). */
function dropAlert(name) {
  return (text, file) => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l === `      - alert: ${name}`);
    if (first < 0) throw new Error(`${file}: no alert ${name}`);
    let last = first + 1;
    while (last < lines.length && lines[last].startsWith('        ')) last++;
    lines.splice(first, last - first);
    return lines.join('\n');
  };
}

/**
 * The first version of a write-up: operational facts only. The review adds the
 * contributing factors, the action items, the review metadata and everything
 * in the body after the impact.
 */
function writeUpDraft(text, file) {
  const end = text.indexOf('\n---\n', 4);
  if (!text.startsWith('---\n') || end < 0) throw new Error(`${file}: no front matter`);
  let head = text.slice(0, end + 1);
  let body = text.slice(end + 5);
  head = head.replace(/^status: reviewed$/m, 'status: resolved');
  head = dropTopLevelKey(head, 'review');
  head = dropTopLevelKey(head, 'factors');
  head = dropTopLevelKey(head, 'actions');
  const narrative = body.indexOf('\n## Narrative');
  if (narrative < 0) throw new Error(`${file}: no Narrative section`);
  body = body.slice(0, narrative) + '\n## Narrative\n\nTo be written with everyone involved at the review.\n';
  return `${head}---\n${body}`;
}

function dropTopLevelKey(head, key) {
  const lines = head.split('\n');
  const first = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (first < 0) return head;
  let last = first + 1;
  while (last < lines.length && /^\s/.test(lines[last])) last++;
  lines.splice(first, last - first);
  return lines.join('\n');
}

const FINAL = (text) => text;
const DELETE = null;

// ---------------------------------------------------------------------------
// Earlier versions of the files that change over time

const v = {};

v.package0 = edits(
  ['"version": "3.14.0"', '"version": "3.0.0"'],
  ['"@opensearch-project/opensearch": "^2.11.0"', '"@opensearch-project/opensearch": "^2.5.0"'],
  ['"bullmq": "^5.12.0"', '"bullmq": "^5.7.1"'],
  ['"fastify": "^4.28.1"', '"fastify": "^4.26.2"'],
  ['"ioredis": "^5.4.1"', '"ioredis": "^5.3.2"'],
  ['"pino": "^9.3.2"', '"pino": "^8.19.0"'],
  ['"prom-client": "^15.1.3"', '"prom-client": "^15.1.0"'],
  ['"yaml": "^2.5.0"', '"yaml": "^2.4.1"'],
  ['"vitest": "^2.0.5"', '"vitest": "^1.4.0"'],
);

v.readme0 = () => `# Larder

Services behind the Larder online grocery shop: checkout, payments, search and
notifications, with their deployment files and runbooks.

- \`src/\` TypeScript services (Node 20)
- \`deploy/\` Helm values and Kubernetes manifests
- \`config/\` configuration shipped with the services
- \`docs/runbooks/\` what to do when something breaks

\`npm ci && npm run build && npm test\`
`;

v.logger0 = edits([", 'customer.email']", ']']);

// src/shared/config.ts and config/production.json grow with the incidents' fixes.
const configLanes = edits([
  '  notifications: {\n    emailRatePerSecond: number;\n    transactionalConcurrency: number;\n    bulkConcurrency: number;\n  };',
  '  notifications: { emailRatePerSecond: number; concurrency: number };',
]);
const configMinDocs = edits(['  search: { node: string; alias: string; minDocuments: number };', '  search: { node: string; alias: string };']);
const configSessions = edits(['  redis: { cacheUrl: string; sessionUrl: string };', '  redis: { cacheUrl: string };']);
const prodLanes = edits(['"transactionalConcurrency": 8,\n    "bulkConcurrency": 2', '"concurrency": 4']);
const prodMinDocs = edits(['"alias": "products",\n    "minDocuments": 40000', '"alias": "products"']);
const prodSessions = edits([',\n    "sessionUrl": "redis://sessions.larder.internal:6379"', '']);
const prodRetriesOff = edits(['"retry": { "enabled": true', '"retry": { "enabled": false']);

// src/shared/metrics.ts gains a metric with three of the fixes.
const metricsGauge = chain(
  edits(['import { Counter, Gauge, Histogram, register }', 'import { Counter, Histogram, register }']),
  cut('  queueOldestAge: new Gauge({', '};'),
);
const metricsPrice = cut('  priceInvalidations: new Counter({', '  checkoutSubmit:');
const metricsFallback = cut('  cacheFallbackTtl: new Counter({', '  priceInvalidations:');

// src/cache/client.ts
const clientSetIfAbsent = cut('  /** Sets the key only if it is absent;', '  async getOrLoad<T>');
const clientEmpty = chain(
  cut('export interface LoadOptions {', '/**\n * Read-through cache'),
  edits(
    ['load: () => Promise<T>, options: LoadOptions = {}): Promise<T> {', 'load: () => Promise<T>): Promise<T> {'],
    ['    await this.set(ns, id, value, options.ttlSeconds ?? ttlFor(ns));', '    await this.set(ns, id, value);'],
  ),
  cut('    // An empty answer is more often a symptom', '    await this.set(ns, id, value);'),
  cut('export function isEmptyResult(', 'function withTimeout<T>'),
);
const clientTimeout = edits(['options.timeoutMs ?? 50;', 'options.timeoutMs ?? 25;']);
const cacheIndexEmpty = edits(["export { CacheClient, isEmptyResult } from './client';", "export { CacheClient } from './client';"]);

// src/cache/ttl.ts: the INC-2026-014 trigger, revert and fix
const ttlDedupe = edits(["  | 'search-suggest'\n  | 'notify-dedupe';", "  | 'search-suggest';"]);
const ttlQuietFallback = chain(
  edits(
    ["import { logger } from '../shared/logger';\nimport { metrics } from '../shared/metrics';\n", ''],
    ['/** Safety net for a namespace missing from config/cache.yaml. */', '/** Used when config/cache.yaml has no entry for a namespace. */'],
  ),
  cut('  // A silent fallback hid which namespaces', '  return DEFAULT_TTL_SECONDS;'),
);
const ttlShortFallback = edits(
  ['/** Used when config/cache.yaml has no entry for a namespace. */\nconst DEFAULT_TTL_SECONDS = 300;',
    '/** Used when config/cache.yaml has no entry for a namespace. Short, so new promotions show quickly. */\nconst DEFAULT_TTL_SECONDS = 30;'],
);

// config/cache.yaml, versions 40 to 45
const cacheYaml = {
  v40: () => `# TTLs in seconds per cache namespace. Namespaces not listed here use the
# fallback TTL in src/cache/ttl.ts.
version: 40
namespaces:
  product: 21600
  search-results: 21600
  search-suggest: 3600
`,
  v41: () => cacheYaml.v40().replace('version: 40', 'version: 41').replace('search-results: 21600', 'search-results: 600'),
  v42: () => cacheYaml.v41().replace('version: 41', 'version: 42').replace('product: 21600', 'product: 1800'),
  v43: chain(edits(['version: 45', 'version: 43']), cut('  # Courier webhooks retry', null)),
  v44: chain(
    edits(['version: 45', 'version: 44']),
    edits([
      '  # Courier webhooks retry for up to 5 minutes and replay after outages:\n  # keep dedupe keys for a day (INC-2026-015).\n  notify-dedupe: 86400',
      '  # Courier webhooks are retried within minutes; one minute covers a retry.\n  notify-dedupe: 60',
    ]),
  ),
};

// src/cache/keys.ts: the INC-2026-017 trigger and mitigation
const keysWarmNote = edits([
  ' * "oat milk" share one entry. Changing this function changes every key:\n * warm the cache when you deploy it (see src/search/warmup.ts).\n */',
  ' * "oat milk" share one entry.\n */',
]);
const keysLocale = edits(['  locale: string;\n', ''], ['    query.locale,\n', '']);

// src/cache/invalidation.ts: one channel name until INC-2026-013
const invalidation0 = chain(
  edits(
    ["import { metrics } from '../shared/metrics';\n", ''],
    ['await subscriber.subscribe(...PRICE_CHANNELS);', 'await subscriber.subscribe(PRICE_CHANNEL);'],
    ['      .then(() => metrics.priceInvalidations.inc({ channel }))\n', ''],
    ["logger.info({ channels: PRICE_CHANNELS }, 'listening for price changes');", "logger.info({ channel: PRICE_CHANNEL }, 'listening for price changes');"],
  ),
  cut('/**\n * Channels on which the pricing service', 'interface PriceChanged'),
  edits(['\ninterface PriceChanged', "\n/** Pricing publishes every price change on this channel. */\nexport const PRICE_CHANNEL = 'prices.changed';\n\ninterface PriceChanged"]),
);

// deploy/cache
const redis0 = (text) =>
  text
    .replace(/^# Shared cache:[\s\S]*?\(INC-2026-011\)\.\n/, '# Shared Redis: cache namespaces and basket sessions.\n# Values for the bitnami/redis chart.\n')
    .replaceAll('memory: 8Gi', 'memory: 6Gi')
    .replace('maxmemory 6gb', 'maxmemory 4gb');
const alerts0 = chain(dropAlert('CacheFallbackTtlUsed'), dropAlert('PriceInvalidationsStopped'), dropAlert('SessionsRedisMemoryHigh'));
const alertsSessions = chain(dropAlert('CacheFallbackTtlUsed'), dropAlert('PriceInvalidationsStopped'));
const alertsPrice = dropAlert('CacheFallbackTtlUsed');

// src/checkout
const server0 = chain(
  cut('  // The platform standard is /healthz/*', "  app.get('/metrics'"),
  edits([
    "  app.get('/metrics'",
    "  app.get('/health/live', async () => ({ ok: true }));\n  app.get('/health/ready', async (_req, reply) => (ready ? { ok: true } : reply.code(503).send({ ok: false })));\n  app.get('/metrics'",
  ]),
);
const session0 = chain(
  cut('/**\n * Baskets are state, not cache', 'const sessions = '),
  edits(
    ['const sessions = new Redis(config().redis.sessionUrl', '/** Baskets share the cache Redis for now; they expire after two weeks. */\nconst sessions = new Redis(config().redis.cacheUrl'],
  ),
);
const orders0 = chain(
  edits(
    ["import { logger } from '../shared/logger';\n", ''],
    ['/** Reservations go to the stock service in batches of this many lines. */\nconst RESERVATION_BATCH = 25;\n', ''],
  ),
  cut('export async function reserveStock', null),
  (text) =>
    text +
    `export async function reserveStock(order: Order): Promise<void> {
  for (const line of order.lines) {
    const res = await fetch(\`\${STOCK_URL}/reservations\`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: order.id, sku: line.sku, quantity: line.quantity }),
    });
    if (!res.ok) throw new Error(\`stock responded \${res.status}\`);
  }
}
`,
);
const deployment0 = edits(
  ['  replicas: 6', '  replicas: 4'],
  ['      # Never remove a serving pod before its replacement is ready (INC-2026-016).\n      maxUnavailable: 0\n      maxSurge: 2', '      maxUnavailable: 50%\n      maxSurge: 1'],
  ['path: /healthz/ready', 'path: /health/ready'],
  ['path: /healthz/live', 'path: /health/live'],
);
const deploymentProbeSweep = edits(
  ['  replicas: 6', '  replicas: 4'],
  ['      # Never remove a serving pod before its replacement is ready (INC-2026-016).\n      maxUnavailable: 0\n      maxSurge: 2', '      maxUnavailable: 50%\n      maxSurge: 1'],
);
const hpa0 = edits(['minReplicas: 6', 'minReplicas: 4']);

// src/payments: the INC-2026-012 trigger and fix
v.payments0 = () => `import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { metrics } from '../shared/metrics';

export interface ChargeRequest {
  orderId: string;
  amountMinor: number;
  currency: 'GBP' | 'EUR';
  customerId: string;
}

export interface ChargeResult {
  paymentId: string;
  status: 'captured' | 'declined';
}

export async function charge(req: ChargeRequest): Promise<ChargeResult> {
  const { baseUrl, timeoutMs, retry } = config().payments;
  const key = randomUUID();
  const attempts = retry.enabled ? retry.attempts : 1;

  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(\`\${baseUrl}/charges\`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          authorization: \`Bearer \${process.env.PAYWELL_API_KEY ?? ''}\`,
        },
        body: JSON.stringify({
          amount: req.amountMinor,
          currency: req.currency,
          customer: req.customerId,
          reference: req.orderId,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      metrics.paymentAttempts.inc({ outcome: String(res.status) });
      if (res.status >= 500) throw new Error(\`provider responded \${res.status}\`);
      const body = (await res.json()) as { id: string; status: string };
      return { paymentId: body.id, status: body.status === 'succeeded' ? 'captured' : 'declined' };
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
`;
const paymentsSharedRetry = chain(
  edits(
    ["import { config } from '../shared/config';\nimport { logger } from '../shared/logger';", "import { randomUUID } from 'node:crypto';\nimport { config } from '../shared/config';"],
    ['  /** 1 for the first payment of an order; higher when the customer retries after a decline. */\n  paymentNumber?: number;\n', ''],
    ['  const key = idempotencyKey(req);\n', ''],
    ["'idempotency-key': key,", "'idempotency-key': randomUUID(),"],
    ['{ id: string; status: string; replayed?: boolean }', '{ id: string; status: string }'],
    ["    if (body.replayed) logger.info({ orderId: req.orderId, key }, 'provider replayed an earlier charge');\n", ''],
  ),
  cut('/**\n * The provider charges once per idempotency key.', 'export async function charge'),
);
const retryFirstDoc = edits([
  '/**\n * Calls `fn` up to `attempts` times. `fn` must be safe to repeat: for charges\n * that means every attempt sends the same idempotency key.\n */',
  '/** Calls `fn` up to `attempts` times with jittered exponential backoff. */',
]);

// src/search
const indexerComplete = chain(
  edits(
    ['/** Builds a fresh index and points the alias at it once it is complete. */', '/** Builds a fresh index and points the alias at it. */'],
    ['  await assertComplete(index, sent - rejected);\n', ''],
  ),
  cut('/**\n * Refuses to serve an index', 'async function swapAlias'),
);
const indexerAllergens = edits(['  allergens: string[];\n', ''], ["    allergens: { type: 'keyword' },\n", '']);
const opensearch0 = edits(['replicas: 4', 'replicas: 3']);

// src/notifications
v.queue0 = () => `import { Queue, type JobsOptions } from 'bullmq';
import { config } from '../shared/config';

const connection = { url: config().redis.cacheUrl };

export const emailQueue = new Queue('email', { connection });

const defaults: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 1000 };

export interface EmailJob {
  template: string;
  to: string;
  data: Record<string, unknown>;
}

export async function enqueueEmail(job: EmailJob): Promise<void> {
  await emailQueue.add(job.template, job, defaults);
}
`;
const queueNoAge = chain(
  edits(
    ["import { metrics } from '../shared/metrics';\n", ''],
    ['\n * and its own age alert (deploy/notifications/alerts.yaml) (INC-2026-009).', '\n * (INC-2026-009).'],
  ),
  cut('\n/** Exported every 15 s;', null),
  (text) => text.replace(/\n*$/, '\n'),
);
v.worker0 = () => `import { Worker } from 'bullmq';
import { config } from '../shared/config';
import { logger } from '../shared/logger';
import { sendEmail } from './email';
import type { EmailJob } from './queue';

const connection = { url: config().redis.cacheUrl };
const { concurrency } = config().notifications;

const worker = new Worker<EmailJob>('email', (job) => sendEmail(job.data), { connection, concurrency });

worker.on('failed', (job, err) => logger.warn({ err, jobId: job?.id }, 'email job failed'));
logger.info({ concurrency }, 'notification worker started');
`;
const workerNoAge = chain(
  edits(["import { recordOldestAge, type EmailJob } from './queue';", "import type { EmailJob } from './queue';"]),
  cut('setInterval(', 'logger.info({ transactionalConcurrency'),
);
const email0 = edits(["/** Simple token bucket shared by both lanes: the provider's limit is per account. */", "/** Simple token bucket: the provider's limit is per account. */"]);
const dedupeByStatus = chain(
  edits(
    ['  /** Unique per event; stays the same when the courier retries a webhook. */', '  /** Unique per event. */'],
    ['`courier:${event.eventId}`', '`order:${event.orderId}:${event.status}`'],
  ),
  cut('/**\n * True the first time an event is seen.', 'export async function firstDelivery'),
  edits(['export async function firstDelivery', '/** True the first time we see this status for this order, within the dedupe TTL. */\nexport async function firstDelivery']),
);

// docs/runbooks
const cacheRunbookWarm = cut('3. A key format change makes every entry cold', '\n## Stale prices');
const cacheRunbookStale = cut('## Stale prices', '## Empty or wrong search results');
const cacheRunbookSearch = cut('## Empty or wrong search results', null);
const cacheRunbook0 = chain(cacheRunbookWarm, cacheRunbookStale, cacheRunbookSearch, (t) => t.replace(/\n+$/, '\n'));
const searchRunbookWarm = edits([
  '2. If the cache is cold after a deploy, run the warm-up\n   (`src/search/warmup.ts`) with the top 5,000 queries of the last day.\n3. Scale',
  '2. Scale',
]);
const searchRunbookFlush = edits(['\n3. Delete cached search results (see `cache.md`).', '']);
const checkoutRunbook0 = edits([
  '2. Readiness answers on both `/healthz/ready` and `/health/ready`; compare\n   with the probe in `deploy/checkout/deployment.yaml`.\n3. Roll back',
  '2. Roll back',
]);
const paymentsRunbook0 = chain(
  edits([
    '2. Retries are safe only because every attempt sends the same idempotency\n   key. If in doubt, disable retries: set',
    '2. Timeouts are retried, which adds load. To stop retrying, set',
  ]),
  cut('\n## Suspected duplicate charges', null),
);
const notificationsRunbookDupes = cut('\n## Duplicate push notifications', null);
const notificationsRunbookAlert = edits([
  'Alert `TransactionalEmailDelayed`: the oldest order or delivery email has\nwaited more than ten minutes.',
  'Customers or support report late order confirmations.',
]);
const notificationsRunbookLanes = edits([
  '2. Is the bulk lane taking the shared rate limit? Pause it:\n   `node dist/notifications/admin.js pause email-bulk`.\n3. Ask marketing',
  '2. Ask marketing',
]);

// .github/CODEOWNERS and the catalog
const codeownersDeployCheckout = edits(['/deploy/checkout/         @larder/checkout @larder/platform\n', '']);
const codeownersPayments = edits([
  '# Any change to payment code needs a payments reviewer (INC-2026-012).\n/src/payments/            @larder/payments\n/config/production.json   @larder/platform @larder/payments\n\n',
  '',
]);
const catalog0 = chain(
  cut('  platform:\n', null),
  edits(['      - {name: Jonah Brooks, how: "chat @jonah, phone +44 20 7946 0134"}\n    runbook: docs/runbooks/notifications.md', '    runbook: docs/runbooks/notifications.md']),
);

// ---------------------------------------------------------------------------
// The history. `id` names a commit for the incidents' `commits:` lists (see
// INCIDENT_SHAS); times are UTC, the author's London offset is applied.
// Fix, mitigation and follow-up commits name their incident in the message
// (so they link to it); commits that only write an incident file do not,
// so that an incident file never becomes a code link of an incident.

const INC = {
  '009': 'incidents/2026-06-09-order-confirmation-emails-delayed.md',
  '010': 'incidents/2026-06-27-search-empty-results-after-reindex.md',
  '011': 'incidents/2026-07-15-load-test-cache-evicted-baskets.md',
  '012': 'incidents/2026-08-04-customers-charged-twice.md',
  '013': 'incidents/2026-08-29-stale-promotion-prices.md',
  '014': 'incidents/2026-09-22-checkout-latency-cache-ttl.md',
  '015': 'incidents/2026-10-13-duplicate-delivery-push-notifications.md',
  '016': 'incidents/2026-11-06-checkout-unavailable-eu-west-deploy.md',
  '017': 'incidents/2026-11-24-search-latency-after-cache-key-change.md',
  '018': 'incidents/2026-11-25-checkout-errors-eu-west.md',
};

const COMMITS = [
  {
    at: '2026-03-02T09:12:00Z', by: 'sam',
    message: 'Set up the Larder services repository',
    files: {
      'package.json': v.package0, 'tsconfig.json': FINAL, '.gitignore': FINAL, 'README.md': v.readme0,
      '.github/workflows/ci.yml': FINAL, 'src/shared/logger.ts': v.logger0,
      'src/shared/config.ts': chain(configLanes, configMinDocs, configSessions),
      'src/shared/metrics.ts': chain(metricsFallback, metricsPrice, metricsGauge),
      'config/production.json': chain(prodLanes, prodMinDocs, prodSessions),
    },
  },
  {
    at: '2026-03-04T15:40:00Z', by: 'sam',
    message: 'Add the shared read-through cache client',
    body: 'Redis-backed, per-namespace TTLs from config/cache.yaml. A cache failure\nis never fatal: reads fall back to the loader.',
    files: {
      'src/cache/client.ts': chain(clientSetIfAbsent, clientEmpty, clientTimeout),
      'src/cache/keys.ts': chain(keysWarmNote, keysLocale),
      'src/cache/ttl.ts': chain(ttlDedupe, ttlQuietFallback),
      'src/cache/index.ts': cacheIndexEmpty,
      'config/cache.yaml': cacheYaml.v40,
      'deploy/cache/redis.yaml': redis0,
      'deploy/cache/alerts.yaml': alerts0,
    },
  },
  {
    at: '2026-03-09T11:05:00Z', by: 'tomas',
    message: 'Add the Paywell payments client and webhook handler',
    files: { 'src/payments/client.ts': v.payments0, 'src/payments/webhooks.ts': FINAL },
  },
  {
    at: '2026-03-12T16:30:00Z', by: 'priya',
    message: 'Add checkout: baskets, price quotes and order submission',
    body: 'Baskets live in the cache Redis for launch; a separate store can follow\nonce traffic tells us how big it needs to be.',
    files: {
      'src/checkout/server.ts': server0, 'src/checkout/session.ts': session0, 'src/checkout/pricing.ts': FINAL,
      'src/checkout/basket.ts': FINAL, 'src/checkout/orders.ts': orders0, 'src/checkout/submit.ts': FINAL,
      'deploy/checkout/deployment.yaml': deployment0, 'deploy/checkout/hpa.yaml': hpa0,
    },
  },
  {
    at: '2026-04-02T10:20:00Z', by: 'mei',
    message: 'Add product search with cached results and a nightly reindex',
    files: {
      'src/search/client.ts': FINAL, 'src/search/query.ts': FINAL,
      'src/search/indexer.ts': chain(indexerComplete, indexerAllergens),
      'deploy/search/indexer-cronjob.yaml': FINAL, 'deploy/search/opensearch.yaml': opensearch0,
    },
  },
  {
    at: '2026-04-14T13:45:00Z', by: 'nadia',
    message: 'Add the email notification queue and worker',
    files: {
      'src/notifications/queue.ts': v.queue0, 'src/notifications/email.ts': email0,
      'src/notifications/worker.ts': v.worker0, 'deploy/notifications/worker.yaml': FINAL,
    },
  },
  {
    at: '2026-04-20T09:30:00Z', by: 'elif',
    message: 'Redact customer email addresses in logs',
    files: { 'src/shared/logger.ts': FINAL },
  },
  {
    id: 'invalidation', at: '2026-04-21T14:10:00Z', by: 'elif',
    message: 'Invalidate cached product prices on price change events',
    files: { 'src/cache/invalidation.ts': invalidation0 },
  },
  {
    at: '2026-04-28T11:00:00Z', by: 'olu',
    message: 'Add runbooks for checkout, payments, cache, search and notifications',
    files: {
      'docs/runbooks/checkout.md': checkoutRunbook0, 'docs/runbooks/payments.md': paymentsRunbook0,
      'docs/runbooks/cache.md': cacheRunbook0,
      'docs/runbooks/search.md': chain(searchRunbookWarm, searchRunbookFlush),
      'docs/runbooks/notifications.md': chain(notificationsRunbookDupes, notificationsRunbookAlert, notificationsRunbookLanes),
    },
  },
  {
    at: '2026-05-06T10:00:00Z', by: 'olu',
    message: 'Add CODEOWNERS',
    files: { '.github/CODEOWNERS': chain(codeownersDeployCheckout, codeownersPayments) },
  },
  {
    at: '2026-05-14T15:20:00Z', by: 'sam',
    message: 'Raise the cache read timeout to 50 ms',
    body: 'p99 of Redis reads from checkout is 31 ms at peak; 25 ms turned a few\nhundred reads a minute into misses.',
    files: { 'src/cache/client.ts': chain(clientSetIfAbsent, clientEmpty) },
  },
  {
    at: '2026-06-01T09:00:00Z', by: 'ana',
    message: 'Keep incident write-ups in the repository',
    body: 'Incidents from June on are Markdown files under incidents/, with a service\ncatalog. INC-2026-001 to 008 stay in the old wiki.',
    files: { 'incidents/README.md': FINAL, 'incidents/catalog.yaml': catalog0 },
  },
  // INC-2026-009: order confirmation emails delayed behind a newsletter
  {
    id: 'inc009-fix', at: '2026-06-11T14:30:00Z', by: 'nadia',
    message: 'Split transactional and bulk email into separate lanes (INC-2026-009)',
    body: 'Order confirmations and delivery updates get their own queue and workers,\nso a newsletter can no longer delay them.',
    files: {
      'src/notifications/queue.ts': queueNoAge, 'src/notifications/worker.ts': workerNoAge,
      'src/notifications/email.ts': FINAL,
      'src/shared/config.ts': chain(configMinDocs, configSessions),
      'config/production.json': chain(prodMinDocs, prodSessions),
      'docs/runbooks/notifications.md': chain(notificationsRunbookDupes, notificationsRunbookAlert),
    },
  },
  {
    id: 'inc009-alert', at: '2026-06-12T10:15:00Z', by: 'jonah',
    message: 'Alert on the age of the oldest transactional email (INC-2026-009)',
    files: {
      'src/notifications/queue.ts': FINAL, 'src/notifications/worker.ts': FINAL,
      'src/shared/metrics.ts': chain(metricsFallback, metricsPrice),
      'deploy/notifications/alerts.yaml': FINAL,
      'docs/runbooks/notifications.md': notificationsRunbookDupes,
    },
  },
  { at: '2026-06-12T16:00:00Z', by: 'nadia', message: 'Write up the delayed order emails', files: { [INC['009']]: writeUpDraft } },
  { at: '2026-06-17T15:30:00Z', by: 'ana', message: 'Review of the delayed order emails: factors, actions, perspectives', files: { [INC['009']]: FINAL } },
  // INC-2026-010: empty search results after a partial reindex
  {
    id: 'inc010-trigger', at: '2026-06-26T15:10:00Z', by: 'jonah',
    message: 'Index allergens so customers can filter by them',
    files: { 'src/search/indexer.ts': indexerComplete },
  },
  {
    id: 'inc010-fix-index', at: '2026-06-29T13:00:00Z', by: 'mei',
    message: 'Check index completeness before moving the search alias (INC-2026-010)',
    body: 'The alias moves only if the new index holds every document we sent and\nat least search.minDocuments.',
    files: {
      'src/search/indexer.ts': FINAL,
      'src/shared/config.ts': configSessions, 'config/production.json': prodSessions,
    },
  },
  {
    id: 'inc010-fix-cache', at: '2026-06-30T11:20:00Z', by: 'sam',
    message: 'Do not cache empty results; search results TTL to ten minutes (INC-2026-010)',
    files: {
      'src/cache/client.ts': clientSetIfAbsent, 'src/cache/index.ts': FINAL,
      'config/cache.yaml': cacheYaml.v41,
      'docs/runbooks/cache.md': chain(cacheRunbookWarm, cacheRunbookStale),
      'docs/runbooks/search.md': searchRunbookWarm,
    },
  },
  { at: '2026-06-30T16:45:00Z', by: 'mei', message: 'Write up the empty search results', files: { [INC['010']]: writeUpDraft } },
  { at: '2026-07-06T14:00:00Z', by: 'ana', message: 'Review of the empty search results: factors, actions, perspectives', files: { [INC['010']]: FINAL } },
  // INC-2026-011: near miss, the cache evicting basket sessions
  {
    id: 'inc011-fix', at: '2026-07-16T17:20:00Z', by: 'sam',
    message: 'Move basket sessions to a dedicated Redis with noeviction (INC-2026-011)',
    files: {
      'src/checkout/session.ts': FINAL, 'deploy/cache/sessions-redis.yaml': FINAL, 'deploy/cache/redis.yaml': FINAL,
      'src/shared/config.ts': FINAL, 'config/production.json': FINAL,
    },
  },
  {
    id: 'inc011-alert', at: '2026-07-17T09:40:00Z', by: 'olu',
    message: 'Alert at 75% memory on the session store (INC-2026-011)',
    files: { 'deploy/cache/alerts.yaml': alertsSessions },
  },
  { at: '2026-07-17T13:00:00Z', by: 'olu', message: 'Write up the evicted baskets near miss', files: { [INC['011']]: writeUpDraft } },
  { at: '2026-07-24T10:00:00Z', by: 'ana', message: 'Review of the evicted baskets near miss: factors, actions, perspectives', files: { [INC['011']]: FINAL } },
  // INC-2026-012: customers charged twice
  {
    id: 'inc012-trigger', at: '2026-07-28T15:30:00Z', by: 'leo',
    message: 'Use the shared retry helper for payment provider calls',
    body: 'Same attempts and timeouts as before, with jittered exponential backoff\nand no retries on 4xx.',
    files: { 'src/payments/retry.ts': retryFirstDoc, 'src/payments/client.ts': paymentsSharedRetry },
  },
  {
    id: 'inc012-mitigation', at: '2026-08-04T11:53:00Z', by: 'tomas',
    message: 'Turn off payment retries (INC-2026-012)',
    files: { 'config/production.json': prodRetriesOff },
  },
  {
    id: 'inc012-fix', at: '2026-08-05T10:05:00Z', by: 'tomas',
    message: 'Derive the idempotency key from the order, once per payment (INC-2026-012)',
    body: 'The key was created inside the function that withRetry repeats, so every\nretry was a new payment for the provider. It is now derived from the order\nbefore the first attempt.',
    files: { 'src/payments/client.ts': FINAL, 'src/payments/retry.ts': FINAL },
  },
  {
    id: 'inc012-retries-on', at: '2026-08-06T09:30:00Z', by: 'ravi',
    message: 'Turn payment retries back on (INC-2026-012)',
    files: { 'config/production.json': FINAL, 'docs/runbooks/payments.md': FINAL },
  },
  { at: '2026-08-06T16:20:00Z', by: 'ana', message: 'Write up the double charges', files: { [INC['012']]: writeUpDraft } },
  {
    at: '2026-08-07T11:10:00Z', by: 'priya',
    message: 'Require a payments reviewer for payment code (INC-2026-012)',
    files: { '.github/CODEOWNERS': codeownersDeployCheckout },
  },
  { at: '2026-08-14T15:00:00Z', by: 'ana', message: 'Review of the double charges: factors, actions, perspectives', files: { [INC['012']]: FINAL } },
  // INC-2026-013: stale promotion prices
  {
    id: 'inc013-fix', at: '2026-08-29T12:55:00Z', by: 'elif',
    message: 'Listen on the renamed pricing channel as well (INC-2026-013)',
    files: {
      'src/cache/invalidation.ts': FINAL, 'src/shared/metrics.ts': metricsFallback,
      'docs/runbooks/cache.md': cacheRunbookWarm,
    },
  },
  {
    id: 'inc013-alert', at: '2026-09-01T10:40:00Z', by: 'sam',
    message: 'Alert when price invalidations stop (INC-2026-013)',
    files: { 'deploy/cache/alerts.yaml': alertsPrice },
  },
  { at: '2026-09-01T16:30:00Z', by: 'elif', message: 'Write up the stale promotion prices', files: { [INC['013']]: writeUpDraft } },
  {
    at: '2026-09-02T09:15:00Z', by: 'sam',
    message: 'Product cache TTL from six hours to 30 minutes (INC-2026-013)',
    files: { 'config/cache.yaml': cacheYaml.v42 },
  },
  { at: '2026-09-08T14:30:00Z', by: 'ana', message: 'Review of the stale promotion prices: factors, actions, perspectives', files: { [INC['013']]: FINAL } },
  // INC-2026-014: checkout latency after the fallback TTL change
  {
    id: 'inc014-trigger', at: '2026-09-22T13:35:00Z', by: 'hugo',
    message: 'Lower the fallback cache TTL so promotions show sooner',
    files: { 'src/cache/ttl.ts': chain(ttlDedupe, ttlQuietFallback, ttlShortFallback) },
  },
  {
    id: 'inc014-revert', at: '2026-09-22T14:37:00Z', by: 'sam',
    message: 'Revert "Lower the fallback cache TTL so promotions show sooner" (INC-2026-014)',
    files: { 'src/cache/ttl.ts': chain(ttlDedupe, ttlQuietFallback) },
  },
  {
    id: 'inc014-fix', at: '2026-09-24T16:10:00Z', by: 'sam',
    message: 'Give every cache namespace an explicit TTL; count fallback use (INC-2026-014)',
    body: 'Basket quotes and promotions had no entry in config/cache.yaml and used\nthe fallback without anyone knowing. Promotions get the 60 s they asked for.',
    files: {
      'src/cache/ttl.ts': ttlDedupe, 'config/cache.yaml': cacheYaml.v43, 'src/shared/metrics.ts': FINAL,
    },
  },
  {
    id: 'inc014-alert', at: '2026-09-25T10:30:00Z', by: 'sam',
    message: 'Alert when a cache namespace uses the fallback TTL (INC-2026-014)',
    files: { 'deploy/cache/alerts.yaml': FINAL },
  },
  { at: '2026-09-25T15:00:00Z', by: 'priya', message: 'Write up the checkout latency after the TTL change', files: { [INC['014']]: writeUpDraft } },
  { at: '2026-10-01T13:00:00Z', by: 'ana', message: 'Review of the checkout latency after the TTL change: factors, actions, perspectives', files: { [INC['014']]: FINAL } },
  // INC-2026-015: duplicate delivery pushes
  {
    id: 'inc015-trigger', at: '2026-10-05T14:45:00Z', by: 'jonah',
    message: 'Send push notifications for courier delivery updates',
    files: {
      'src/notifications/push.ts': FINAL, 'src/notifications/dedupe.ts': dedupeByStatus,
      'src/cache/client.ts': FINAL, 'src/cache/ttl.ts': FINAL, 'config/cache.yaml': cacheYaml.v44,
    },
  },
  {
    id: 'inc015-fix', at: '2026-10-14T14:20:00Z', by: 'jonah',
    message: 'Dedupe courier events by event id, for a day (INC-2026-015)',
    files: { 'src/notifications/dedupe.ts': FINAL, 'config/cache.yaml': FINAL, 'docs/runbooks/notifications.md': FINAL },
  },
  { at: '2026-10-15T11:00:00Z', by: 'nadia', message: 'Write up the duplicate delivery pushes', files: { [INC['015']]: FINAL } },
  {
    at: '2026-10-27T10:00:00Z', by: 'olu',
    message: 'Bump dependencies; version 3.14.0',
    files: { 'package.json': FINAL },
  },
  // INC-2026-016: checkout unavailable in eu-west during a deploy
  {
    id: 'inc016-trigger', at: '2026-11-03T15:00:00Z', by: 'olu',
    message: 'Standardise readiness and liveness probes on /healthz',
    files: { 'deploy/checkout/deployment.yaml': deploymentProbeSweep },
  },
  {
    id: 'inc016-revert', at: '2026-11-06T18:22:00Z', by: 'olu',
    message: 'Revert the /healthz probe paths for checkout (INC-2026-016)',
    files: { 'deploy/checkout/deployment.yaml': deployment0 },
  },
  {
    id: 'inc016-fix', at: '2026-11-07T11:30:00Z', by: 'elif',
    message: 'Serve readiness on /healthz and /health; roll out without losing capacity (INC-2026-016)',
    files: {
      'src/checkout/server.ts': FINAL, 'deploy/checkout/deployment.yaml': FINAL, 'deploy/checkout/hpa.yaml': FINAL,
      'docs/runbooks/checkout.md': FINAL,
    },
  },
  {
    id: 'inc016-codeowners', at: '2026-11-09T10:00:00Z', by: 'priya',
    message: 'Ask checkout to review changes under deploy/checkout (INC-2026-016)',
    files: { '.github/CODEOWNERS': FINAL },
  },
  {
    at: '2026-11-09T15:30:00Z', by: 'ana',
    message: 'Add platform to the service catalog',
    files: { 'incidents/catalog.yaml': FINAL, 'docs/runbooks/platform.md': FINAL },
  },
  { at: '2026-11-09T16:00:00Z', by: 'olu', message: 'Write up the eu-west checkout outage', files: { [INC['016']]: writeUpDraft } },
  { at: '2026-11-20T17:00:00Z', by: 'ana', message: 'Start the review of the eu-west checkout outage', files: { [INC['016']]: FINAL } },
  // INC-2026-017: search slow after the cache key change (monitoring)
  {
    id: 'inc017-trigger', at: '2026-11-24T15:50:00Z', by: 'gwen',
    message: 'Include the locale in search cache keys',
    body: 'Welsh-language customers were served cached English results for the same\nquery text.',
    files: { 'src/cache/keys.ts': keysWarmNote },
  },
  {
    id: 'inc017-warmup', at: '2026-11-24T17:40:00Z', by: 'jonah',
    message: 'Add a search cache warm-up (INC-2026-017)',
    files: {
      'src/search/warmup.ts': FINAL, 'src/cache/keys.ts': FINAL,
      'docs/runbooks/cache.md': FINAL, 'docs/runbooks/search.md': FINAL,
    },
  },
  {
    id: 'inc017-scale', at: '2026-11-24T17:55:00Z', by: 'mei',
    message: 'Scale search data nodes to four (INC-2026-017)',
    files: { 'deploy/search/opensearch.yaml': FINAL },
  },
  { at: '2026-11-24T19:40:00Z', by: 'mei', message: 'Open an incident file for slow search', files: { [INC['017']]: FINAL } },
  // INC-2026-018: checkout errors in eu-west (investigating)
  {
    id: 'inc018-related', at: '2026-11-24T21:10:00Z', by: 'elif',
    message: 'Batch stock reservation calls in checkout',
    body: 'One call per 25 lines instead of one per line; large baskets made up to\n80 calls on submit.',
    files: { 'src/checkout/orders.ts': FINAL },
  },
  { at: '2026-11-25T09:25:00Z', by: 'ana', message: 'Declare an incident: checkout errors in eu-west', files: { [INC['018']]: FINAL } },
  {
    at: '2026-11-25T09:35:00Z', by: 'ana',
    message: 'README: describe this repository as the Incident Lens example',
    files: { 'README.md': FINAL },
  },
];

/** For each incident file, the commits its `sha:` and `ref:` values name, in file order. */
const INCIDENT_SHAS = {
  [INC['009']]: ['inc009-fix', 'inc009-alert'],
  [INC['010']]: ['inc010-trigger', 'inc010-fix-index', 'inc010-fix-cache'],
  [INC['011']]: ['inc011-fix', 'inc011-alert'],
  [INC['012']]: ['inc012-fix', 'inc012-trigger', 'inc012-mitigation', 'inc012-fix', 'inc012-retries-on'],
  [INC['013']]: ['inc013-fix', 'inc013-alert', 'invalidation'],
  [INC['014']]: ['inc014-trigger', 'inc014-revert', 'inc014-fix', 'inc014-alert'],
  [INC['015']]: ['inc015-trigger', 'inc015-fix'],
  [INC['016']]: ['inc016-trigger', 'inc016-revert', 'inc016-fix', 'inc016-codeowners'],
  [INC['017']]: ['inc017-trigger', 'inc017-warmup', 'inc017-scale'],
  [INC['018']]: ['inc018-related'],
};

// ---------------------------------------------------------------------------
// Building

function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** The final content of every workspace file, with line endings normalised (a Windows checkout may have CRLF). */
function readWorkspace() {
  const files = new Map();
  for (const rel of listFiles(WORKSPACE)) {
    files.set(rel, fs.readFileSync(path.join(WORKSPACE, rel), 'utf8').replace(/\r\n/g, '\n'));
  }
  return files;
}

/** UTC offset of Europe/London at an instant: +01:00 between the last Sundays of March and October. */
function londonOffset(date) {
  const year = date.getUTCFullYear();
  const lastSunday = (month) => {
    const d = new Date(Date.UTC(year, month + 1, 0, 1));
    d.setUTCDate(d.getUTCDate() - d.getUTCDay());
    return d;
  };
  return date >= lastSunday(2) && date < lastSunday(9) ? '+0100' : '+0000';
}

/** Leaves the history as written (the static files in examples/workspace). */
const AS_WRITTEN = { path: (file) => file, text: (text) => text, instant: (ms) => ms };

function fastImportStream(final, moved = AS_WRITTEN) {
  const chunks = [];
  const push = (s) => chunks.push(Buffer.from(s, 'utf8'));
  const data = (s) => {
    const buf = Buffer.from(s, 'utf8');
    push(`data ${buf.length}\n`);
    chunks.push(buf);
    push('\n');
  };
  const tree = new Map();
  const assigned = new Set(COMMITS.flatMap((c) => Object.keys(c.files)));
  const leftovers = [...final.keys()].filter((f) => !assigned.has(f));
  const commits = [...COMMITS];
  if (leftovers.length > 0) {
    process.stderr.write(`make-example-repo: files not placed in the history, added last: ${leftovers.join(', ')}\n`);
    commits.push({
      at: '2026-11-25T10:00:00Z', by: 'ana', message: 'Add remaining example files',
      files: Object.fromEntries(leftovers.map((f) => [f, FINAL])),
    });
  }

  commits.forEach((commit, i) => {
    const written = new Date(commit.at);
    if (Number.isNaN(written.getTime())) throw new Error(`bad date ${commit.at}`);
    if (i > 0 && written < new Date(commits[i - 1].at)) throw new Error(`commit ${i} (${commit.message}) is older than the one before it`);
    const date = new Date(moved.instant(written.getTime()));
    const [name, email] = PEOPLE[commit.by];
    const stamp = `${name} <${email}> ${Math.floor(date.getTime() / 1000)} ${londonOffset(date)}`;
    push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${stamp}\ncommitter ${stamp}\n`);
    data(moved.text(commit.body ? `${commit.message}\n\n${commit.body}\n` : `${commit.message}\n`));
    let changed = false;
    for (const [file, derive] of Object.entries(commit.files)) {
      if (derive === DELETE) {
        if (!tree.has(file)) throw new Error(`${commit.message}: deletes ${file}, which does not exist`);
        tree.delete(file);
        push(`D ${moved.path(file)}\n`);
        changed = true;
        continue;
      }
      if (!final.has(file)) throw new Error(`${commit.message}: ${file} is not in examples/workspace`);
      const content = derive(final.get(file), file);
      if (tree.get(file) === content) continue;
      tree.set(file, content);
      push(`M 100644 inline ${moved.path(file)}\n`);
      data(moved.text(content));
      changed = true;
    }
    if (!changed) throw new Error(`commit "${commit.message}" changes nothing`);
    push('\n');
  });

  for (const [file, content] of final) {
    if (tree.get(file) !== content) throw new Error(`the history does not end at the final content of ${file}`);
  }
  for (const file of tree.keys()) {
    if (!final.has(file)) throw new Error(`the history ends with ${file}, which is not in examples/workspace`);
  }
  return { stream: Buffer.concat(chunks), commits };
}

/** Environment for git that ignores the user's and the system's configuration. */
function gitEnv() {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0' };
  for (const key of Object.keys(env)) {
    if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|COMMON_DIR|CEILING_DIRECTORIES|AUTHOR_|COMMITTER_)/.test(key)) {
      delete env[key];
    }
  }
  return env;
}

function git(cwd, args, input) {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: gitEnv(),
    input,
    encoding: input === undefined ? 'utf8' : undefined,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Builds the repository in `dest` and returns the commit ids by commit `id`. */
function build(dest, moved = AS_WRITTEN) {
  const final = readWorkspace();
  const { stream, commits } = fastImportStream(final, moved);
  git(dest, ['init', '--quiet']);
  git(dest, ['fast-import', '--quiet', '--date-format=raw'], stream);
  git(dest, ['reset', '--hard', '--quiet', 'main']);
  const status = String(git(dest, ['status', '--porcelain', '--untracked-files=all']));
  if (status.trim() !== '') throw new Error(`working tree not clean after checkout:\n${status}`);
  const shas = String(git(dest, ['rev-list', '--reverse', 'main'])).trim().split('\n');
  if (shas.length !== commits.length) throw new Error(`expected ${commits.length} commits, found ${shas.length}`);
  const byId = new Map();
  commits.forEach((c, i) => c.id && byId.set(c.id, shas[i]));
  return byId;
}

function prepareDest(dest) {
  if (fs.existsSync(dest)) {
    if (!fs.statSync(dest).isDirectory()) throw new Error(`${dest} exists and is not a directory`);
    if (fs.readdirSync(dest).length > 0) throw new Error(`${dest} is not empty`);
  } else {
    fs.mkdirSync(dest, { recursive: true });
  }
}

// ---------------------------------------------------------------------------
// --update-shas: point the incidents at the commits of the generated history

const SHA_FIELD = /\b(sha|ref):[ \t]*(["']?)([0-9a-f]{7,40})\2/g;

/** A hex string YAML would read as a number (all digits, or digits e digits) must be quoted. */
function yamlSha(sha) {
  return /^[0-9]+$/.test(sha) || /^[0-9]+e[0-9]+$/.test(sha) ? `"${sha}"` : sha;
}

function updateShas() {
  for (let pass = 1; pass <= 20; pass++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'larder-shas-'));
    let changed = 0;
    try {
      const byId = build(dir);
      for (const [file, ids] of Object.entries(INCIDENT_SHAS)) {
        const full = path.join(WORKSPACE, file);
        const text = fs.readFileSync(full, 'utf8');
        const end = text.indexOf('\n---', 4);
        const head = text.slice(0, end);
        let n = 0;
        const newHead = head.replace(SHA_FIELD, (_match, key, _quote, old) => {
          const id = ids[n++];
          const sha = byId.get(id);
          if (!sha) throw new Error(`${file}: no commit with id ${id}`);
          const short = String(git(dir, ['rev-parse', `--short=${old.length}`, sha])).trim();
          return `${key}: ${yamlSha(short)}`;
        });
        if (n !== ids.length) throw new Error(`${file}: found ${n} sha/ref values, INCIDENT_SHAS lists ${ids.length}`);
        if (newHead !== head) {
          fs.writeFileSync(full, newHead + text.slice(end));
          changed++;
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (changed === 0) {
      console.log(`incident shas are up to date (pass ${pass})`);
      return;
    }
    console.log(`pass ${pass}: updated ${changed} incident file(s)`);
  }
  throw new Error('incident shas did not settle after 20 passes');
}

// ---------------------------------------------------------------------------
// The history moved to another day (scripts/example-day.mjs): dates, file
// names and commit times move, so commit ids change; the incidents' sha/ref
// values are rewritten until they name the moved commits.

/** The sha/ref values the incidents name as written, by the commit `id` each stands for. */
function writtenShas() {
  const byValue = new Map();
  for (const [file, ids] of Object.entries(INCIDENT_SHAS)) {
    const text = fs.readFileSync(path.join(WORKSPACE, file), 'utf8');
    let n = 0;
    for (const match of text.slice(0, text.indexOf('\n---', 4)).matchAll(SHA_FIELD)) byValue.set(match[3], ids[n++]);
  }
  return byValue;
}

function buildMoved(dest, move) {
  const written = writtenShas();
  let names = new Map([...written.keys()].map((value) => [value, value]));
  const moved = {
    path: move.path,
    instant: move.instant,
    text: (content) =>
      move.text(content).replace(SHA_FIELD, (match, key, _quote, value) => (names.has(value) ? `${key}: ${yamlSha(names.get(value))}` : match)),
  };
  for (let pass = 1; pass <= 20; pass++) {
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(dest, { recursive: true });
    const byId = build(dest, moved);
    const values = [...written.keys()];
    // One length for all (the incidents use 7); git lengthens any that would be ambiguous.
    const length = Math.max(...values.map((value) => value.length));
    const full = [...new Set(values.map((value) => byId.get(written.get(value))))];
    const shorts = String(git(dest, ['log', '--no-walk=unsorted', `--abbrev=${length}`, '--format=%h', ...full])).trim().split('\n');
    const shortOf = new Map(full.map((sha, i) => [sha, shorts[i]]));
    const next = new Map(values.map((value) => [value, shortOf.get(byId.get(written.get(value)))]));
    if (values.every((value) => next.get(value) === names.get(value))) return;
    names = next;
  }
  throw new Error('the moved history did not settle after 20 passes');
}

// ---------------------------------------------------------------------------

const USAGE = 'usage: node scripts/make-example-repo.mjs DEST [--now ISO-TIMESTAMP]\n       node scripts/make-example-repo.mjs --update-shas\n';

function main(argv) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { now: { type: 'string' }, 'update-shas': { type: 'boolean' } } });
  if (values['update-shas'] && positionals.length === 0) {
    updateShas();
    return 0;
  }
  const nowMs = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (positionals.length !== 1 || Number.isNaN(nowMs)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dest = path.resolve(positionals[0]);
  prepareDest(dest);
  buildMoved(dest, exampleMove(nowMs));
  console.log(dest);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`make-example-repo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
