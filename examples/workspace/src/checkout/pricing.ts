import { config } from '../shared/config';
import type { BasketLine } from './session';

export interface PricedLine extends BasketLine {
  unitPriceMinor: number;
  promotionId?: string;
}

export interface Quote {
  lines: PricedLine[];
  totalMinor: number;
  pricedAt: string;
}

/** Asks the pricing service for current prices, promotions applied. */
export async function quote(lines: BasketLine[], currency: 'GBP' | 'EUR'): Promise<Quote> {
  const { baseUrl, timeoutMs } = config().pricing;
  const res = await fetch(`${baseUrl}/quotes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lines, currency }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`pricing responded ${res.status}`);
  return (await res.json()) as Quote;
}
