import { z } from 'zod';
import { outboxListSchema, outboxQuerySchema, type OutboxItem } from '../../../../shared/admin-api.js';
import type { OutboxRepo, OutboxRow } from '../../db/outbox-repo.js';
import { ApiError } from '../../http/api-error.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import { isoOrNull as iso } from '../../../../shared/time.js';

const logger = scopedLogger('admin-outbox');


export function toOutboxItem(r: OutboxRow): OutboxItem {
  return {
    id: r.id, kind: r.kind, ref: r.ref, status: r.status, step: r.step, attempts: r.attempts,
    nextAttemptAt: new Date(r.nextAttemptAt).toISOString(), lastAttemptAt: iso(r.lastAttemptAt),
    lastError: r.lastError, outcomeUnknown: r.outcomeUnknown, remoteId: r.remoteId,
    exceptionReason: r.exceptionReason, createdAt: new Date(r.createdAt).toISOString(), doneAt: iso(r.doneAt),
  };
}

/** The outbox for staff: list by state, and retry a row now. */
export function outboxRoutes(deps: { outbox: OutboxRepo; clock: { now(): number }; wakeRunner(): void }): RouteModule {
  return (app) => {
    app.get('/api/outbox', { schema: { querystring: outboxQuerySchema, response: { 200: outboxListSchema } } }, async (request) => ({
      items: deps.outbox.list(request.query).map(toOutboxItem),
    }));
    app.post('/api/outbox/:id/retry', { schema: { params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request) => {
      const ok = deps.outbox.retryNow(request.params.id, deps.clock.now());
      if (!ok) throw new ApiError(409, 'not_retryable', `Outbox row ${request.params.id} does not exist or is not waiting (done or voided rows are final).`);
      logger.info(`row ${request.params.id}: retry requested by staff`);
      deps.wakeRunner();
      const row = deps.outbox.get(request.params.id);
      return row ? toOutboxItem(row) : null;
    });
  };
}
