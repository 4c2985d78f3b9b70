import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { answerCommitted, type SandboxContext } from '../context.js';
import { notFound, parseBody, unprocessable } from '../errors.js';
import { identity, listEnvelope, parseListQuery } from '../list-query.js';
import { assertMinorUnits, createSaleOrderSchema, type CreateSaleOrderBody } from '../schemas/sale-orders.js';
import type { SandboxState } from '../state.js';
import { ITEM_FORMAT, ITEM_STATUS, OPEN_LINE_STATUS, UNASSIGNED_BIN_ID, type SaleOrder, type SaleOrderLine } from '../types.js';

export type SaleOrderParams = { Params: { saleOrderId: string } };

/** What the API returns for an order: lines live at /items, the rest is sandbox bookkeeping. */
export function saleOrderView(order: SaleOrder): Omit<SaleOrder, 'lines' | 'collections' | 'invoices' | 'allocations'> {
  const { lines: _lines, collections: _collections, invoices: _invoices, allocations: _allocations, ...view } = order;
  return view;
}

export function requireSaleOrder(state: SandboxState, saleOrderId: string): SaleOrder {
  const order = state.saleOrders.get(saleOrderId);
  if (!order) throw notFound(`Sale order ${saleOrderId} not found`);
  return order;
}

export function registerSaleOrderRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  // No idempotency: posting the same sourceReferenceId twice makes two orders, as upstream does.
  app.post('/v2/saleorders', async (request, reply) => {
    const body = parseBody(createSaleOrderSchema, request.body);
    assertMinorUnits(body.currency, body.items, body.payments);
    if (!state.channels.has(body.sourceId)) throw unprocessable(`Channel ${body.sourceId} not found`);
    // ASSUMED: a delivery order names where it goes; the warehouse cannot dispatch without it.
    if (body.items.some((l) => l.fulfilmentType === 'delivery') && !body.shipping) throw unprocessable('A sale order with delivery lines needs shipping details');
    const lines = buildLines(state, body);
    const now = state.nowIso();
    const order: SaleOrder = {
      saleOrderId: randomUUID(),
      niceId: state.nextNiceId(),
      stage: body.stage,
      createdAt: body.createdAt,
      currency: body.currency,
      sourceType: body.sourceType,
      sourceId: body.sourceId,
      sourceReferenceId: body.sourceReferenceId,
      customerReference: body.customerReference ?? null,
      tags: body.tags ?? [],
      customer: body.customer ?? null,
      shipping: body.shipping ?? null,
      timeCreated: now,
      timeUpdated: now,
      lines,
      payments: body.payments.map((p) => ({ paymentId: randomUUID(), method: p.method, amount: p.amount })),
      collections: [],
      invoices: [],
      allocations: allocateDelivery(state, lines),
    };
    state.saleOrders.set(order.saleOrderId, order);
    return answerCommitted(ctx, request, reply, 201, { data: { id: order.saleOrderId } });
  });

  app.get('/v2/saleorders', async (request) =>
    listEnvelope(state.saleOrders.values(), parseListQuery(request.query), 'saleOrderId', saleOrderView));

  app.get<SaleOrderParams>('/v2/saleorders/:saleOrderId', async (request) =>
    ({ data: saleOrderView(requireSaleOrder(state, request.params.saleOrderId)) }));

  app.get<SaleOrderParams>('/v2/saleorders/:saleOrderId/items', async (request) => {
    const query = parseListQuery(request.query);
    const order = requireSaleOrder(state, request.params.saleOrderId);
    return listEnvelope(order.lines, query, 'lineId', identity);
  });
}

/**
 * ASSUMED: Stok.ly takes a delivery line off the onHand of the fulfilment location that holds
 * most of the item when the order is created (the reference says the dispatching location is
 * decided in Stok.ly). The store location is never touched.
 */
function allocateDelivery(state: SandboxState, lines: readonly SaleOrderLine[]): SaleOrder['allocations'] {
  const allocations: SaleOrder['allocations'] = [];
  for (const line of lines.filter((l) => l.fulfilmentType === 'delivery')) {
    const [best] = state.fulfilmentLocationIds
      .map((locationId) => ({ locationId, onHand: state.inventoryRecord(line.referenceId, locationId)?.onHand ?? 0 }))
      .sort((a, b) => b.onHand - a.onHand);
    if (!best) continue;
    state.adjustOnHand(line.referenceId, best.locationId, UNASSIGNED_BIN_ID, -line.quantity);
    allocations.push({ lineId: line.lineId, locationId: best.locationId, quantity: line.quantity });
  }
  return allocations;
}

/** Every referenced item must exist, be active and be sellable; all problems are reported at once. */
function buildLines(state: SandboxState, body: CreateSaleOrderBody): SaleOrderLine[] {
  const problems: string[] = [];
  const lines: SaleOrderLine[] = [];
  for (const line of body.items) {
    const item = state.item(line.referenceId);
    if (!item || item.status !== ITEM_STATUS.active) { problems.push(`Item ${line.referenceId} not found`); continue; }
    // ASSUMED: a variable parent is not itself sellable.
    if (item.format === ITEM_FORMAT.variableParent) { problems.push(`Item ${line.referenceId} is a variable item; sell one of its variants`); continue; }
    lines.push({
      lineId: randomUUID(),
      type: line.type,
      referenceId: item.itemId,
      itemSku: item.sku,
      itemName: item.name,
      quantity: line.quantity,
      status: OPEN_LINE_STATUS,
      fulfilmentType: line.fulfilmentType,
      displayPrice: line.displayPrice,
      displayTax: line.displayTax,
      displayDiscount: line.displayDiscount,
      displayLinePrice: line.displayLinePrice,
      displayLineTax: line.displayLineTax,
      displayLineDiscount: line.displayLineDiscount,
      displayLineTotal: line.displayLineTotal,
      collectedQuantity: 0,
    });
  }
  if (problems.length > 0) throw unprocessable(problems.join('; '));
  return lines;
}
