import type { FastifyInstance } from 'fastify';
import { charge } from '../payments/client';
import { logger } from '../shared/logger';
import { metrics } from '../shared/metrics';
import { pricedBasket } from './basket';
import { createOrder, reserveStock } from './orders';
import { clearBasket } from './session';

export function registerSubmitRoute(app: FastifyInstance): void {
  app.post<{ Params: { basketId: string } }>('/baskets/:basketId/submit', async (req, reply) => {
    const started = performance.now();
    let outcome = 'error';
    try {
      const basket = await pricedBasket(req.params.basketId);
      if (!basket) return reply.code(404).send({ error: 'basket-not-found' });
      if (basket.lines.length === 0) return reply.code(400).send({ error: 'empty-basket' });

      const order = await createOrder(basket);
      await reserveStock(order);
      const payment = await charge({
        orderId: order.id,
        amountMinor: order.totalMinor,
        currency: order.currency,
        customerId: order.customerId,
      });
      outcome = payment.status;
      if (payment.status !== 'captured') return reply.code(402).send({ error: 'payment-declined', orderId: order.id });

      await clearBasket(basket.id);
      return reply.code(201).send({ orderId: order.id, paymentId: payment.paymentId });
    } catch (err) {
      logger.error({ err, basketId: req.params.basketId }, 'order submission failed');
      return reply.code(503).send({ error: 'try-again' });
    } finally {
      metrics.checkoutSubmit.observe({ outcome }, performance.now() - started);
    }
  });
}
