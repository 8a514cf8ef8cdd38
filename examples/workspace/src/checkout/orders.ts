import { randomUUID } from 'node:crypto';
import { logger } from '../shared/logger';
import type { PricedBasket } from './basket';

export interface Order {
  id: string;
  basketId: string;
  customerId: string;
  totalMinor: number;
  currency: 'GBP' | 'EUR';
  lines: PricedBasket['quote']['lines'];
}

const ORDERS_URL = process.env.ORDERS_URL ?? 'http://orders.larder.internal';
const STOCK_URL = process.env.STOCK_URL ?? 'http://stock.larder.internal';
/** Reservations go to the stock service in batches of this many lines. */
const RESERVATION_BATCH = 25;

export async function createOrder(basket: PricedBasket): Promise<Order> {
  const order: Order = {
    id: randomUUID(),
    basketId: basket.id,
    customerId: basket.customerId,
    totalMinor: basket.quote.totalMinor,
    currency: basket.currency,
    lines: basket.quote.lines,
  };
  const res = await fetch(`${ORDERS_URL}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
  if (!res.ok) throw new Error(`orders responded ${res.status}`);
  return order;
}

export async function reserveStock(order: Order): Promise<void> {
  for (let i = 0; i < order.lines.length; i += RESERVATION_BATCH) {
    const batch = order.lines.slice(i, i + RESERVATION_BATCH);
    const res = await fetch(`${STOCK_URL}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: order.id, lines: batch.map(({ sku, quantity }) => ({ sku, quantity })) }),
    });
    if (!res.ok) {
      logger.warn({ orderId: order.id, status: res.status, batch: i / RESERVATION_BATCH }, 'stock reservation rejected');
      throw new Error(`stock responded ${res.status}`);
    }
  }
}
