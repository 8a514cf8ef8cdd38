import { config } from '../shared/config';
import { logger } from '../shared/logger';
import type { EmailJob } from './queue';

const MAILER_URL = process.env.MAILER_URL ?? 'https://api.postbox.example/v1';

/** Simple token bucket shared by both lanes: the provider's limit is per account. */
class RateLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 / this.perSecond));
    }
  }
}

const limiter = new RateLimiter(config().notifications.emailRatePerSecond);

export async function sendEmail(job: EmailJob): Promise<void> {
  await limiter.take();
  const res = await fetch(`${MAILER_URL}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.POSTBOX_TOKEN ?? ''}` },
    body: JSON.stringify({ template: job.template, to: job.to, variables: job.data }),
  });
  if (res.status === 429) throw new Error('mail provider rate limit');
  if (!res.ok) throw new Error(`mail provider responded ${res.status}`);
  logger.debug({ template: job.template }, 'email sent');
}
