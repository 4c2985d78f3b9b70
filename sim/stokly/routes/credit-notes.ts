import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { answerCommitted, type SandboxContext } from '../context.js';
import { notFound, parseBody, unprocessable } from '../errors.js';
import { listEnvelope, parseListQuery } from '../list-query.js';
import { creditNoteSchema } from '../schemas/stock.js';
import { UNASSIGNED_BIN_ID, type CreditNote } from '../types.js';

/** The body is ASSUMED (unknown upstream): the sandbox keeps what was sent and returns it flat. */
const creditNoteView = (note: CreditNote) => ({
  ...note.body, creditNoteId: note.creditNoteId, niceId: note.niceId, saleOrderId: note.saleOrderId, timeCreated: note.timeCreated,
});

export function registerCreditNoteRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.post('/v0/credit-notes', async (request, reply) => {
    const body = parseBody(creditNoteSchema, request.body);
    const order = state.saleOrders.get(body.saleOrderId);
    if (!order) throw unprocessable(`Sale order ${body.saleOrderId} not found`);
    // Validate every line before changing anything: a refused note changes no stock.
    const credited = creditedQuantities(state.creditNotes.values(), order.saleOrderId);
    for (const [i, item] of body.items.entries()) {
      const line = order.lines.find((l) => l.lineId === item.lineId);
      if (!line) throw unprocessable(`items.${i}.lineId: line ${item.lineId} is not on order ${order.saleOrderId}`);
      if (line.referenceId !== item.referenceId) throw unprocessable(`items.${i}.referenceId: line ${item.lineId} is item ${line.referenceId}`);
      const already = credited.get(item.lineId) ?? 0;
      if (already + item.quantity > line.quantity) {
        throw unprocessable(`items.${i}.quantity: ${item.quantity} more would credit ${already + item.quantity} of ${line.quantity} on line ${item.lineId}`);
      }
      credited.set(item.lineId, already + item.quantity);
      if (item.restock && (!item.locationId || !state.locations.has(item.locationId))) {
        throw unprocessable(`items.${i}.locationId: a restocked line needs a known location`);
      }
    }
    // ASSUMED: a restocked line puts the quantity back at the location's UNASSIGNED row.
    for (const item of body.items) {
      if (item.restock && item.locationId) state.adjustOnHand(item.referenceId, item.locationId, UNASSIGNED_BIN_ID, item.quantity);
    }
    const note: CreditNote = {
      creditNoteId: randomUUID(), niceId: state.nextCreditNoteNiceId(),
      saleOrderId: body.saleOrderId, timeCreated: state.nowIso(), body,
    };
    state.creditNotes.set(note.creditNoteId, note);
    return answerCommitted(ctx, request, reply, 201, { data: { id: note.creditNoteId } });
  });

  app.get('/v0/credit-notes', async (request) =>
    listEnvelope(state.creditNotes.values(), parseListQuery(request.query), 'creditNoteId', creditNoteView));

  app.get<{ Params: { creditNoteId: string } }>('/v0/credit-notes/:creditNoteId', async (request) => {
    const note = state.creditNotes.get(request.params.creditNoteId);
    if (!note) throw notFound(`Credit note ${request.params.creditNoteId} not found`);
    return { data: creditNoteView(note) };
  });
}

function creditedQuantities(notes: Iterable<CreditNote>, saleOrderId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const note of notes) {
    if (note.saleOrderId !== saleOrderId) continue;
    const items = (note.body as { items?: Array<{ lineId: string; quantity: number }> }).items ?? [];
    for (const item of items) out.set(item.lineId, (out.get(item.lineId) ?? 0) + item.quantity);
  }
  return out;
}
