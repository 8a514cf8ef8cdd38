import { cache } from '../cache';

export interface CourierEvent {
  /** Unique per event; stays the same when the courier retries a webhook. */
  eventId: string;
  orderId: string;
  status: 'dispatched' | 'out-for-delivery' | 'delivered' | 'failed-attempt';
}

/**
 * True the first time an event is seen. Keyed by the courier's event id, kept
 * for a day (config/cache.yaml): the courier retries for up to five minutes
 * and replays a backlog after its own outages (INC-2026-015).
 */
export async function firstDelivery(event: CourierEvent): Promise<boolean> {
  return cache().setIfAbsent('notify-dedupe', `courier:${event.eventId}`);
}
