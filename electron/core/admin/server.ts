import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { outboxListSchema, outboxQuerySchema, statusSchema, type OutboxItem, type Status } from '../../../shared/admin-api.js';
import type { OutboxRepo, OutboxRow } from '../db/outbox-repo.js';
import { ApiError, errorHandler, notFoundHandler } from '../http/api-error.js';
import { scopedLogger } from '../logging/logger.js';

const logger = scopedLogger('admin-api');

export interface AdminServerDeps {
  token: string;
  status(): Status;
  outbox: OutboxRepo;
  wakeRunner(): void;
  clock: { now(): number };
  /** Built UI to serve in headless mode, if present. */
  uiDir: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toOutboxItem(r: OutboxRow): OutboxItem {
  return {
    id: r.id, kind: r.kind, ref: r.ref, status: r.status, step: r.step, attempts: r.attempts,
    nextAttemptAt: new Date(r.nextAttemptAt).toISOString(), lastAttemptAt: iso(r.lastAttemptAt),
    lastError: r.lastError, outcomeUnknown: r.outcomeUnknown, remoteId: r.remoteId,
    exceptionReason: r.exceptionReason, createdAt: new Date(r.createdAt).toISOString(), doneAt: iso(r.doneAt),
  };
}

function tokenMatches(presented: string | undefined, expected: string): boolean {
  const match = /^Bearer (.+)$/i.exec(presented ?? '');
  if (!match?.[1]) return false;
  const a = Buffer.from(match[1]);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Admin API for the staff window; bound to 127.0.0.1, every /api route needs the bearer token. */
export async function buildAdminServer(deps: AdminServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!tokenMatches(request.headers.authorization, deps.token)) {
      throw new ApiError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>" (see docs/operations.md).');
    }
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/status', { schema: { response: { 200: statusSchema } } }, async () => deps.status());
  typed.get('/api/outbox', { schema: { querystring: outboxQuerySchema, response: { 200: outboxListSchema } } }, async (request) => ({
    items: deps.outbox.list(request.query).map(toOutboxItem),
  }));
  typed.post('/api/outbox/:id/retry', { schema: { params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request) => {
    const ok = deps.outbox.retryNow(request.params.id, deps.clock.now());
    if (!ok) throw new ApiError(409, 'not_retryable', `Outbox row ${request.params.id} does not exist or is not waiting (done or voided rows are final).`);
    logger.info(`row ${request.params.id}: retry requested by staff`);
    deps.wakeRunner();
    const row = deps.outbox.get(request.params.id);
    return row ? toOutboxItem(row) : null;
  });

  if (deps.uiDir && existsSync(deps.uiDir)) {
    await app.register(fastifyStatic, { root: deps.uiDir, prefix: '/' });
  }
  return app;
}
