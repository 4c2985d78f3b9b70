import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { ApiError, notFound, parseBody, unprocessable } from '../errors.js';
import { faultsPatchSchema } from '../faults.js';
import { addItemSchema, patchItemSchema, setStockSchema } from '../schemas/control.js';
import { UNASSIGNED_BIN_ID } from '../types.js';

/** Prefix of the control routes: no auth, no faults, no rate limit, not in the request log. */
export const CONTROL_PREFIX = '/__sandbox/';

export interface SandboxStats {
  counts: Record<string, number>;
  requestsServed: number;
  requestsDropped: number;
  byStatus: Record<string, number>;
}

export function sandboxStats(ctx: SandboxContext): SandboxStats {
  const { served, dropped, byStatus } = ctx.log.summary();
  return { counts: ctx.state.counts(), requestsServed: served, requestsDropped: dropped, byStatus };
}

/** The same controls as the StoklySandbox class, for tests that run the agent as a child process. */
export function registerControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;
  type ItemParams = { Params: { itemId: string } };
  const requireItem = (itemId: string): void => {
    if (!state.items.has(itemId)) throw notFound(`Item ${itemId} not found`);
  };

  app.get('/__sandbox/faults', async () => ({ data: ctx.faults.get() }));
  app.put('/__sandbox/faults', async (request) => ({ data: ctx.faults.set(parseBody(faultsPatchSchema, request.body)) }));
  app.post('/__sandbox/expire-tokens', async () => ({ data: { expired: ctx.tokens.expireAll() } }));
  app.get('/__sandbox/stats', async () => ({ data: sandboxStats(ctx) }));
  app.get('/__sandbox/requests', async () => ({ data: ctx.log.list() }));
  // Whole orders, with lines, payments and collections, for assertions from another process.
  app.get('/__sandbox/sale-orders', async () => ({ data: [...state.saleOrders.values()] }));

  // Someone edits an order's payments in Stok.ly (the demo's way to break a day's reconciliation).
  app.patch<{ Params: { saleOrderId: string } }>('/__sandbox/sale-orders/:saleOrderId/payments', async (request) => {
    const order = state.saleOrders.get(request.params.saleOrderId);
    if (!order) throw notFound(`Sale order ${request.params.saleOrderId} not found`);
    const body = parseBody(z.strictObject({ payments: z.array(z.strictObject({ method: z.int(), amount: z.number().nonnegative() })) }), request.body);
    order.payments = body.payments.map((p, i) => ({ ...order.payments[i], ...p, paymentId: order.payments[i]?.paymentId ?? `edited-${i}` }));
    order.timeUpdated = state.nowIso();
    return { data: order };
  });

  app.post('/__sandbox/items', async (request, reply) => {
    const body = parseBody(addItemSchema, request.body);
    if (body.itemId !== undefined && state.items.has(body.itemId)) throw new ApiError(409, `Item ${body.itemId} already exists`);
    return reply.code(201).send({ data: state.addItem(body) });
  });
  app.patch<ItemParams>('/__sandbox/items/:itemId', async (request) => {
    requireItem(request.params.itemId);
    return { data: state.updateItem(request.params.itemId, parseBody(patchItemSchema, request.body)) };
  });
  app.delete<ItemParams>('/__sandbox/items/:itemId', async (request) => {
    requireItem(request.params.itemId);
    return { data: state.deleteItem(request.params.itemId) };
  });

  app.put('/__sandbox/stock', async (request) => {
    const body = parseBody(setStockSchema, request.body);
    const binId = body.binId ?? UNASSIGNED_BIN_ID;
    if (!state.items.has(body.itemId)) throw unprocessable(`Item ${body.itemId} not found`);
    if (!state.locations.has(body.locationId)) throw unprocessable(`Location ${body.locationId} not found`);
    if (!state.hasBin(body.locationId, binId)) throw unprocessable(`Bin ${binId} not found at location ${body.locationId}`);
    return { data: state.setOnHand(body.itemId, body.locationId, body.onHand, binId) };
  });
}
