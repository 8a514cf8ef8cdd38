import { config } from '../shared/config';
import { logger } from '../shared/logger';
import { metrics } from '../shared/metrics';
import { isRetryable, ProviderError, withRetry } from './retry';

export interface ChargeRequest {
  orderId: string;
  amountMinor: number;
  currency: 'GBP' | 'EUR';
  customerId: string;
  /** 1 for the first payment of an order; higher when the customer retries after a decline. */
  paymentNumber?: number;
}

export interface ChargeResult {
  paymentId: string;
  status: 'captured' | 'declined';
}

/**
 * The provider charges once per idempotency key. The key is derived from the
 * order, before any retry, so a retried request returns the first result
 * instead of charging again (INC-2026-012).
 */
export function idempotencyKey(req: ChargeRequest): string {
  return `order-${req.orderId}-payment-${req.paymentNumber ?? 1}`;
}

export async function charge(req: ChargeRequest): Promise<ChargeResult> {
  const { baseUrl, timeoutMs, retry } = config().payments;
  const key = idempotencyKey(req);
  const attempts = retry.enabled ? retry.attempts : 1;

  return withRetry(attempts, isRetryable, async () => {
    const res = await fetch(`${baseUrl}/charges`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        authorization: `Bearer ${process.env.PAYWELL_API_KEY ?? ''}`,
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
    if (res.status >= 500) throw new ProviderError(`provider responded ${res.status}`, res.status);
    const body = (await res.json()) as { id: string; status: string; replayed?: boolean };
    if (body.replayed) logger.info({ orderId: req.orderId, key }, 'provider replayed an earlier charge');
    return { paymentId: body.id, status: body.status === 'succeeded' ? 'captured' : 'declined' };
  });
}
