import Fastify, { type FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { guardApiRequest, isControlRequest } from './api-guard.js';
import type { SandboxContext } from './context.js';
import { ApiError, describeZodError } from './errors.js';
import { registerControlRoutes } from './routes/control.js';
import { registerCreditNoteRoutes } from './routes/credit-notes.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerGrantRoutes } from './routes/grant.js';
import { registerItemRoutes } from './routes/items.js';
import { registerLocationRoutes } from './routes/locations.js';
import { registerSaleOrderActionRoutes } from './routes/sale-order-actions.js';
import { registerSaleOrderRoutes } from './routes/sale-orders.js';
import { registerStockRoutes } from './routes/stock.js';

/** Adjustments of a few hundred lines must fit; Fastify's 1 MiB default is close for big ones. */
const BODY_LIMIT = 10 * 1024 * 1024;

export function buildServer(ctx: SandboxContext): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });

  app.addHook('onRequest', async (request, reply) => {
    if (isControlRequest(request)) return;
    const answered = await guardApiRequest(ctx, request, reply);
    if (answered) return answered;
  });
  // Dropped requests are hijacked and logged when dropped; Fastify skips onResponse for them.
  app.addHook('onResponse', async (request, reply) => {
    if (!isControlRequest(request)) ctx.log.record(request.method, request.url, reply.statusCode);
  });

  // Every error leaves as {"message": ...}, like the real API.
  app.setErrorHandler((error: unknown, _request, reply) => {
    if (error instanceof ApiError) return reply.code(error.statusCode).send({ message: error.message });
    if (error instanceof ZodError) return reply.code(422).send({ message: describeZodError(error) });
    const statusCode = typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
    const message = error instanceof Error ? error.message : String(error);
    // Fastify's own 4xx: malformed JSON (400), empty JSON body (400), too large (413), bad type (415).
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return reply.code(statusCode).send({ message });
    console.error('[stokly-sandbox] internal error', error);
    return reply.code(500).send({ message: `Sandbox internal error: ${message}` });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ message: `Route ${request.method} ${request.url.split('?')[0]} not found` }));

  registerControlRoutes(app, ctx);
  registerGrantRoutes(app, ctx);
  registerItemRoutes(app, ctx);
  registerLocationRoutes(app, ctx);
  registerStockRoutes(app, ctx);
  registerSaleOrderRoutes(app, ctx);
  registerSaleOrderActionRoutes(app, ctx);
  registerCreditNoteRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  return app;
}
