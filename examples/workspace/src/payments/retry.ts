/** Retries for calls to the payment provider: few attempts, jittered backoff. */

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Timeouts, connection resets and 5xx are worth another try; 4xx are not. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof ProviderError) return err.status === undefined || err.status >= 500;
  if (err instanceof Error) return err.name === 'TimeoutError' || err.name === 'AbortError' || 'code' in err;
  return false;
}

export function backoffMs(attempt: number): number {
  const base = 200 * 2 ** (attempt - 1);
  return base + Math.floor(Math.random() * base);
}

/**
 * Calls `fn` up to `attempts` times. `fn` must be safe to repeat: for charges
 * that means every attempt sends the same idempotency key.
 */
export async function withRetry<T>(attempts: number, retryable: (err: unknown) => boolean, fn: () => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      if (attempt === attempts || !retryable(err)) break;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
  throw lastError;
}
