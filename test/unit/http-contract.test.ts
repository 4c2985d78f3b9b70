import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAdminServer } from '../../electron/core/admin/server.js';
import { DomainError } from '../../electron/core/domain-errors.js';
import { toApiError } from '../../electron/core/http/api-error.js';
import { errorResponses } from '../../electron/core/http/contract.js';
import type { RouteModule } from '../../electron/core/http/typed-app.js';
import type { BatchedIngest } from '../../electron/core/kiosk/ingest.js';
import { refundRoutes } from '../../electron/core/kiosk/routes/refunds.js';
import { salesRoutes } from '../../electron/core/kiosk/routes/sales.js';
import { buildKioskServer } from '../../electron/core/kiosk/server.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { errorBodySchema, type AcceptedRefund, type AcceptedSale, type Refund, type Sale } from '../../shared/kiosk-api.js';
import type { FastifyInstance, FastifyReply } from 'fastify';

silenceLogging();

const KIOSK = { id: 'kiosk-01', token: 'kiosk-01-token' };
const auth = { authorization: `Bearer ${KIOSK.token}` };
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function kioskApp(routes: RouteModule[]): Promise<FastifyInstance> {
  const app = await buildKioskServer({ identify: (authorization) => (authorization === auth.authorization ? { id: KIOSK.id } : null), requestsPerMinute: 1_000, accepting: () => true, routes });
  apps.push(app);
  return app;
}

/** An ingest that answers whatever receipt the test gives it, as if committed. */
function ingestAnswering<T, R>(receipt: R): BatchedIngest<T, R> {
  return { submit: async () => ({ type: 'accepted', receipt }) } as unknown as BatchedIngest<T, R>;
}

const sale: Sale = {
  saleId: 's-1', kioskId: KIOSK.id, occurredAt: '2026-11-26T10:00:00+00:00', currency: 'GBP',
  lines: [{ sku: 'A', quantity: 1, unitPrice: 500, tax: 83, discount: 0, fulfilment: 'store' }],
  payments: [{ tender: 'card', amount: 500 }],
};
const refund: Refund = {
  refundId: 'r-1', saleId: 's-1', kioskId: KIOSK.id, occurredAt: '2026-11-26T11:00:00+00:00', currency: 'GBP',
  lines: [{ sku: 'A', quantity: 1, amount: 500, restock: false }], payments: [{ tender: 'card', amount: 500 }],
};

const post = (app: FastifyInstance, url: string, body: unknown) =>
  app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

describe('a route answering what its schema does not allow is caught', () => {
  it('the real sales route: a receipt with a flag the contract does not know becomes a 500, never reaches the kiosk', async () => {
    const good = await kioskApp([salesRoutes(ingestAnswering<Sale, AcceptedSale>({ saleId: 's-1', status: 'accepted', receivedAt: '2026-11-26T10:00:01Z', flags: [] }))]);
    const ok = await post(good, '/v1/sales', sale);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ saleId: 's-1', status: 'accepted', receivedAt: '2026-11-26T10:00:01Z', flags: [] });

    const wrong = { saleId: 's-1', status: 'accepted', receivedAt: '2026-11-26T10:00:01Z', flags: ['made_up_flag'] } as unknown as AcceptedSale;
    const bad = await kioskApp([salesRoutes(ingestAnswering<Sale, AcceptedSale>(wrong))]);
    const res = await post(bad, '/v1/sales', sale);
    expect(res.statusCode).toBe(500);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('internal_error');
    expect(res.body).not.toContain('made_up_flag');
  });

  it('the real refunds route answers acceptedRefundSchema, and a receipt missing receivedAt is caught', async () => {
    const good = await kioskApp([refundRoutes(ingestAnswering<Refund, AcceptedRefund>({ refundId: 'r-1', status: 'accepted', receivedAt: '2026-11-26T11:00:01Z', flags: ['sale_not_received'] }))]);
    expect((await post(good, '/v1/refunds', refund)).json()).toEqual({ refundId: 'r-1', status: 'accepted', receivedAt: '2026-11-26T11:00:01Z', flags: ['sale_not_received'] });

    const wrong = { refundId: 'r-1', status: 'accepted', flags: [] } as unknown as AcceptedRefund;
    const bad = await kioskApp([refundRoutes(ingestAnswering<Refund, AcceptedRefund>(wrong))]);
    expect((await post(bad, '/v1/refunds', refund)).statusCode).toBe(500);
  });

  it('an answer with a status the route does not declare becomes a 500', async () => {
    const app = await kioskApp([(a) => {
      a.get('/v1/teapot', { schema: { response: { 200: z.object({ ok: z.boolean() }), ...errorResponses(500) } } }, async (_req, reply) => {
        // The type provider already refuses an undeclared code at compile time; a bug could still send one.
        void (reply as unknown as FastifyReply).code(202);
        return { ok: true };
      });
    }]);
    const res = await app.inject({ method: 'GET', url: '/v1/teapot', headers: auth });
    expect(res.statusCode).toBe(500);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('internal_error');
  });

  it('an error status the route does not declare becomes a 500 too (the kiosk sees only declared answers)', async () => {
    const app = await kioskApp([(a) => {
      a.get('/v1/gone', { schema: { response: { 200: z.object({ ok: z.boolean() }), ...errorResponses(500) } } }, async () => {
        throw new DomainError('not_found', 'not_found', 'nothing here');
      });
    }]);
    expect((await app.inject({ method: 'GET', url: '/v1/gone', headers: auth })).statusCode).toBe(500);
  });

  it('a route without response schemas, or without its 500, does not start', async () => {
    await expect(kioskApp([(a) => {
      a.get('/v1/bare', async () => ({ ok: true }));
    }])).rejects.toThrow(/declares no response schemas/);
    await expect(buildAdminServer({ token: 't'.repeat(32), uiDir: null, routes: [(a) => {
      a.get('/api/bare', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
    }] })).rejects.toThrow(/does not declare its 500 answer/);
  });

  it('the admin API checks its answers the same way', async () => {
    const app = await buildAdminServer({ token: 't'.repeat(32), uiDir: null, routes: [(a) => {
      a.get('/api/thing', { schema: { response: { 200: z.object({ count: z.number().int() }), ...errorResponses(401, 500) } } }, async () => ({ count: 1.5 }));
    }] });
    apps.push(app);
    const res = await app.inject({ method: 'GET', url: '/api/thing', headers: { authorization: `Bearer ${'t'.repeat(32)}` } });
    expect(res.statusCode).toBe(500);
    expect((await app.inject({ method: 'GET', url: '/api/thing' })).statusCode).toBe(401);
  });
});

describe('domain errors are mapped to HTTP in one place', () => {
  it.each([
    ['not_found', 404], ['invalid', 400], ['conflict', 409], ['unprocessable', 422], ['unavailable', 503],
  ] as const)('%s → %i, with the code and message kept', (kind, status) => {
    const api = toApiError(new DomainError(kind, 'some_code', 'what happened'));
    expect(api.statusCode).toBe(status);
    expect(api.body()).toEqual({ error: { code: 'some_code', message: 'what happened' } });
  });

  it('keeps issues and turns retryAfterSeconds into a Retry-After header', () => {
    const api = toApiError(new DomainError('unavailable', 'unavailable', 'later', { retryAfterSeconds: 10, issues: [{ path: 'x', message: 'y' }] }));
    expect(api.headers).toEqual({ 'retry-after': '10' });
    expect(api.body().error.issues).toEqual([{ path: 'x', message: 'y' }]);
  });
});
