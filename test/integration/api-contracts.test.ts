import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { declaredRoutes } from '../../electron/core/http/contract.js';
import { adminEventSchema } from '../../shared/admin-api.js';
import { kioskEventSchema, type Refund, type Sale } from '../../shared/kiosk-api.js';
import { kioskToken, startHarness, waitFor, type Harness } from '../support/harness.js';

/**
 * Every route of both APIs, exercised on a running agent: each answer's status must be one the
 * route declares, and its body must parse with the schema declared for that status. The agent
 * itself turns an undeclared or malformed answer into a 500, so no answer here may be a 500.
 */

let h: Harness;
const covered = new Set<string>();
const answers: Array<{ route: string; status: number }> = [];

beforeAll(async () => {
  h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
  await h.agent.sync('catalog');
  await h.agent.sync('stock');
});
afterAll(async () => h.stop());

type Api = 'kiosk' | 'admin';

async function call(api: Api, method: string, pattern: string, path: string, init: { body?: unknown; rawBody?: string; contentType?: string; token?: string | null } = {}) {
  const route = declaredRoutes(api).find((r) => r.method === method && r.url === pattern);
  expect(route, `${api} ${method} ${pattern} is registered with declared responses`).toBeDefined();
  const defaultToken = api === 'kiosk' ? kioskToken('kiosk-01') : h.agent.adminToken;
  const token = init.token === undefined ? defaultToken : init.token;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const base = api === 'kiosk' ? h.agent.kioskUrl : h.agent.adminUrl;
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  const where = `${method} ${path} → ${res.status} ${text.slice(0, 300)}`;
  const schema = (route!.responses[String(res.status)] ?? route!.responses[`${String(res.status)[0]}xx`]) as ZodType | undefined;
  expect(schema, `${where}: status not declared`).toBeDefined();
  const parsed: unknown = (res.headers.get('content-type') ?? '').startsWith('application/json') ? JSON.parse(text) : text;
  const result = schema!.safeParse(parsed);
  expect(result.success, `${where}: body does not match the declared schema: ${result.error?.message ?? ''}`).toBe(true);
  covered.add(`${api} ${method} ${pattern}`);
  answers.push({ route: `${api} ${method} ${pattern}`, status: res.status });
  return { status: res.status, body: parsed as Record<string, unknown> };
}

const knownSku = () => [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format !== 2)!.sku;

function saleOf(sku: string): Sale {
  const base = h.sales('kiosk-01').make({ lines: 1 });
  return { ...base, lines: [{ sku, quantity: 1, unitPrice: 1500, tax: 250, discount: 0, fulfilment: 'store' }], payments: [{ tender: 'card', amount: 1500 }] };
}

function refundOf(sale: Sale): Refund {
  return {
    refundId: `rf-${sale.saleId}`, saleId: sale.saleId, kioskId: sale.kioskId, occurredAt: new Date().toISOString(), currency: sale.currency,
    lines: [{ sku: sale.lines[0]!.sku, quantity: 1, amount: 1500, restock: false }], payments: [{ tender: 'card', amount: 1500 }],
  };
}

/** The first server-sent event of a stream, as `{event, data}`. */
async function firstEvent(url: string, token: string): Promise<unknown> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  expect(res.status).toBe(200);
  const { value } = await res.body!.getReader().read();
  abort.abort();
  const frame = /^event: (\w+)\ndata: (.*)\n\n/.exec(new TextDecoder().decode(value));
  return { event: frame?.[1], data: JSON.parse(frame?.[2] ?? 'null') as unknown };
}

describe('kiosk API: every route answers only what it declares', () => {
  it('GET /health', async () => {
    expect((await call('kiosk', 'GET', '/health', '/health', { token: null })).status).toBe(200);
  });

  it('POST /v1/sales: 201, 200, 409, 400, 401, 403, 415', async () => {
    const sale = saleOf(knownSku());
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: sale })).status).toBe(201);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: sale })).status).toBe(200);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: { ...sale, currency: 'EUR' } })).status).toBe(409);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: { ...sale, lines: [] } })).status).toBe(400);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { rawBody: '{not json' })).status).toBe(400);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: sale, token: null })).status).toBe(401);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: sale, token: kioskToken('kiosk-02') })).status).toBe(403);
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { rawBody: 'saleId=1', contentType: 'text/plain' })).status).toBe(415);
  });

  it('POST /v1/refunds: 201 with acceptedRefundSchema (a refund before its sale is flagged), 200, 409, 400', async () => {
    const early = refundOf(saleOf(knownSku()));
    const first = await call('kiosk', 'POST', '/v1/refunds', '/v1/refunds', { body: early });
    expect(first.status).toBe(201);
    expect(first.body.flags).toEqual(['sale_not_received']);
    expect((await call('kiosk', 'POST', '/v1/refunds', '/v1/refunds', { body: early })).status).toBe(200);
    expect((await call('kiosk', 'POST', '/v1/refunds', '/v1/refunds', { body: { ...early, currency: 'EUR' } })).status).toBe(409);
    expect((await call('kiosk', 'POST', '/v1/refunds', '/v1/refunds', { body: { ...early, lines: [] } })).status).toBe(400);
  });

  it('GET /v1/stock and /v1/products: a page, a named SKU, an unknown cursor (400)', async () => {
    expect((await call('kiosk', 'GET', '/v1/stock', `/v1/stock?sku=${encodeURIComponent(knownSku())}&sku=NOPE`)).status).toBe(200);
    expect((await call('kiosk', 'GET', '/v1/stock', '/v1/stock')).status).toBe(200);
    expect((await call('kiosk', 'GET', '/v1/stock', '/v1/stock?cursor=%%%')).status).toBe(400);
    expect((await call('kiosk', 'GET', '/v1/products', '/v1/products')).status).toBe(200);
    expect((await call('kiosk', 'GET', '/v1/products', '/v1/products?cursor=%%%')).status).toBe(400);
    expect((await call('kiosk', 'GET', '/v1/products', '/v1/products?page=2')).status).toBe(400);
  });

  it('GET /v1/events: 401 without a token; the stream\'s frames are kioskEventSchema events', async () => {
    expect((await call('kiosk', 'GET', '/v1/events', '/v1/events', { token: null })).status).toBe(401);
    const event = await firstEvent(`${h.agent.kioskUrl}/v1/events`, kioskToken('kiosk-01'));
    expect(kioskEventSchema.safeParse(event).success).toBe(true);
    covered.add('kiosk GET /v1/events');
  });
});

describe('admin API: every route answers only what it declares', () => {
  it('status, outbox, flags, audit, Cloudshelf issues; 401 without the token; 400 for a bad query', async () => {
    expect((await call('admin', 'GET', '/api/status', '/api/status')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/status', '/api/status', { token: null })).status).toBe(401);
    expect((await call('admin', 'GET', '/api/outbox', '/api/outbox?status=pending')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/outbox', '/api/outbox?limit=0')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/flags', '/api/flags')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/flags', '/api/flags?day=2026-12-01&state=open&flag=oversold&limit=10')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/flags', '/api/flags?state=maybe')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/audit', '/api/audit?limit=5')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/cloudshelf/issues', '/api/cloudshelf/issues')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/cloudshelf/issues', '/api/cloudshelf/issues?days=-1')).status).toBe(400);
    expect((await call('admin', 'GET', '/metrics', '/metrics')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/products', `/api/products?q=${encodeURIComponent(knownSku().slice(0, 4))}`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/products', '/api/products')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/store', '/api/store')).status).toBe(200);
    const posted = saleOf(knownSku());
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: posted })).status).toBe(201);
    expect((await call('admin', 'GET', '/api/sales', `/api/sales?q=${encodeURIComponent(posted.saleId)}&kiosk=kiosk-01&day=2026-12-01&limit=5`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/sales', '/api/sales?day=yesterday')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/sales/:saleId', `/api/sales/${encodeURIComponent(posted.saleId)}`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/sales/:saleId', '/api/sales/no-such-sale')).status).toBe(404);
    const unknown = { ...saleOf('NO-SUCH-SKU-1'), saleId: `${posted.saleId}-u` };
    expect((await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: unknown })).status).toBe(201);
    const flagged = (await call('admin', 'GET', '/api/flags', '/api/flags?state=open')).body as { items: Array<{ id: number }> };
    const flagId = flagged.items[0]!.id;
    expect((await call('admin', 'POST', '/api/flags/:id/acknowledge', `/api/flags/${flagId}/acknowledge`, { body: { actor: 'Sam', note: 'checked' } })).status).toBe(200);
    expect((await call('admin', 'POST', '/api/flags/:id/acknowledge', `/api/flags/${flagId}/acknowledge`, { body: { actor: 'Sam' } })).status).toBe(409);
    expect((await call('admin', 'POST', '/api/flags/:id/acknowledge', '/api/flags/999999/acknowledge', { body: { actor: 'Sam' } })).status).toBe(404);
    expect((await call('admin', 'POST', '/api/flags/:id/acknowledge', `/api/flags/${flagId}/acknowledge`, { body: { note: 'no name' } })).status).toBe(400);
    expect((await call('admin', 'GET', '/metrics', '/metrics', { token: null })).status).toBe(401);
    expect((await call('admin', 'GET', '/api/alerts', '/api/alerts')).status).toBe(200);
    expect((await call('admin', 'GET', '/api/alerts', '/api/alerts?limit=0')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/support-bundle', '/api/support-bundle', { token: null })).status).toBe(401);
    expect((await call('admin', 'GET', '/api/support-bundle', '/api/support-bundle')).status).toBe(200);
  });

  it('kiosks: enrol 201, 409 for an id in use, 400 for a bad id; list 200; revoke 200, 404, 409 for a kiosk from the file', async () => {
    expect((await call('admin', 'POST', '/api/kiosks', '/api/kiosks', { body: { id: 'kiosk-contract', name: 'Contract' } })).status).toBe(201);
    expect((await call('admin', 'POST', '/api/kiosks', '/api/kiosks', { body: { id: 'kiosk-contract', name: 'Again' } })).status).toBe(409);
    expect((await call('admin', 'POST', '/api/kiosks', '/api/kiosks', { body: { id: 'no spaces allowed', name: 'x' } })).status).toBe(400);
    expect((await call('admin', 'GET', '/api/kiosks', '/api/kiosks')).status).toBe(200);
    expect((await call('admin', 'DELETE', '/api/kiosks/:id', '/api/kiosks/kiosk-contract')).status).toBe(200);
    expect((await call('admin', 'DELETE', '/api/kiosks/:id', '/api/kiosks/kiosk-contract')).status).toBe(404);
    expect((await call('admin', 'DELETE', '/api/kiosks/:id', '/api/kiosks/kiosk-01')).status).toBe(409);
  });

  it('GET /api/events: 401 without the token; the stream\'s frames are adminEventSchema events', async () => {
    expect((await call('admin', 'GET', '/api/events', '/api/events', { token: null })).status).toBe(401);
    expect(adminEventSchema.safeParse(await firstEvent(`${h.agent.adminUrl}/api/events`, h.agent.adminToken)).success).toBe(true);
    covered.add('admin GET /api/events');
  });

  it('sync now: 200 for a pull, 409 for Cloudshelf when it is not configured, 400 for an unknown job', async () => {
    expect((await call('admin', 'POST', '/api/sync/:job', '/api/sync/stock')).status).toBe(200);
    expect((await call('admin', 'POST', '/api/sync/:job', '/api/sync/cloudshelf')).status).toBe(409);
    expect((await call('admin', 'POST', '/api/sync/:job', '/api/sync/everything')).status).toBe(400);
  });

  it('exceptions and their actions, and retrying an outbox row: 200, 400, 404, 409, 422', async () => {
    const sale = saleOf('NOT-IN-STOKLY');
    await call('kiosk', 'POST', '/v1/sales', '/v1/sales', { body: sale });
    const item = await waitFor(async () => ((await call('admin', 'GET', '/api/exceptions', '/api/exceptions?status=open')).body.items as Array<{ id: number; subjectRef: string }>)
      .find((e) => e.subjectRef === sale.saleId), 10_000, 'the unknown-SKU exception');
    expect((await call('admin', 'GET', '/api/exceptions', '/api/exceptions?status=nope')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/exceptions/:id', `/api/exceptions/${item.id}`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/exceptions/:id', '/api/exceptions/999999')).status).toBe(404);
    expect((await call('admin', 'GET', '/api/exceptions/:id', '/api/exceptions/abc')).status).toBe(400);
    const actions = '/api/exceptions/:id/actions';
    expect((await call('admin', 'POST', actions, `/api/exceptions/${item.id}/actions`, { body: { action: 'note', actor: 'Sam', text: 'looking' } })).status).toBe(200);
    expect((await call('admin', 'POST', actions, `/api/exceptions/${item.id}/actions`, { body: { action: 'acknowledge', actor: 'Sam' } })).status).toBe(409);
    expect((await call('admin', 'POST', actions, `/api/exceptions/${item.id}/actions`, { body: { action: 'map_sku', actor: 'Sam', sku: 'NOT-IN-STOKLY', itemId: 'NO-SUCH-ITEM', scope: 'sale' } })).status).toBe(422);
    expect((await call('admin', 'POST', actions, `/api/exceptions/${item.id}/actions`, { body: { action: 'void', actor: 'Sam', reason: '' } })).status).toBe(400);
    expect((await call('admin', 'POST', actions, '/api/exceptions/999999/actions', { body: { action: 'note', actor: 'Sam', text: 'x' } })).status).toBe(404);

    const row = h.agent.outbox.byRef('sale', sale.saleId)!;
    expect((await call('admin', 'POST', '/api/outbox/:id/retry', `/api/outbox/${row.id}/retry`)).status).toBe(200);
    expect((await call('admin', 'POST', '/api/outbox/:id/retry', '/api/outbox/999999/retry')).status).toBe(409);
    expect((await call('admin', 'POST', '/api/outbox/:id/retry', '/api/outbox/abc/retry')).status).toBe(400);
  });

  it('reconciliation: a report, its CSV and versions; 404 for a day not started or a missing version; 400 for a bad day', async () => {
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await call('admin', 'GET', '/api/reconciliation/:day', `/api/reconciliation/${day}`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/reconciliation/:day', `/api/reconciliation/${day}?version=99`)).status).toBe(404);
    expect((await call('admin', 'GET', '/api/reconciliation/:day', '/api/reconciliation/2999-01-01')).status).toBe(404);
    expect((await call('admin', 'GET', '/api/reconciliation/:day', '/api/reconciliation/2026-02-30')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/reconciliation/:day.csv', `/api/reconciliation/${day}.csv`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/reconciliation/:day/versions', `/api/reconciliation/${day}/versions`)).status).toBe(200);
  });

  it('month end: takings, sign-off and CSV (404 for a month not started, 400 for a bad one), stock movements, checks', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await call('admin', 'GET', '/api/reconciliation/month/:month', '/api/reconciliation/month/2999-01')).status).toBe(404);
    expect((await call('admin', 'GET', '/api/reconciliation/month/:month', '/api/reconciliation/month/2026-13')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/reconciliation/month/:month.csv', '/api/reconciliation/month/2999-01.csv')).status).toBe(404);
    const signoff = '/api/reconciliation/month/:month/signoff';
    expect((await call('admin', 'POST', signoff, '/api/reconciliation/month/2999-01/signoff', { body: { actor: 'Sam' } })).status).toBe(404);
    expect((await call('admin', 'POST', signoff, '/api/reconciliation/month/2999-01/signoff', { body: { actor: '' } })).status).toBe(400);
    expect((await call('admin', 'GET', '/api/stock-movements', `/api/stock-movements?from=${today}&to=${today}`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/stock-movements', '/api/stock-movements?from=2026-11-02&to=2026-11-01')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/stock-movements.csv', `/api/stock-movements.csv?from=${today}&to=${today}`)).status).toBe(200);
    expect((await call('admin', 'GET', '/api/checks', '/api/checks')).status).toBe(200);
    expect((await call('admin', 'POST', '/api/checks', '/api/checks', { body: { check: 'no-such-check', actor: 'Sam' } })).status).toBe(400);
  });

  it('every declared route of both APIs was exercised, and none answered 500', () => {
    const declared = (['kiosk', 'admin'] as const).flatMap((api) => declaredRoutes(api).map((r) => `${api} ${r.method} ${r.url}`));
    expect(declared.length).toBeGreaterThanOrEqual(15);
    expect(declared.filter((r) => !covered.has(r))).toEqual([]);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  });
});
