import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LarderConfig {
  region: string;
  redis: { cacheUrl: string; sessionUrl: string };
  pricing: { baseUrl: string; timeoutMs: number };
  payments: { baseUrl: string; timeoutMs: number; retry: { enabled: boolean; attempts: number } };
  search: { node: string; alias: string; minDocuments: number };
  notifications: {
    emailRatePerSecond: number;
    transactionalConcurrency: number;
    bulkConcurrency: number;
  };
}

let cached: LarderConfig | undefined;

/** Reads config/<LARDER_ENV>.json once; the region can be overridden per pod. */
export function config(): LarderConfig {
  if (cached) return cached;
  const env = process.env.LARDER_ENV ?? 'production';
  const file = join(__dirname, '..', '..', 'config', `${env}.json`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as LarderConfig;
  parsed.region = process.env.LARDER_REGION ?? parsed.region;
  cached = parsed;
  return parsed;
}
