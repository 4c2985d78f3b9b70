import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { answerCommitted, type SandboxContext } from '../context.js';
import { parseBody, unprocessable } from '../errors.js';
import { identity, listEnvelope, parseListQuery } from '../list-query.js';
import { adjustmentSchema } from '../schemas/stock.js';
import { ITEM_FORMAT, type Adjustment } from '../types.js';

export function registerStockRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.get('/v1/inventory-records', async (request) =>
    listEnvelope(state.inventoryRecords.values(), parseListQuery(request.query), 'inventoryRecordId', identity));

  app.post('/v1/adjustments', async (request, reply) => {
    const body = parseBody(adjustmentSchema, request.body);
    // Check everything first: an adjustment applies whole or not at all.
    if (!state.locations.has(body.locationId)) throw unprocessable(`Location ${body.locationId} not found`);
    if (!state.hasBin(body.locationId, body.binId)) throw unprocessable(`Bin ${body.binId} not found at location ${body.locationId}`);
    for (const line of body.items) {
      const item = state.item(line.itemId);
      if (!item) throw unprocessable(`Item ${line.itemId} not found`);
      // ASSUMED: a variable parent holds no stock of its own.
      if (item.format === ITEM_FORMAT.variableParent) throw unprocessable(`Item ${line.itemId} is a variable item and holds no stock`);
    }
    for (const line of body.items) state.adjustOnHand(line.itemId, body.locationId, body.binId, line.quantity);
    const adjustment: Adjustment = {
      adjustmentId: randomUUID(), locationId: body.locationId, binId: body.binId, reason: body.reason,
      items: body.items.map(({ itemId, quantity }) => ({ itemId, quantity })),
      timeCreated: state.nowIso(),
    };
    state.adjustments.set(adjustment.adjustmentId, adjustment);
    return answerCommitted(ctx, request, reply, 201, { data: { id: adjustment.adjustmentId } });
  });
}
