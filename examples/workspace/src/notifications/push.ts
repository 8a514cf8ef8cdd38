import { logger } from '../shared/logger';
import { firstDelivery, type CourierEvent } from './dedupe';

const PUSH_URL = process.env.PUSH_URL ?? 'https://push.larder.internal';

const messages: Record<CourierEvent['status'], string> = {
  dispatched: 'Your order has left our store.',
  'out-for-delivery': 'Your order is out for delivery and arrives today.',
  delivered: 'Your order has been delivered. Enjoy!',
  'failed-attempt': 'We missed you. Choose a new delivery slot in the app.',
};

/** Handles one courier status event: one push per event, however often it arrives. */
export async function onCourierEvent(event: CourierEvent, customerId: string): Promise<void> {
  if (!(await firstDelivery(event))) {
    logger.debug({ eventId: event.eventId }, 'duplicate courier event ignored');
    return;
  }
  const res = await fetch(`${PUSH_URL}/customers/${customerId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Delivery update', body: messages[event.status], orderId: event.orderId }),
  });
  if (!res.ok) throw new Error(`push service responded ${res.status}`);
}
