import { Queue, type JobsOptions } from 'bullmq';
import { config } from '../shared/config';
import { metrics } from '../shared/metrics';

/**
 * Two lanes: order confirmations and delivery updates never wait behind a
 * newsletter. Each lane has its own workers (src/notifications/worker.ts)
 * and its own age alert (deploy/notifications/alerts.yaml) (INC-2026-009).
 */
export type Lane = 'transactional' | 'bulk';

const connection = { url: config().redis.cacheUrl };

export const queues: Record<Lane, Queue> = {
  transactional: new Queue('email-transactional', { connection }),
  bulk: new Queue('email-bulk', { connection }),
};

const defaults: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 1000 };

export interface EmailJob {
  template: string;
  to: string;
  data: Record<string, unknown>;
}

export async function enqueueEmail(lane: Lane, job: EmailJob): Promise<void> {
  await queues[lane].add(job.template, job, defaults);
}

/** Exported every 15 s; the alert fires on age, not on queue length. */
export async function recordOldestAge(): Promise<void> {
  for (const lane of Object.keys(queues) as Lane[]) {
    const [oldest] = await queues[lane].getWaiting(0, 0);
    const ageSeconds = oldest ? (Date.now() - oldest.timestamp) / 1000 : 0;
    metrics.queueOldestAge.set({ lane }, ageSeconds);
  }
}
