import { z } from 'zod';
import { outboxItemSchema, outboxListSchema, outboxQuerySchema, type OutboxItem } from '../../../../shared/admin-api.js';
import type { OutboxRepo, OutboxRow } from '../../db/outbox-repo.js';
import { DomainError } from '../../domain-errors.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import { isoOrNull as iso } from '../../../../shared/time.js';
import { adminErrors } from '../responses.js';

const logger = scopedLogger('admin-outbox');

export function toOutboxItem(r: OutboxRow, waitingForSale: boolean): OutboxItem {
  return {
    id: r.id, kind: r.kind, ref: r.ref, status: r.status, step: r.step, attempts: r.attempts,
    nextAttemptAt: new Date(r.nextAttemptAt).toISOString(), lastAttemptAt: iso(r.lastAttemptAt),
    lastError: r.lastError, outcomeUnknown: r.outcomeUnknown, remoteId: r.remoteId,
    exceptionReason: r.exceptionReason, createdAt: new Date(r.createdAt).toISOString(), doneAt: iso(r.doneAt), waitingForSale,
  };
}

/** The outbox for staff: list by state, and retry a row now. */
export function outboxRoutes(deps: { outbox: OutboxRepo; clock: { now(): number }; wakeRunner(): void }): RouteModule {
  return (app) => {
    app.get('/api/outbox', { schema: { querystring: outboxQuerySchema, response: { 200: outboxListSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => {
      const { rows, total } = deps.outbox.page(request.query);
      return {
        items: rows.map((r) => ({ ...toOutboxItem(r, deps.outbox.waitsForSale(r)), amount: r.amount, currency: r.currency, kioskId: r.kioskId })),
        total,
      };
    });
    app.post('/api/outbox/:id/retry', { schema: { params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: outboxItemSchema, ...errorResponses(400, 409), ...adminErrors } } }, async (request) => {
      const notRetryable = () => new DomainError('conflict', 'not_retryable', `Outbox row ${request.params.id} does not exist or is not waiting (done or voided rows are final).`);
      if (!deps.outbox.retryNow(request.params.id, deps.clock.now())) throw notRetryable();
      logger.info(`row ${request.params.id}: retry requested by staff`);
      deps.wakeRunner();
      const row = deps.outbox.get(request.params.id);
      if (!row) throw notRetryable();
      return toOutboxItem(row, deps.outbox.waitsForSale(row));
    });
  };
}
