import { afterEach, describe, expect, it } from 'vitest';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(async () => h?.stop());

async function harness(extra: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const started = await startHarness({
    ...extra,
    config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 }, catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } }, ...extra.config },
  });
  await started.agent.sync('catalog');
  await started.agent.sync('stock');
  return started;
}

const admin = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${h.agent.adminUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${h.agent.adminToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};

interface Item { id: number; reason: string; subjectRef: string; status: string; title: string; fix: string; detail: string; blocking: boolean }
const openExceptions = async (): Promise<Item[]> => ((await admin('/api/exceptions?status=open')).body as { items: Item[] }).items;
const exceptionFor = async (ref: string, reason: string): Promise<Item> =>
  waitFor(async () => (await openExceptions()).find((e) => e.subjectRef === ref && e.reason === reason), 5_000, `${reason} exception for ${ref}`);
const statusOf = (kind: 'sale' | 'refund', ref: string) => h.agent.outbox.byRef(kind, ref)?.status;
const act = (id: number, body: Record<string, unknown>) => admin(`/api/exceptions/${id}/actions`, { method: 'POST', body: { actor: 'Sam (store manager)', ...body } });
const orders = (saleId: string) => h.sandbox.state.ordersByReference(`store-001/${saleId}`);
const creditNotes = (refundId: string) => [...h.sandbox.state.creditNotes.values()].filter((n) => (n.body as { sourceReferenceId?: string }).sourceReferenceId === `store-001/${refundId}`);
const knownItem = () => [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format !== 2 && (h.sandbox.state.inventoryRecord(i.itemId, 'LOC-STORE-001')?.onHand ?? 0) > 3)!;

function saleOf(sku: string, quantity = 1, tender = 'card'): Sale {
  const base = h.sales().make({ lines: 1 });
  const price = 1500;
  return { ...base, lines: [{ sku, quantity, unitPrice: price, tax: 250 * quantity, discount: 0, fulfilment: 'store' }], payments: [{ tender, amount: price * quantity }] };
}

function refundOf(sale: Sale, restock: boolean, refundId = `rf-${sale.saleId}`): Refund {
  const line = sale.lines[0]!;
  return {
    refundId, saleId: sale.saleId, kioskId: sale.kioskId, occurredAt: new Date().toISOString(), currency: sale.currency,
    lines: [{ sku: line.sku, quantity: 1, amount: line.unitPrice, restock }], payments: [{ tender: 'card', amount: line.unitPrice }],
  };
}

describe('exception queue', () => {
  it('unknown SKU: explained, mapped to an item as a standing alias, posted; the next sale passes without a person; audited', async () => {
    h = await harness();
    const item = knownItem();
    const sale = saleOf('KIOSK-TEE-RED');
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    const e = await exceptionFor(sale.saleId, 'unknown_sku');
    expect(e.title).toMatch(/does not know a SKU/);
    expect(e.fix).toMatch(/Create the product/);
    expect(e.detail).toContain('KIOSK-TEE-RED');
    const bad = await act(e.id, { action: 'map_sku', sku: 'KIOSK-TEE-RED', itemId: 'no-such-item', scope: 'standing' });
    expect(bad.status).toBe(422);
    const ok = await act(e.id, { action: 'map_sku', sku: 'KIOSK-TEE-RED', itemId: item.itemId, scope: 'standing' });
    expect(ok.status).toBe(200);
    await waitFor(() => statusOf('sale', sale.saleId) === 'done', 10_000, 'posted');
    expect(orders(sale.saleId)[0]!.lines[0]!.referenceId).toBe(item.itemId);
    expect((await openExceptions()).some((x) => x.id === e.id)).toBe(false);

    const next = saleOf('KIOSK-TEE-RED');
    await h.kiosk().postSale(next);
    await waitFor(() => statusOf('sale', next.saleId) === 'done', 10_000, 'next sale posted by the alias');
    const detail = (await admin(`/api/exceptions/${e.id}`)).body as { audit: Array<{ actor: string; action: string; before: unknown; after: unknown }>; status: string };
    expect(detail.status).toBe('resolved');
    expect(detail.audit.map((a) => a.action)).toEqual(['map_sku_standing', 'resolved']);
    expect(detail.audit[0]).toMatchObject({ actor: 'Sam (store manager)', before: { sku: 'KIOSK-TEE-RED', itemId: null }, after: { sku: 'KIOSK-TEE-RED', itemId: item.itemId } });
  });

  it('a one-sale SKU mapping fixes only that sale', async () => {
    h = await harness();
    const item = knownItem();
    const first = saleOf('ODD-SKU');
    await h.kiosk().postSale(first);
    const e = await exceptionFor(first.saleId, 'unknown_sku');
    await act(e.id, { action: 'map_sku', sku: 'ODD-SKU', itemId: item.itemId, scope: 'sale' });
    await waitFor(() => statusOf('sale', first.saleId) === 'done', 10_000, 'posted');
    const second = saleOf('ODD-SKU');
    await h.kiosk().postSale(second);
    await exceptionFor(second.saleId, 'unknown_sku');
  });

  it('unmapped tender: mapping it from the staff window posts every sale waiting on it', async () => {
    h = await harness();
    const item = knownItem();
    const a = saleOf(item.sku, 1, 'voucher');
    const b = saleOf(item.sku, 1, 'voucher');
    await h.kiosk().postSale(a);
    await h.kiosk().postSale(b);
    const e = await exceptionFor(a.saleId, 'unmapped_tender');
    await exceptionFor(b.saleId, 'unmapped_tender');
    // Found by the agent before sending: Stok.ly never saw the sale.
    expect(((await admin(`/api/exceptions/${e.id}`)).body as { detailSource: string }).detailSource).toBe('agent');
    expect((await act(e.id, { action: 'map_tender', tender: 'voucher', method: 9, ledger: 'Vouchers' })).status).toBe(200);
    await waitFor(() => statusOf('sale', a.saleId) === 'done' && statusOf('sale', b.saleId) === 'done', 10_000, 'both posted');
    expect(orders(b.saleId)[0]!.payments.map((p) => p.method)).toEqual([9]);
  });

  it('rejected by Stok.ly: what Stok.ly said is shown; fixed upstream and retried, it posts', async () => {
    h = await harness();
    const item = knownItem();
    h.sandbox.state.deleteItem(item.itemId); // deleted in Stok.ly after our catalogue pull
    const sale = saleOf(item.sku);
    await h.kiosk().postSale(sale);
    const e = await exceptionFor(sale.saleId, 'rejected_by_stokly');
    expect(e.detail).toMatch(/422/);
    // Stok.ly's own answer to an attempt: the window may say "What Stok.ly said".
    expect(((await admin(`/api/exceptions/${e.id}`)).body as { detailSource: string }).detailSource).toBe('stokly');
    h.sandbox.state.updateItem(item.itemId, { status: 0 });
    expect((await act(e.id, { action: 'retry' })).status).toBe(200);
    await waitFor(() => statusOf('sale', sale.saleId) === 'done', 10_000, 'posted after retry');
    expect(orders(sale.saleId)).toHaveLength(1);
  });

  it('void needs a reason, keeps it, and the sale is never posted; notes are kept', async () => {
    h = await harness();
    const sale = saleOf('TEST-SKU-KEYED-WRONG');
    await h.kiosk().postSale(sale);
    const e = await exceptionFor(sale.saleId, 'unknown_sku');
    expect((await act(e.id, { action: 'note', text: 'Kiosk 1 test transaction' })).status).toBe(200);
    const noReason = await act(e.id, { action: 'void', reason: '' });
    expect(noReason.status).toBe(400);
    expect((await act(e.id, { action: 'void', reason: 'Test sale made by the installer' })).status).toBe(200);
    const row = h.agent.outbox.byRef('sale', sale.saleId)!;
    expect(row.status).toBe('voided');
    expect(row.voidReason).toBe('Test sale made by the installer');
    const detail = (await admin(`/api/exceptions/${e.id}`)).body as { status: string; notes: Array<{ text: string }>; audit: Array<{ action: string }> };
    expect(detail.status).toBe('voided');
    expect(detail.notes.map((n) => n.text)).toEqual(['Kiosk 1 test transaction']);
    expect(detail.audit.map((a) => a.action)).toEqual(['note', 'void']);
    expect(orders(sale.saleId)).toHaveLength(0);
  });

  it('a price divergence is a review item: the sale posts, a person acknowledges it', async () => {
    h = await harness();
    const item = knownItem();
    const sale = saleOf(item.sku); // 1500 is not the master price
    await h.kiosk().postSale(sale);
    await waitFor(() => statusOf('sale', sale.saleId) === 'done', 10_000, 'posted anyway');
    const e = await exceptionFor(sale.saleId, 'price_mismatch');
    expect(e.blocking).toBe(false);
    // Both prices as figures (the window says them as money), the sale itself and where it stands.
    const detail = (await admin(`/api/exceptions/${e.id}`)).body as {
      priceReview: unknown; detailSource: string; heldBy: unknown[]; document: { saleId: string } | null; outbox: { status: string; remoteId: string | null } | null;
    };
    expect(detail.priceReview).toEqual({ sku: item.sku, productName: item.name, kioskPrice: 1500, stoklyPrice: expect.any(Number), currency: sale.currency });
    expect((detail.priceReview as { stoklyPrice: number }).stoklyPrice).not.toBe(1500);
    expect(detail.detailSource).toBe('agent');
    expect(detail.document?.saleId).toBe(sale.saleId);
    expect(detail.outbox).toMatchObject({ status: 'done', remoteId: expect.any(String) });
    expect(detail.heldBy).toEqual([]);
    expect((await act(e.id, { action: 'retry' })).status).toBe(409);
    expect((await act(e.id, { action: 'acknowledge', note: 'Promotion price on the kiosk' })).status).toBe(200);
    expect((await openExceptions()).some((x) => x.id === e.id)).toBe(false);
  });

  it('a price review on a sale held back by an unmapped tender says what holds it, not that it is in Stok.ly', async () => {
    h = await harness();
    const item = knownItem();
    const sale = saleOf(item.sku, 1, 'voucher');
    await h.kiosk().postSale(sale);
    const review = await exceptionFor(sale.saleId, 'price_mismatch');
    const held = await exceptionFor(sale.saleId, 'unmapped_tender');
    const detail = (await admin(`/api/exceptions/${review.id}`)).body as { heldBy: unknown[]; outbox: { status: string; remoteId: string | null } | null };
    expect(detail.heldBy).toEqual([{ id: held.id, title: held.title }]);
    expect(detail.outbox).toMatchObject({ status: 'exception', remoteId: null });
    expect(orders(sale.saleId)).toHaveLength(0);
  });

  it('the audit log cannot be changed, even from inside', async () => {
    h = await harness();
    const sale = saleOf('AUDIT-SKU');
    await h.kiosk().postSale(sale);
    const e = await exceptionFor(sale.saleId, 'unknown_sku');
    await act(e.id, { action: 'note', text: 'hello' });
    expect(() => h.agent.db.prepare(`UPDATE audit_log SET actor = 'someone else'`).run()).toThrow(/append-only/);
    expect(() => h.agent.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('refunds', () => {
  it('a refund after its sale becomes a credit note; a restocked line puts stock back and availability follows', async () => {
    h = await harness();
    const item = knownItem();
    const onHand = h.sandbox.state.inventoryRecord(item.itemId, 'LOC-STORE-001')!.onHand;
    const sale = saleOf(item.sku, 2);
    await h.kiosk().postSale(sale);
    await waitFor(() => statusOf('sale', sale.saleId) === 'done', 10_000, 'sale posted');
    const refund = refundOf(sale, true);
    expect((await h.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    expect((await h.kiosk().post('/v1/refunds', refund)).status).toBe(200);
    expect((await h.kiosk().post('/v1/refunds', { ...refund, lines: [{ ...refund.lines[0]!, quantity: 2 }] })).status).toBe(409);
    // Back on the shelf at once: pending is 2 sold − 1 restocked.
    expect(h.agent.availability.forSkus([item.sku])[0]).toMatchObject({ pendingSales: 1, available: onHand - 1 });
    await waitFor(() => statusOf('refund', refund.refundId) === 'done', 10_000, 'refund posted');
    const notes = creditNotes(refund.refundId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.saleOrderId).toBe(orders(sale.saleId)[0]!.saleOrderId);
    expect(h.sandbox.state.inventoryRecord(item.itemId, 'LOC-STORE-001')!.onHand).toBe(onHand - 2 + 1);
    await h.agent.sync('stock');
    expect(h.agent.availability.forSkus([item.sku])[0]).toMatchObject({ onHand: onHand - 1, pendingSales: 0, available: onHand - 1 });
  });

  it('a refund that arrives before its sale is held, then posted after the sale', async () => {
    h = await harness();
    const item = knownItem();
    const sale = saleOf(item.sku);
    const refund = refundOf(sale, false);
    const res = await h.kiosk().post('/v1/refunds', refund);
    expect(res.status).toBe(201);
    expect((res.body as { flags: string[] }).flags).toContain('sale_not_received');
    await new Promise((r) => setTimeout(r, 400));
    expect(statusOf('refund', refund.refundId)).toBe('pending');
    expect(creditNotes(refund.refundId)).toHaveLength(0);
    await h.kiosk().postSale(sale);
    await waitFor(() => statusOf('refund', refund.refundId) === 'done', 10_000, 'refund posted after its sale');
    expect(creditNotes(refund.refundId)).toHaveLength(1);
  });

  it('a refund whose sale never arrives becomes an exception after the wait, and goes by itself once the sale arrives', async () => {
    h = await harness({ config: { refunds: { waitForSaleMinutes: 0.005 } } });
    const item = knownItem();
    const sale = saleOf(item.sku);
    const refund = refundOf(sale, false);
    await h.kiosk().post('/v1/refunds', refund);
    await new Promise((r) => setTimeout(r, 400));
    h.agent.exceptions.checkWaitingRefunds();
    const e = await exceptionFor(refund.refundId, 'refund_without_sale');
    expect(e.fix).toMatch(/resend/);
    await h.kiosk().postSale(sale);
    await waitFor(() => statusOf('refund', refund.refundId) === 'done', 10_000, 'refund posted once the sale came');
    expect((await openExceptions()).some((x) => x.id === e.id)).toBe(false);
  });

  it('a refund of a voided sale becomes a sale_voided exception and nothing is credited', async () => {
    h = await harness();
    const sale = saleOf('NEVER-EXISTED');
    await h.kiosk().postSale(sale);
    const e = await exceptionFor(sale.saleId, 'unknown_sku');
    await act(e.id, { action: 'void', reason: 'Sold by mistake, goods not handed over' });
    const refund = refundOf(sale, false);
    await h.kiosk().post('/v1/refunds', refund);
    h.agent.exceptions.checkWaitingRefunds();
    const r = await exceptionFor(refund.refundId, 'sale_voided');
    expect(r.detail).toContain(sale.saleId);
    expect(creditNotes(refund.refundId)).toHaveLength(0);
  });
});
