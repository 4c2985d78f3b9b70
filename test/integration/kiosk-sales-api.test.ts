import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, type Sale } from '../../shared/kiosk-api.js';
import { kioskToken, startHarness, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ config: { kioskApi: { requestsPerMinute: 40 } } });
  // Keep the outbox from posting during these contract tests: Stok.ly is "down".
  h.sandbox.setFaults({ outage: true });
});
afterAll(async () => h.stop());

const countRows = (): number => dbQueries(h.agent.db).outboxCount();
const countSales = (): number => dbQueries(h.agent.db).saleCount();

async function raw(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? kioskToken('kiosk-02') : init.token;
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(`${h.agent.kioskUrl}${path}`, { ...init, headers });
}

function sale(overrides: Partial<Sale> = {}): Sale {
  return { ...h.sales('kiosk-02').make(), ...overrides };
}

describe('POST /v1/sales — the kiosk contract', () => {
  it('201: stores the sale and its outbox row, answers accepted with receivedAt and flags', async () => {
    const before = countRows();
    const s = sale();
    const res = await h.kiosk('kiosk-02').postSale(s);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ saleId: s.saleId, status: 'accepted', flags: [] });
    expect(typeof (res.body as { receivedAt: string }).receivedAt).toBe('string');
    expect(countRows()).toBe(before + 1);
    const stored = dbQueries(h.agent.db).sale(s.saleId)!;
    expect(stored.total).toBe(s.payments[0]!.amount);
  });

  it('200: an identical resend returns the original answer and stores nothing new', async () => {
    const s = sale();
    const first = await h.kiosk('kiosk-02').postSale(s);
    const before = countRows();
    // Same document, keys in another order: still the same sale.
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    const again = await h.kiosk('kiosk-02').post('/v1/sales', reordered);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(countRows()).toBe(before);
  });

  it('409 sale_conflict: the same saleId with a different body', async () => {
    const s = sale();
    await h.kiosk('kiosk-02').postSale(s);
    const before = countRows();
    const changed = { ...s, lines: s.lines.map((l) => ({ ...l, quantity: l.quantity + 1 })) };
    const res = await h.kiosk('kiosk-02').postSale(changed);
    expect(res.status).toBe(409);
    expect(errorBodySchema.parse(res.body).error.code).toBe('sale_conflict');
    expect(countRows()).toBe(before);
  });

  it('accepts a paid sale with unmapped tender and payments that do not add up, and flags them (rule one)', async () => {
    const s = sale();
    const odd = { ...s, payments: [{ tender: 'voucher', amount: 1 }] };
    const res = await h.kiosk('kiosk-02').postSale(odd);
    expect(res.status).toBe(201);
    expect((res.body as { flags: string[] }).flags.sort()).toEqual(['payment_mismatch', 'unmapped_tender']);
  });

  const malformed: Array<[string, (s: Sale) => unknown, string]> = [
    ['a negative quantity', (s) => ({ ...s, lines: [{ ...s.lines[0], quantity: -1 }] }), 'lines.0.quantity'],
    ['a fractional price', (s) => ({ ...s, lines: [{ ...s.lines[0], unitPrice: 12.5 }] }), 'lines.0.unitPrice'],
    ['no lines', (s) => ({ ...s, lines: [] }), 'lines'],
    ['a time without offset', (s) => ({ ...s, occurredAt: '2026-11-26 10:15' }), 'occurredAt'],
    ['a bad currency', (s) => ({ ...s, currency: 'pounds' }), 'currency'],
    ['a saleId with spaces', (s) => ({ ...s, saleId: 'sale 1' }), 'saleId'],
    ['a missing saleId', (s) => ({ ...s, saleId: undefined }), 'saleId'],
    ['an unknown field', (s) => ({ ...s, colour: 'red' }), '(body)'],
    ['a bad fulfilment', (s) => ({ ...s, lines: [{ ...s.lines[0], fulfilment: 'drone' }] }), 'lines.0.fulfilment'],
    ['a discount above the line value', (s) => ({ ...s, lines: [{ ...s.lines[0], discount: 10_000_000 }] }), 'lines.0.discount'],
  ];
  for (const [what, mutate, path] of malformed) {
    it(`400 invalid_request with issues for ${what}, storing nothing`, async () => {
      const before = countSales();
      const res = await h.kiosk('kiosk-02').post('/v1/sales', mutate(sale()));
      expect(res.status).toBe(400);
      const body = errorBodySchema.parse(res.body);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.issues?.map((i) => i.path)).toContain(path);
      expect(countSales()).toBe(before);
    });
  }

  it('400 invalid_json for a body that is not JSON', async () => {
    const res = await raw('/v1/sales', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"saleId": ' });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('invalid_json');
  });

  it('415 for another Content-Type', async () => {
    const before = countSales();
    const res = await raw('/v1/sales', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(sale()) });
    expect(res.status).toBe(415);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('unsupported_media_type');
    expect(countSales()).toBe(before);
  });

  it('413 for a body over 256 KiB', async () => {
    const s = sale();
    const huge = { ...s, customer: { name: 'x'.repeat(300 * 1024) } };
    const res = await raw('/v1/sales', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(huge) });
    expect(res.status).toBe(413);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('payload_too_large');
  });

  it('401 without a token or with a wrong one; 403 when the token belongs to another kiosk', async () => {
    const s = sale();
    const before = countSales();
    const none = await raw('/v1/sales', { method: 'POST', token: null, headers: { 'content-type': 'application/json' }, body: JSON.stringify(s) });
    expect(none.status).toBe(401);
    expect(errorBodySchema.parse(await none.json()).error.code).toBe('unauthorized');
    const wrong = await raw('/v1/sales', { method: 'POST', token: 'not-a-token', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s) });
    expect(wrong.status).toBe(401);
    const other = await h.kiosk('kiosk-01').postSale(s); // s.kioskId is kiosk-02
    expect(other.status).toBe(403);
    expect(countSales()).toBe(before);
  });

  it('GET /health needs no token and reports the backlog', async () => {
    const res = await fetch(`${h.agent.kioskUrl}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; online: boolean; backlog: { pending: number } };
    expect(body.online).toBe(false);
    expect(body.status).toBe('degraded');
    const waiting = dbQueries(h.agent.db).outboxCount({ status: ['pending', 'sending'] });
    expect(waiting).toBeGreaterThan(0);
    expect(body.backlog.pending).toBe(waiting);
  });

  it('429 with Retry-After once a kiosk exceeds its rate, without affecting other kiosks', async () => {
    // requestsPerMinute is 40 for this suite; kiosk-02 has used some already.
    let limited: Response | null = null;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await raw('/v1/sales', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (res.status === 429) limited = res;
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorBodySchema.parse(await limited!.json()).error.code).toBe('rate_limited');
    const otherKiosk = await h.kiosk('kiosk-01').postSale(h.sales('kiosk-01').make());
    expect(otherKiosk.status).toBe(201);
  });
});
