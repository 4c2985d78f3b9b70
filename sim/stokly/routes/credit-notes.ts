import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { answerCommitted, type SandboxContext } from '../context.js';
import { notFound, parseBody, unprocessable } from '../errors.js';
import { listEnvelope, parseListQuery } from '../list-query.js';
import { creditNoteSchema } from '../schemas/stock.js';
import type { CreditNote } from '../types.js';

/** The body is ASSUMED (unknown upstream): the sandbox keeps what was sent and returns it flat. */
const creditNoteView = (note: CreditNote) => ({
  ...note.body, creditNoteId: note.creditNoteId, niceId: note.niceId, saleOrderId: note.saleOrderId, timeCreated: note.timeCreated,
});

export function registerCreditNoteRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.post('/v0/credit-notes', async (request, reply) => {
    const body = parseBody(creditNoteSchema, request.body);
    if (body.saleOrderId !== undefined && !state.saleOrders.has(body.saleOrderId)) {
      throw unprocessable(`Sale order ${body.saleOrderId} not found`);
    }
    const note: CreditNote = {
      creditNoteId: randomUUID(), niceId: state.nextCreditNoteNiceId(),
      saleOrderId: body.saleOrderId ?? null, timeCreated: state.nowIso(), body,
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
