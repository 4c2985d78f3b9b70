import { afterEach, describe, expect, it } from 'vitest';
import { oneUnitRefund } from '../support/refunds.js';
import { createAdminClient, type AdminClient } from '../../renderer/src/api/admin-client.js';
import { AlertMonitor } from '../../electron/core/monitor/alerts.js';
import { sha256Hex } from '../../electron/core/kiosk/auth.js';
import { kioskToken, startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

/** The admin API as the staff window uses it, through the window's own client. */

let h: Harness;
afterEach(async () => h?.stop());

const windowClient = (): AdminClient =>
  createAdminClient({ adminUrl: h.agent.adminUrl, adminToken: h.agent.adminToken }, (url, init) => fetch(url, init));

describe('the window hears the agent (GET /api/events)', () => {
  it('hello on connect, "changed" when a sale is accepted, and the stream ends when the agent stops', async () => {
    h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    await h.agent.sync('catalog');
    const heard: string[] = [];
    const stop = new AbortController();
    const ended = windowClient().events((name) => heard.push(name), stop.signal);
    await waitFor(() => heard.includes('hello'), 5_000, 'hello');
    expect((await h.kiosk().postSale(h.sales().make({ lines: 1 }))).status).toBe(201);
    await waitFor(() => heard.includes('changed'), 5_000, 'changed after a sale');
    await h.agent.stop();
    await ended;
    stop.abort();
  });
});

describe('the SKU picker searches the product master (GET /api/products)', () => {
  it('finds a product by part of its name, its SKU or a barcode, with price and stock; pages without repeats', async () => {
    h = await startHarness({
      config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 }, catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } } },
    });
    await h.agent.sync('catalog');
    await h.agent.sync('stock');
    const api = windowClient();
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0 && i.name.split(/\s+/).some((w) => w.length >= 4))!;
    const word = item.name.split(/\s+/).find((w) => w.length >= 4)!;
    // Part of a word, in another case.
    const part = word.slice(1, 4).toLowerCase();
    const byName = await api.products(part, 50, 0);
    expect(byName.items.map((p) => p.itemId)).toContain(item.itemId);
    for (const hit of byName.items) expect(`${hit.sku} ${hit.name} ${hit.barcodes.join(' ')}`.toLowerCase()).toContain(part);
    const hit = byName.items.find((p) => p.itemId === item.itemId)!;
    expect(hit.price).toBeGreaterThan(0);
    expect(hit.onHand).not.toBeNull();

    const bySku = await api.products(item.sku, 5, 0);
    expect(bySku.items[0]!.itemId).toBe(item.itemId);
    const barcoded = [...h.sandbox.state.items.values()].find((i) => (i.barcodes ?? []).length > 0);
    if (barcoded) expect((await api.products(barcoded.barcodes![0]!, 5, 0)).items.map((p) => p.itemId)).toContain(barcoded.itemId);

    // Two characters: SKUs that start with them.
    const prefix = item.sku.slice(0, 2);
    expect((await api.products(prefix, 50, 0)).items.every((p) => p.sku.toUpperCase().startsWith(prefix.toUpperCase()))).toBe(true);

    // Pages: no product twice, and `more` tells the truth.
    const all = await api.products('a', 50, 0);
    const first = await api.products(part, 2, 0);
    const second = await api.products(part, 2, 2);
    if (byName.items.length > 2) {
      expect(first.more).toBe(true);
      expect(second.items.map((p) => p.itemId)).not.toContain(first.items[0]!.itemId);
    }
    expect(all.items.length).toBeLessThanOrEqual(50);
    // Quotes and FTS syntax are searched as text, never as a query.
    await expect(api.products('"name" OR *', 5, 0)).resolves.toBeDefined();
  });

  it('a renamed product is found under its new name only', async () => {
    h = await startHarness({ config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    await h.agent.sync('catalog');
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0)!;
    h.sandbox.state.updateItem(item.itemId, { name: 'Zebrawood chopping board' });
    await h.agent.sync('catalog');
    const api = windowClient();
    expect((await api.products('zebrawood', 5, 0)).items.map((p) => p.itemId)).toEqual([item.itemId]);
    // The index holds the product once, under its new name.
    expect(dbQueries(h.agent.db).searchIndexNames(item.itemId)).toEqual(['Zebrawood chopping board']);
  });
});

describe('store facts for the window (GET /api/store)', () => {
  it('names the payment methods from the configuration and from mappings made in the window, with ledger labels', async () => {
    h = await startHarness({ config: { window: { supportContact: 'IT helpdesk 0161 496 0000' } } });
    const facts = await windowClient().store();
    expect(facts.supportContact).toBe('IT helpdesk 0161 496 0000');
    expect(facts.timeZone).toBe(h.agent.config.reconciliation.timeZone);
    const configured = Object.keys(h.agent.config.tenders);
    expect(facts.paymentMethods.flatMap((m) => m.tenders).sort()).toEqual([...configured].sort());
  });

  it('names each configured kiosk (configuration `name`), the one source the window uses for kiosk names', async () => {
    h = await startHarness({ config: { kioskApi: { kiosks: [
      { id: 'kiosk-01', name: 'Entrance', tokenSha256: sha256Hex(kioskToken('kiosk-01')) },
      { id: 'kiosk-02', tokenSha256: sha256Hex(kioskToken('kiosk-02')) },
    ] } } });
    expect((await windowClient().store()).kiosks).toEqual([{ id: 'kiosk-01', name: 'Entrance' }, { id: 'kiosk-02', name: null }]);
  });
});

describe('a refund waiting for its sale is its own state', () => {
  it('the store stays OK, no stall alert, the status counts it apart and the list marks it; its sale arriving clears it', async () => {
    h = await startHarness({ config: { outbox: { stallAfterSeconds: 1 }, sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    await h.agent.sync('catalog');
    const sale = h.sales().make({ lines: 1 });
    const refund = oneUnitRefund(sale);
    expect((await h.kiosk().post('/v1/refunds', refund)).status).toBe(201);
    // Longer than the stall limit.
    await new Promise((r) => setTimeout(r, 1_500));
    const status = await windowClient().status();
    expect(status.health.status).toBe('ok');
    expect(status.waitingForSale).toBe(1);
    const alerts = new AlertMonitor(() => h.agent.status(), () => {}, { now: () => Date.now() }, 3_600_000, 1_000);
    expect(alerts.check().map((a) => a.title)).not.toContain('Sales are not reaching Stok.ly');
    const row = (await windowClient().outbox('all', 10)).items.find((r) => r.ref === refund.refundId)!;
    expect(row).toMatchObject({ status: 'pending', waitingForSale: true, kind: 'refund', amount: refund.lines[0]!.amount, currency: sale.currency, kioskId: sale.kioskId });

    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    await waitFor(() => h.agent.outbox.byRef('refund', refund.refundId)?.status === 'done', 10_000, 'refund posted after its sale');
    expect((await windowClient().status()).waitingForSale).toBe(0);
  });
});
