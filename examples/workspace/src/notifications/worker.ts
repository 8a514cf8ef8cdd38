import { Worker } from 'bullmq';
import { config } from '../shared/config';
import { logger } from '../shared/logger';
import { sendEmail } from './email';
import { recordOldestAge, type EmailJob } from './queue';

const connection = { url: config().redis.cacheUrl };
const { transactionalConcurrency, bulkConcurrency } = config().notifications;

const workers = [
  new Worker<EmailJob>('email-transactional', (job) => sendEmail(job.data), { connection, concurrency: transactionalConcurrency }),
  new Worker<EmailJob>('email-bulk', (job) => sendEmail(job.data), { connection, concurrency: bulkConcurrency }),
];

for (const worker of workers) {
  worker.on('failed', (job, err) => logger.warn({ err, queue: worker.name, jobId: job?.id }, 'email job failed'));
}

setInterval(() => void recordOldestAge().catch((err: unknown) => logger.warn({ err }, 'queue age probe failed')), 15_000);
logger.info({ transactionalConcurrency, bulkConcurrency }, 'notification workers started');
