import pino from 'pino';

/**
 * One structured logger per process. The service name comes from the
 * deployment (SERVICE_NAME) so log queries can filter by service.
 */
export const logger = pino({
  name: process.env.SERVICE_NAME ?? 'larder',
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'card.number', 'card.cvc', 'customer.email'],
});
