import { Client } from '@opensearch-project/opensearch';
import { config } from '../shared/config';

let client: Client | undefined;

export function searchClient(): Client {
  client ??= new Client({ node: config().search.node, requestTimeout: 2000 });
  return client;
}
