import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../electron/core/reconcile/trading-day.js';
import type { Refund, Sale } from '../../shared/kiosk-api.js';
import { movementListSchema } from '../../shared/month-end.js';
import { UNASSIGNED_BIN_ID } from '../../sim/stokly/types.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
afterEach(async () => h?.stop());

const LOCATION = 'LOC-STORE-001';
const api = (path: string): Promise<Response> => fetch(`${h.agent.adminUrl}${path}`, { headers: { authorization: `Bearer ${h.agent.adminToken}` } });
const stocked = () => [...h.sandbox.state.items.values()]
  .filter((i) => i.status === 0 && i.format !== 2 && (h.sandbox.state.inventoryRecord(i.itemId, LOCATION)?.onHand ?? 0) >= 6);
const onHand = (itemId: string): number => h.sandbox.state.inventoryRecord(itemId, LOCATION)?.onHand ?? 0;

function saleOf(sku: string, quantity: number): Sale {
  const sale = h.sales().make({ lines: 1 });
  sale.lines[0] = { ...sale.lines[0]!, sku, quantity, discount: 0 };
  sale.payments = [{ tender: 'card', amount: sale.lines[0].unitPrice * quantity }];
  return sale;
}
const done = (kind: 'sale' | 'refund', ref: string) => waitFor(() => h.agent.outbox.byRef(kind, ref)?.status === 'done', 15_000, `${kind} ${ref} done`);
const movementRows = (): Array<{ sku: string; movement: number }> => dbQueries(h.agent.db).stockMovements().map(({ sku, movement }) => ({ sku, movement }));

describe('stock movements', () => {
  it('a receipt (+) and a shrinkage (−) made in Stok.ly appear; kiosk sales through an outage, posting, collection and pulls never do', async () => {
    h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    await h.agent.sync('catalog');
    await h.agent.sync('stock'); // the baseline
    const [received, shrunk, soldA, soldB] = stocked();
    expect(soldB).toBeDefined();
    const before = { a: onHand(soldA!.itemId), b: onHand(soldB!.itemId) };

    // Stok.ly goes down; a kiosk sells A (2) and it waits in the outbox; meanwhile goods arrive in Stok.ly.
    h.sandbox.setFaults({ outage: true });
    const first = saleOf(soldA!.sku, 2);
    expect((await h.kiosk().postSale(first)).status).toBe(201);
    await h.agent.sync('stock'); // fails: nothing stored, nothing measured
    expect(h.agent.status().sync.stock.lastError).not.toBeNull();
    h.sandbox.state.adjustOnHand(received!.itemId, LOCATION, UNASSIGNED_BIN_ID, 12);
    // Back up: a pull at once, racing the posting and collection of the waiting sale.
    h.sandbox.setFaults({ outage: false });
    await h.agent.sync('stock');
    await done('sale', first.saleId);
    await h.agent.sync('stock');
    await h.agent.sync('stock');

    // B sells 3 and one comes back restocked; A sells again; someone writes 5 of `shrunk` off.
    const second = saleOf(soldB!.sku, 3);
    const third = saleOf(soldA!.sku, 1);
    for (const s of [second, third]) expect((await h.kiosk().postSale(s)).status).toBe(201);
    h.sandbox.state.adjustOnHand(shrunk!.itemId, LOCATION, UNASSIGNED_BIN_ID, -5);
    await h.agent.sync('stock'); // perhaps before, during or after their posting
    for (const s of [second, third]) await done('sale', s.saleId);
    const refund: Refund = {
      refundId: `rf-${second.saleId}`, saleId: second.saleId, kioskId: second.kioskId, occurredAt: new Date().toISOString(), currency: second.currency,
      lines: [{ sku: soldB!.sku, quantity: 1, amount: second.lines[0]!.unitPrice, restock: true }],
      payments: [{ tender: 'card', amount: second.lines[0]!.unitPrice }],
    };
    expect((await h.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    await done('refund', refund.refundId);
    await h.agent.sync('stock');
    await h.agent.sync('stock');
    // Stok.ly's figures did move by the kiosk sales: the agent saw them and explained them.
    expect([onHand(soldA!.itemId), onHand(soldB!.itemId)]).toEqual([before.a - 3, before.b - 2]);
    const pending = await (await fetch(`${h.agent.kioskUrl}/v1/stock?sku=${encodeURIComponent(soldA!.sku)}`, { headers: { authorization: 'Bearer token-for-kiosk-01' } })).json();
    expect(pending).toMatchObject({ items: [{ onHand: before.a - 3, pendingSales: 0 }] });

    // Only the receipt and the shrinkage, never a kiosk sale or refund.
    expect(movementRows()).toEqual(expect.arrayContaining([{ sku: received!.sku, movement: 12 }, { sku: shrunk!.sku, movement: -5 }]));
    expect(movementRows()).toHaveLength(2);

    const today = dayOf(Date.now(), 'Europe/London');
    const res = await api(`/api/stock-movements?from=${today.slice(0, 8)}01&to=${today}`);
    expect(res.status).toBe(200);
    const list = movementListSchema.parse(await res.json());
    expect(list.items).toEqual([
      expect.objectContaining({ sku: received!.sku, name: received!.name, net: 12, count: 1, largest: 12 }),
      expect.objectContaining({ sku: shrunk!.sku, name: shrunk!.name, net: -5, count: 1, largest: -5 }),
    ]);

    const csv = await api(`/api/stock-movements.csv?from=${today}&to=${today}`);
    const rows = parse(new TextDecoder().decode(new Uint8Array(await csv.arrayBuffer())), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.sku, Number(r.net_units)])).toEqual([[received!.sku, 12], [shrunk!.sku, -5]]);

    expect((await api(`/api/stock-movements?from=${today}&to=2020-01-01`)).status).toBe(400);
    expect((await api('/api/stock-movements?from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });
});
