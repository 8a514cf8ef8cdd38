import type { FastifyInstance } from 'fastify';
import { cache } from '../cache';
import { quote, type Quote } from './pricing';
import { loadBasket, type Basket } from './session';

export interface PricedBasket extends Basket {
  quote: Quote;
}

/**
 * Prices a basket. Quotes are cached per basket under `basket-prices` and
 * dropped when pricing announces a change (src/cache/invalidation.ts), so the
 * basket page and the submitted order agree on the price.
 */
export async function pricedBasket(id: string): Promise<PricedBasket | undefined> {
  const basket = await loadBasket(id);
  if (!basket) return undefined;
  const version = basket.updatedAt;
  const priced = await cache().getOrLoad('basket-prices', `${id}:${version}`, () => quote(basket.lines, basket.currency));
  return { ...basket, quote: priced };
}

export function registerBasketRoutes(app: FastifyInstance): void {
  app.get<{ Params: { basketId: string } }>('/baskets/:basketId', async (req, reply) => {
    const basket = await pricedBasket(req.params.basketId);
    if (!basket) return reply.code(404).send({ error: 'basket-not-found' });
    return basket;
  });
}
