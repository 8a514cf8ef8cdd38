import Fastify from 'fastify';
import { logger } from '../shared/logger';
import { register } from '../shared/metrics';
import { registerBasketRoutes } from './basket';
import { registerSubmitRoute } from './submit';

export async function start(port = Number(process.env.PORT ?? 8080)): Promise<void> {
  const app = Fastify({ logger });
  let ready = false;

  // The platform standard is /healthz/*; /health/* stays until every probe
  // has moved, so a probe change and a code change need not ship together
  // (INC-2026-016).
  for (const prefix of ['/healthz', '/health']) {
    app.get(`${prefix}/live`, async () => ({ ok: true }));
    app.get(`${prefix}/ready`, async (_req, reply) => (ready ? { ok: true } : reply.code(503).send({ ok: false })));
  }
  app.get('/metrics', async (_req, reply) => reply.type(register.contentType).send(await register.metrics()));

  registerBasketRoutes(app);
  registerSubmitRoute(app);

  await app.listen({ port, host: '0.0.0.0' });
  ready = true;

  process.on('SIGTERM', () => {
    ready = false;
    // Give the load balancer one probe period to stop sending traffic.
    setTimeout(() => void app.close().then(() => process.exit(0)), 10_000);
  });
}

if (require.main === module) {
  start().catch((err: unknown) => {
    logger.fatal({ err }, 'checkout failed to start');
    process.exit(1);
  });
}
