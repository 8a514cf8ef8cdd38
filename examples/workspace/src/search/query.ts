import { cache, searchKey } from '../cache';
import { config } from '../shared/config';
import { metrics } from '../shared/metrics';
import { searchClient } from './client';

export interface SearchRequest {
  text: string;
  category?: string;
  locale: string;
  page: number;
}

export interface SearchResults {
  items: Array<{ sku: string; name: string; priceMinor: number }>;
  total: number;
}

const PAGE_SIZE = 24;

export async function search(request: SearchRequest): Promise<SearchResults> {
  const started = performance.now();
  let fromCache = true;
  const results = await cache().getOrLoad('search-results', searchKey(request), async () => {
    fromCache = false;
    return runQuery(request);
  });
  metrics.searchLatency.observe({ cache: fromCache ? 'hit' : 'miss' }, performance.now() - started);
  return results;
}

async function runQuery(request: SearchRequest): Promise<SearchResults> {
  const filters = request.category ? [{ term: { category: request.category } }] : [];
  const response = await searchClient().search({
    index: config().search.alias,
    body: {
      from: (request.page - 1) * PAGE_SIZE,
      size: PAGE_SIZE,
      query: {
        bool: {
          must: [{ multi_match: { query: request.text, fields: [`name.${request.locale}^3`, 'brand', 'category'] } }],
          filter: filters,
        },
      },
    },
  });
  const hits = response.body.hits;
  return {
    items: hits.hits.map((hit: { _source: SearchResults['items'][number] }) => hit._source),
    total: typeof hits.total === 'number' ? hits.total : hits.total?.value ?? 0,
  };
}
