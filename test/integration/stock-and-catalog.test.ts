import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
afterEach(async () => h?.stop());

const TAX_RATES = { standard: 20, reduced: 5, zero: 0 };

async function harness(extra: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const started = await startHarness({
    ...extra,
    config: {
      sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600, staleAfterSeconds: 300 },
      catalog: { taxRates: TAX_RATES },
      ...extra.config,
    },
  });
  await started.agent.sync('catalog');
  await started.agent.sync('stock');
  return started;
}

async function stockOf(skus: string[]): Promise<Array<Record<string, unknown>>> {
  const qs = skus.map((s) => `sku=${encodeURIComponent(s)}`).join('&');
  const res = await fetch(`${h.agent.kioskUrl}/v1/stock?${qs}`, { headers: { authorization: 'Bearer token-for-kiosk-01' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<Record<string, unknown>> }).items;
}

const sandboxItemBySku = (sku: string) => [...h.sandbox.state.items.values()].find((i) => i.sku === sku)!;
const storeOnHand = (sku: string): number => h.sandbox.state.inventoryRecord(sandboxItemBySku(sku).itemId, 'LOC-STORE-001')?.onHand ?? 0;
const stockedSku = (): string => {
  const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format !== 2 && storeOnHand(i.sku) >= 5);
  return item!.sku;
};

describe('product master pull', () => {
  it('a first full pull holds every Stok.ly item, with kiosk prices including tax', async () => {
    h = await harness();
    const count = dbQueries(h.agent.db).productCount();
    expect(count).toBe(h.sandbox.state.items.size);
    const sample = [...h.sandbox.state.items.values()].find((i) => i.format !== 2 && i.taxClassId === 'standard')!;
    const row = dbQueries(h.agent.db).productByItemId(sample.itemId)!;
    expect(row.taxRatePercent).toBe(20);
    expect(row.price).toBe(Math.round(Math.round(sample.salePrice.amount * 100) * 1.2));
  });

  it('an incremental pull picks up a price change, a new SKU and a deletion (kept, inactive)', async () => {
    h = await harness();
    const [a, b] = [...h.sandbox.state.items.values()].filter((i) => i.format !== 2 && i.status === 0);
    h.sandbox.state.updateItem(a!.itemId, { salePrice: { amount: 99.5, currency: 'GBP' }, taxClassId: 'zero' });
    h.sandbox.state.deleteItem(b!.itemId);
    const added = h.sandbox.state.addItem({ sku: 'NEW-SKU-1', name: 'New scarf', taxClassId: 'standard', salePrice: { amount: 10, currency: 'GBP' } });
    const before = h.sandbox.requestLog().length;
    await h.agent.sync('catalog');
    const requests = h.sandbox.requestLog().slice(before).filter((r) => r.path === '/v0/items');
    expect(requests[0]!.url).toContain('filter=');
    const product = (sku: string) => dbQueries(h.agent.db).product(sku)!;
    expect(product(a!.sku)).toMatchObject({ price: 9950, active: true });
    expect(product(b!.sku).active).toBe(false);
    expect(product(added.sku)).toMatchObject({ price: 1200, active: true });
    const res = await fetch(`${h.agent.kioskUrl}/v1/products`, { headers: { authorization: 'Bearer token-for-kiosk-01' } });
    const body = (await res.json()) as { items: Array<{ sku: string; active: boolean; price: number }> };
    expect(body.items.find((p) => p.sku === b!.sku)?.active).toBe(false);
  });
});

describe('available to sell', () => {
  it('drops the moment a store sale is accepted and stays exact through posting, collection and the next pull', async () => {
    h = await harness();
    const sku = stockedSku();
    const onHand = storeOnHand(sku);
    expect((await stockOf([sku]))[0]).toMatchObject({ sku, onHand, pendingSales: 0, available: onHand, stale: false });

    h.sandbox.setFaults({ outage: true });
    const sale = h.sales().make({ lines: 1 });
    sale.lines[0] = { ...sale.lines[0]!, sku, quantity: 2 };
    sale.payments = [{ tender: 'card', amount: sale.lines[0].unitPrice * 2 - sale.lines[0].discount }];
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    // At once, before Stok.ly knows anything.
    expect((await stockOf([sku]))[0]).toMatchObject({ onHand, pendingSales: 2, available: onHand - 2 });

    h.sandbox.setFaults({ outage: false });
    await waitFor(() => h.agent.outbox.byRef('sale', sale.saleId)?.status === 'done', 10_000, 'posted');
    // Stok.ly has collected it, but our figure is from before: still counted once.
    expect(storeOnHand(sku)).toBe(onHand - 2);
    expect((await stockOf([sku]))[0]).toMatchObject({ onHand, pendingSales: 2, available: onHand - 2 });

    await h.agent.sync('stock');
    // The pull started after the collection: Stok.ly's figure includes it, and it is no longer pending.
    expect((await stockOf([sku]))[0]).toMatchObject({ onHand: onHand - 2, pendingSales: 0, available: onHand - 2 });
  });

  it('a ship (endless aisle) line leaves store availability alone', async () => {
    h = await harness();
    const sku = stockedSku();
    const onHand = storeOnHand(sku);
    const sale = h.sales().make({ lines: 1, ship: true });
    sale.lines[0] = { ...sale.lines[0]!, sku, fulfilment: 'ship' };
    sale.payments = [{ tender: 'card', amount: sale.lines[0].unitPrice * sale.lines[0].quantity - sale.lines[0].discount }];
    await h.kiosk().postSale(sale);
    expect((await stockOf([sku]))[0]).toMatchObject({ pendingSales: 0, available: onHand });
    await waitFor(() => h.agent.outbox.byRef('sale', sale.saleId)?.status === 'done', 10_000, 'posted');
    expect(storeOnHand(sku)).toBe(onHand);
    const order = h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)[0]!;
    expect(order.lines[0]!.fulfilmentType).toBe('delivery');
  });

  it('subtracts the store buffer and per-SKU overrides, never going below zero', async () => {
    h = await startHarness({ config: { stock: { buffer: 1, bufferBySku: {} }, sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    await h.agent.sync('catalog');
    await h.agent.sync('stock');
    const sku = stockedSku();
    const onHand = storeOnHand(sku);
    expect((await stockOf([sku]))[0]).toMatchObject({ buffer: 1, available: onHand - 1 });
    const empty = [...h.sandbox.state.items.values()].find((i) => i.format !== 2 && i.status === 0 && storeOnHand(i.sku) === 0);
    if (empty) expect((await stockOf([empty.sku]))[0]).toMatchObject({ available: 0, onHand: 0 });
  });

  it('answers an unknown SKU with available 0 and known false, and refuses more than 200 SKUs', async () => {
    h = await harness();
    expect((await stockOf(['NO-SUCH-SKU']))[0]).toMatchObject({ sku: 'NO-SUCH-SKU', available: 0, known: false });
    const many = Array.from({ length: 201 }, (_, i) => `sku=S${i}`).join('&');
    const res = await fetch(`${h.agent.kioskUrl}/v1/stock?${many}`, { headers: { authorization: 'Bearer token-for-kiosk-01' } });
    expect(res.status).toBe(400);
  });

  it('pages every SKU with a cursor, each SKU once', async () => {
    h = await harness({ items: 450 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await fetch(`${h.agent.kioskUrl}/v1/stock${cursor ? `?cursor=${cursor}` : ''}`, { headers: { authorization: 'Bearer token-for-kiosk-01' } });
      const body = (await res.json()) as { items: Array<{ sku: string }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(200);
      seen.push(...body.items.map((i) => i.sku));
      cursor = body.nextCursor;
    } while (cursor);
    const expected = new Set([...h.sandbox.state.items.values()].filter((i) => i.format !== 2).map((i) => i.sku));
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(expected);
  });

  it('turns stale on when Stok.ly stays unreachable past the limit', async () => {
    h = await harness({ config: { sync: { staleAfterSeconds: 1, stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 } } });
    const sku = stockedSku();
    expect((await stockOf([sku]))[0]!.stale).toBe(false);
    h.sandbox.setFaults({ outage: true });
    await h.agent.sync('stock');
    await new Promise((r) => setTimeout(r, 1_100));
    const item = (await stockOf([sku]))[0]!;
    expect(item.stale).toBe(true);
    expect(item.onHand).toBe(storeOnHand(sku)); // last good figure still served
    const health = (await (await fetch(`${h.agent.kioskUrl}/health`)).json()) as { lastStockSyncAt: string | null };
    expect(health.lastStockSyncAt).not.toBeNull();
  });
});

describe('flags and events', () => {
  it('flags oversold, price and tax divergence on the sale, stored and listed for staff', async () => {
    h = await harness();
    const sku = stockedSku();
    const onHand = storeOnHand(sku);
    const unitPrice = dbQueries(h.agent.db).product(sku)!.price! + 100;
    const sale = h.sales().make({ lines: 1 });
    sale.lines[0] = { sku, quantity: onHand + 1, unitPrice, tax: 0, discount: 0, fulfilment: 'store' };
    sale.payments = [{ tender: 'card', amount: unitPrice * (onHand + 1) }];
    const res = await h.kiosk().postSale(sale);
    expect(res.status).toBe(201);
    expect((res.body as { flags: string[] }).flags.sort()).toEqual(['oversold', 'price_mismatch', 'tax_mismatch']);
    const list = await fetch(`${h.agent.adminUrl}/api/flags?flag=oversold`, { headers: { authorization: `Bearer ${h.agent.adminToken}` } });
    const body = (await list.json()) as { items: Array<{ saleId: string; sku: string; detail: string }> };
    expect(body.items[0]).toMatchObject({ saleId: sale.saleId, sku });
    expect(h.agent.status().flags).toMatchObject({ oversold: 1, price_mismatch: 1, tax_mismatch: 1 });
  });

  it('a sale waiting on an unknown SKU is retried by itself once a catalogue pull brings the SKU', async () => {
    h = await harness();
    const sale = h.sales().make({ lines: 1, unknownSku: true });
    await h.kiosk().postSale(sale);
    await waitFor(() => h.agent.outbox.byRef('sale', sale.saleId)?.status === 'exception', 5_000, 'exception');
    h.sandbox.state.addItem({ sku: sale.lines[0]!.sku, name: 'Created by ops', taxClassId: 'standard' });
    await h.agent.sync('catalog');
    await waitFor(() => h.agent.outbox.byRef('sale', sale.saleId)?.status === 'done', 10_000, 'posted after catalogue pull');
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
  });

  it('sends a stock event on /v1/events when a sale is accepted and when a pull changes stock', async () => {
    h = await harness();
    const sku = stockedSku();
    const controller = new AbortController();
    const res = await fetch(`${h.agent.kioskUrl}/v1/events`, { headers: { authorization: 'Bearer token-for-kiosk-01' }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      const deadline = Date.now() + 5_000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no "${needle}" in ${text}`);
        const { value } = await reader.read();
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('event: status');
    const onHand = storeOnHand(sku);
    const sale = h.sales().make({ lines: 1 });
    sale.lines[0] = { ...sale.lines[0]!, sku, quantity: 1 };
    sale.payments = [{ tender: 'card', amount: sale.lines[0].unitPrice - sale.lines[0].discount }];
    await h.kiosk().postSale(sale);
    await readUntil(`"sku":"${sku}","available":${onHand - 1}`);
    await waitFor(() => h.agent.outbox.byRef('sale', sale.saleId)?.status === 'done', 10_000, 'posted');
    // A delivery arrives in Stok.ly: the next pull announces the new figure.
    h.sandbox.state.setOnHand(sandboxItemBySku(sku).itemId, 'LOC-STORE-001', onHand + 10);
    await h.agent.sync('stock');
    await readUntil(`"sku":"${sku}","available":${onHand + 10}`);
    controller.abort();
  });
});
