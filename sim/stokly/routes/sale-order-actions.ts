import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { answerCommitted, type SandboxContext } from '../context.js';
import { parseBody, unprocessable } from '../errors.js';
import { assertMinorUnits, collectItemsSchema, patchSaleOrderSchema } from '../schemas/sale-orders.js';
import { COLLECTED_LINE_STATUS, UNASSIGNED_BIN_ID } from '../types.js';
import { requireSaleOrder, type SaleOrderParams } from './sale-orders.js';

/** The invoice body is not known; any JSON object (or none) is accepted. */
const invoiceSchema = z.looseObject({}).optional();

export function registerSaleOrderActionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.patch<SaleOrderParams>('/v2/saleorders/:saleOrderId', async (request, reply) => {
    const order = requireSaleOrder(state, request.params.saleOrderId);
    const body = parseBody(patchSaleOrderSchema, request.body);
    if (body.payments) assertMinorUnits(order.currency, [], body.payments);
    if (body.stage !== undefined) order.stage = body.stage;
    if (body.customerReference !== undefined) order.customerReference = body.customerReference;
    if (body.tags !== undefined) order.tags = body.tags;
    if (body.payments !== undefined) {
      order.payments = body.payments.map((p) => ({ paymentId: randomUUID(), method: p.method, amount: p.amount }));
    }
    order.timeUpdated = state.nowIso();
    return answerCommitted(ctx, request, reply, 202, { data: { id: order.saleOrderId } });
  });

  app.post<SaleOrderParams>('/v2/saleorders/:saleOrderId/collect-items', async (request, reply) => {
    const order = requireSaleOrder(state, request.params.saleOrderId);
    const body = parseBody(collectItemsSchema, request.body);
    // ASSUMED: a removed order cannot be collected.
    if (order.stage === 'removed') throw unprocessable(`Sale order ${order.saleOrderId} is removed`);
    if (!state.locations.has(body.locationId)) throw unprocessable(`Location ${body.locationId} not found`);

    // The same line may appear twice in one call: check the sum, and check all before applying any.
    const requested = new Map<string, number>();
    for (const { lineId, quantity } of body.items) requested.set(lineId, (requested.get(lineId) ?? 0) + quantity);
    for (const [lineId, quantity] of requested) {
      const line = order.lines.find((l) => l.lineId === lineId);
      if (!line) throw unprocessable(`Line ${lineId} not found on sale order ${order.saleOrderId}`);
      const left = line.quantity - line.collectedQuantity;
      if (quantity > left) throw unprocessable(`Line ${lineId}: cannot collect ${quantity}, only ${left} left to collect`);
    }
    for (const [lineId, quantity] of requested) {
      const line = order.lines.find((l) => l.lineId === lineId);
      if (!line) continue;
      line.collectedQuantity += quantity;
      if (line.collectedQuantity === line.quantity) line.status = COLLECTED_LINE_STATUS;
      state.adjustOnHand(line.referenceId, body.locationId, UNASSIGNED_BIN_ID, -quantity);
    }
    const now = state.nowIso();
    order.collections.push({ collectionId: randomUUID(), locationId: body.locationId, items: body.items, timeCreated: now });
    order.timeUpdated = now;
    return answerCommitted(ctx, request, reply, 201, { data: { id: order.saleOrderId } });
  });

  app.post<SaleOrderParams>('/v2/saleorders/:saleOrderId/invoices', async (request, reply) => {
    const order = requireSaleOrder(state, request.params.saleOrderId);
    parseBody(invoiceSchema, request.body);
    const invoice = { invoiceId: randomUUID(), timeCreated: state.nowIso() };
    order.invoices.push(invoice);
    return answerCommitted(ctx, request, reply, 201, { data: { id: invoice.invoiceId } });
  });
}
