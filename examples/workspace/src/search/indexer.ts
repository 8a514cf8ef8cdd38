import { config } from '../shared/config';
import { logger } from '../shared/logger';
import { searchClient } from './client';

export interface ProductDocument {
  sku: string;
  name: Record<string, string>;
  brand: string;
  category: string;
  allergens: string[];
  priceMinor: number;
}

const mappings = {
  properties: {
    sku: { type: 'keyword' },
    brand: { type: 'text' },
    category: { type: 'keyword' },
    allergens: { type: 'keyword' },
    priceMinor: { type: 'integer' },
  },
};

/** Builds a fresh index and points the alias at it once it is complete. */
export async function reindex(products: AsyncIterable<ProductDocument[]>): Promise<string> {
  const client = searchClient();
  const index = `products-${new Date().toISOString().slice(0, 10)}-${Date.now() % 100000}`;
  await client.indices.create({ index, body: { mappings } });

  let sent = 0;
  let rejected = 0;
  for await (const batch of products) {
    const body = batch.flatMap((doc) => [{ index: { _index: index, _id: doc.sku } }, doc]);
    const response = await client.bulk({ body, refresh: false });
    sent += batch.length;
    if (response.body.errors) {
      const failures = response.body.items.filter((item: { index?: { error?: unknown } }) => item.index?.error);
      rejected += failures.length;
      logger.warn({ index, rejected: failures.length, first: failures[0]?.index?.error }, 'bulk items rejected');
    }
  }

  await client.indices.refresh({ index });
  await assertComplete(index, sent - rejected);
  await swapAlias(index);
  return index;
}

/**
 * Refuses to serve an index that holds fewer documents than we sent, or fewer
 * than the floor in config: a partial index answers "no results" to
 * customers (INC-2026-010).
 */
async function assertComplete(index: string, expected: number): Promise<void> {
  const { body } = await searchClient().count({ index });
  const floor = config().search.minDocuments;
  if (body.count < expected || body.count < floor) {
    throw new Error(`index ${index} has ${body.count} documents, expected ${expected} (floor ${floor}); alias not moved`);
  }
}

async function swapAlias(index: string): Promise<void> {
  const alias = config().search.alias;
  const client = searchClient();
  const current = await client.indices.getAlias({ name: alias }).catch(() => ({ body: {} }));
  const actions = [
    ...Object.keys(current.body).map((old) => ({ remove: { index: old, alias } })),
    { add: { index, alias } },
  ];
  await client.indices.updateAliases({ body: { actions } });
  logger.info({ index, alias, previous: Object.keys(current.body) }, 'search alias moved');
}
