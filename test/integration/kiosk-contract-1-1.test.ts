import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, type Refund, type Sale } from '../../shared/kiosk-api.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

/** Kiosk contract 1.1: text rules, bounds, id collisions, refund limits. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
  await h.agent.sync('catalog');
});
afterAll(async () => h.stop());

const admin = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${h.agent.adminUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${h.agent.adminToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};
interface Item { id: number; reason: string; subjectRef: string; detail: string; blocking: boolean }
const exceptionFor = async (ref: string, reason: string): Promise<Item> =>
  waitFor(async () => ((await admin('/api/exceptions?status=open')).body as { items: Item[] }).items.find((e) => e.subjectRef === ref && e.reason === reason), 30_000, `${reason} for ${ref}`);
const creditNotes = (refundId: string) => [...h.sandbox.state.creditNotes.values()].filter((n) => (n.body as { sourceReferenceId?: string }).sourceReferenceId === `store-001/${refundId}`);

function refundOf(sale: Sale, refundId: string, quantity: number, amount: number, kioskId = sale.kioskId): Refund {
  const line = sale.lines[0]!;
  return {
    refundId, saleId: sale.saleId, kioskId, occurredAt: new Date().toISOString(), currency: sale.currency,
    lines: [{ sku: line.sku, quantity, amount, restock: false }], payments: [{ tender: 'card', amount }],
  };
}

describe('text fields and bounds', () => {
  const cases: Array<[string, (s: Sale) => Sale, string]> = [
    ['a CR LF in a SKU (a forged log line)', (s) => ({ ...s, lines: [{ ...s.lines[0]!, sku: 'TOTE\r\nX-Injected: 1' }] }), 'lines.0.sku'],
    ['a NUL in a payment reference', (s) => ({ ...s, payments: [{ tender: 'card', amount: 1, reference: 'a\u0000b' }] }), 'payments.0.reference'],
    ['a C1 control in the customer name', (s) => ({ ...s, customer: { name: 'A\u0085B' } }), 'customer.name'],
    ['a bidi override in the customer email', (s) => ({ ...s, customer: { email: 'moc.elpmaxe@\u202Ea' } }), 'customer.email'],
    ['an isolate in a Cloudshelf session', (s) => ({ ...s, cloudshelf: { sessionId: 'x\u2066y' } }), 'cloudshelf.sessionId'],
    ['quantity over 100,000', (s) => ({ ...s, lines: [{ ...s.lines[0]!, quantity: 100_001 }] }), 'lines.0.quantity'],
    ['unitPrice over 10^9', (s) => ({ ...s, lines: [{ ...s.lines[0]!, quantity: 1, unitPrice: 1_000_000_001 }] }), 'lines.0.unitPrice'],
    ['a total over 10^9 from in-range lines', (s) => ({ ...s, lines: [{ ...s.lines[0]!, quantity: 2, unitPrice: 600_000_000, tax: 0, discount: 0 }] }), 'lines'],
    ['the overflow of issue 8 (2 × 2^53−1)', (s) => ({ ...s, lines: [{ ...s.lines[0]!, quantity: 2, unitPrice: Number.MAX_SAFE_INTEGER, tax: 0, discount: 0 }] }), 'lines.0.unitPrice'],
  ];
  for (const [name, mutate, path] of cases) {
    it(`400 for ${name}, and nothing stored`, async () => {
      const sale = mutate(h.sales().make());
      const res = await h.kiosk().postSale(sale);
      expect(res.status).toBe(400);
      const body = errorBodySchema.parse(res.body);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.issues?.map((i) => i.path)).toContain(path);
      expect(dbQueries(h.agent.db).sale(sale.saleId)).toBeUndefined();
    });
  }
  it('accents, emoji and right-to-left text without overrides are accepted', async () => {
    const sale = { ...h.sales().make(), customer: { name: 'Zoë 👋 محمد' } };
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
  });
});

describe('id collisions', () => {
  it('a 409 reveals nothing about the other document; another kiosk\'s id raises an exception', async () => {
    const first = h.sales('kiosk-01').make();
    expect((await h.kiosk('kiosk-01').postSale(first)).status).toBe(201);
    const stolen = { ...h.sales('kiosk-02').make(), saleId: first.saleId };
    const res = await h.kiosk('kiosk-02').postSale(stolen);
    expect(res.status).toBe(409);
    const text = JSON.stringify(res.body);
    expect(errorBodySchema.parse(res.body).error.code).toBe('sale_conflict');
    const stored = dbQueries(h.agent.db).sale(first.saleId)!;
    expect(text).not.toContain(stored.receivedAt);
    expect(text).not.toContain('kiosk-01');
    const e = await exceptionFor(first.saleId, 'id_collision');
    expect(e.detail).toContain('kiosk-02');
    expect(e.blocking).toBe(false);
    // The same kiosk changing its own sale: a 409, no exception.
    const changed = { ...first, lines: [{ ...first.lines[0]!, quantity: first.lines[0]!.quantity + 1 }] };
    expect((await h.kiosk('kiosk-01').postSale(changed)).status).toBe(409);
  });
});

describe('refund limits', () => {
  it('refunds within the sale go; beyond it: accepted, flagged, held until an audited approval, then sent', { timeout: 180_000 }, async () => {
    const sale = h.sales().make({ lines: 1 });
    const line = sale.lines[0]!;
    const total = line.unitPrice * line.quantity - line.discount;
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    // A refund at another kiosk, within the sale: allowed.
    const within = refundOf(sale, `rf-in-${sale.saleId}`, 1, Math.min(total, line.unitPrice), 'kiosk-02');
    const ok = await h.kiosk('kiosk-02').post('/v1/refunds', within);
    expect(ok.status).toBe(201);
    expect((ok.body as { flags: string[] }).flags).not.toContain('refund_exceeds_sale');
    // The £100,000 credit note against a small sale of issue 8.
    const beyond = refundOf(sale, `rf-big-${sale.saleId}`, 1, 10_000_000);
    const held = await h.kiosk().post('/v1/refunds', beyond);
    expect(held.status).toBe(201);
    expect((held.body as { flags: string[] }).flags).toContain('refund_exceeds_sale');
    await waitFor(() => creditNotes(within.refundId).length === 1, 60_000, 'the refund within the sale is sent');
    const e = await exceptionFor(beyond.refundId, 'refund_exceeds_sale');
    expect(e.blocking).toBe(true);
    expect(h.agent.outbox.byRef('refund', beyond.refundId)?.status).toBe('exception');
    expect(creditNotes(beyond.refundId)).toHaveLength(0);

    const approved = await admin(`/api/exceptions/${e.id}/actions`, { method: 'POST', body: { action: 'retry', actor: 'Sam (store manager)' } });
    expect(approved.status).toBe(200);
    // Approved, it goes to Stok.ly: posted, or Stok.ly's own answer (its sandbox refuses a
    // credit note beyond the order's value) — no longer held by the agent.
    await waitFor(() => {
      const row = h.agent.outbox.byRef('refund', beyond.refundId);
      return row && (row.status === 'done' || (row.status === 'exception' && row.exceptionReason !== 'refund_exceeds_sale'));
    }, 60_000, 'the approved refund is sent');
    const detail = (await admin(`/api/exceptions/${e.id}`)).body as { audit: Array<{ actor: string; action: string }> };
    expect(detail.audit).toContainEqual(expect.objectContaining({ actor: 'Sam (store manager)', action: 'approve_refund' }));
  });

  it('more units than sold, over two refunds: the second is held', async () => {
    const sale = h.sales().make({ lines: 1 });
    const line = sale.lines[0]!;
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    const all = refundOf(sale, `rf-all-${sale.saleId}`, line.quantity, 1);
    expect((await h.kiosk().post('/v1/refunds', all)).body).toMatchObject({ flags: [] });
    const again = refundOf(sale, `rf-again-${sale.saleId}`, 1, 1);
    expect((await h.kiosk().post('/v1/refunds', again)).body).toMatchObject({ flags: ['refund_exceeds_sale'] });
    await exceptionFor(again.refundId, 'refund_exceeds_sale');
  });

  it('a refund that came before its sale is checked when the sale arrives', async () => {
    const sale = h.sales().make({ lines: 1 });
    const early = refundOf(sale, `rf-early-${sale.saleId}`, sale.lines[0]!.quantity + 1, 1);
    expect((await h.kiosk().post('/v1/refunds', early)).status).toBe(201);
    expect(h.agent.outbox.byRef('refund', early.refundId)?.status).toBe('pending');
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    await exceptionFor(early.refundId, 'refund_exceeds_sale');
    expect(h.agent.outbox.byRef('refund', early.refundId)?.status).toBe('exception');
  });
});
