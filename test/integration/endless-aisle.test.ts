import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/kiosk-api.js';
import { configureLogging, loggingOptions } from '../../electron/core/logging/logger.js';
import { startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';
import { dataKeyFrom, open } from '../../electron/core/privacy/sealing.js';

let h: Harness;
afterEach(async () => h?.stop());

const STORE = 'LOC-STORE-001';
const WAREHOUSE = 'LOC-WH-001';
const DELIVERY = {
  name: 'Alexandra Bramwell-Quist', line1: '17 Zanzibar Terrace', line2: 'Flat 9', city: 'Leeds', region: 'West Yorkshire',
  postcode: 'LS1 7QX', country: 'GB', phone: '+44 113 496 0999', email: 'alexandra.quist@example.org',
};
/** Every personal value the tests send: none may appear in plain text anywhere the agent writes. */
const PERSONAL = ['Bramwell-Quist', 'Zanzibar Terrace', 'LS1 7QX', '496 0999', 'alexandra.quist', 'Alexandra'];

async function harness(extra: { retentionDays?: number; buffer?: number; personalDataKey?: string } = {}): Promise<Harness> {
  const started = await startHarness({
    ...(extra.personalDataKey ? { personalDataKey: extra.personalDataKey } : {}),
    config: {
      sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600, staleAfterSeconds: 300 },
      catalog: { taxRates: { standard: 20, reduced: 5, zero: 0 } },
      endlessAisle: { locationIds: [WAREHOUSE], buffer: extra.buffer ?? 0, shippingOption: 'Next day', customerVisibilitySeconds: 1 },
      privacy: { customerDataRetentionDays: extra.retentionDays ?? 7 },
    },
  });
  await started.agent.sync('catalog');
  await started.agent.sync('stock');
  return started;
}

const itemBySku = (sku: string) => [...h.sandbox.state.items.values()].find((i) => i.sku === sku)!;
const onHandAt = (sku: string, location: string): number => h.sandbox.state.inventoryRecord(itemBySku(sku).itemId, location)?.onHand ?? 0;
const skuWith = (minStore: number, minWarehouse: number, not: string[] = []): string =>
  [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format !== 2 && !not.includes(i.sku)
    && onHandAt(i.sku, STORE) >= minStore && onHandAt(i.sku, WAREHOUSE) >= minWarehouse)!.sku;
const statusOf = (saleId: string) => h.agent.outbox.byRef('sale', saleId)?.status;
const price = (sku: string): number => {
  const product = dbQueries(h.agent.db).product(sku);
  if (!product?.active || product.price === null) throw new Error(`${sku}: no active product with a price`);
  return product.price;
};

function mixedSale(storeSku: string, shipSku: string, shipQty: number, extra: Partial<Sale> = {}): Sale {
  const sale = h.sales().make({ lines: 2 });
  sale.lines = [
    { sku: storeSku, quantity: 1, unitPrice: price(storeSku), tax: 0, discount: 0, fulfilment: 'store' },
    { sku: shipSku, quantity: shipQty, unitPrice: price(shipSku), tax: 0, discount: 0, fulfilment: 'ship' },
  ];
  sale.payments = [{ tender: 'card', amount: price(storeSku) + price(shipSku) * shipQty }];
  return { ...sale, customer: { email: DELIVERY.email, name: DELIVERY.name }, delivery: { ...DELIVERY }, ...extra };
}

async function stockOf(sku: string): Promise<{ available: number; onHand: number; elsewhere?: { available: number; stale: boolean } }> {
  const res = await fetch(`${h.agent.kioskUrl}/v1/stock?sku=${encodeURIComponent(sku)}`, { headers: { authorization: 'Bearer token-for-kiosk-01' } });
  return ((await res.json()) as { items: Array<{ available: number; onHand: number; elsewhere?: { available: number; stale: boolean } }> }).items[0]!;
}

async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.agent.adminUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${h.agent.adminToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every byte the agent keeps on disk: database, WAL, backups, logs, reports. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}
function plainTextHits(dir: string): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const value of PERSONAL) {
      if (bytes.includes(Buffer.from(value, 'utf8')) || bytes.includes(Buffer.from(value, 'utf16le'))) hits.push(`${file}: ${value}`);
    }
  }
  return hits;
}

describe('endless aisle: delivery orders', () => {
  it('a mixed sale is one order: store line collected, ship line for delivery with the address; the customer is created once and reused', async () => {
    h = await harness();
    const storeSku = skuWith(2, 0);
    const shipSku = skuWith(0, 3, [storeSku]);
    const sale = mixedSale(storeSku, shipSku, 1);
    const res = await h.kiosk().postSale(sale);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as { flags: string[] }).flags).not.toContain('missing_delivery');
    await waitFor(() => statusOf(sale.saleId) === 'done', 10_000, 'posted');

    const [order] = h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
    expect(order!.lines.map((l) => [l.itemSku, l.fulfilmentType, l.status])).toEqual([
      [storeSku, 'none', 'collected'],
      [shipSku, 'delivery', 'open'],
    ]);
    expect(order!.collections.map((c) => c.locationId)).toEqual([STORE]);
    expect(order!.shipping).toEqual({
      name: { forename: 'Alexandra', surname: 'Bramwell-Quist' },
      address: { line1: DELIVERY.line1, line2: DELIVERY.line2, city: 'Leeds', region: 'West Yorkshire', postcode: DELIVERY.postcode, country: 'GB' },
      option: 'Next day', cost: 0, tax: 0,
    });
    const customers = [...h.sandbox.state.customers.values()];
    expect(customers).toHaveLength(1);
    expect(order!.customer).toEqual({ customerId: customers[0]!.customerId });
    expect(customers[0]!.barcode).toMatch(/^sb1-[0-9a-f]{40}$/);
    expect(customers[0]!.barcode).not.toContain('example');

    // The same email in another case and spacing: the same customer, not a second one.
    const again = mixedSale(storeSku, shipSku, 1, {
      customer: { email: '  Alexandra.Quist@EXAMPLE.org ' },
      delivery: { ...DELIVERY, email: undefined as unknown as string },
    });
    delete (again.delivery as Record<string, unknown>).email;
    expect((await h.kiosk().postSale(again)).status).toBe(201);
    await waitFor(() => statusOf(again.saleId) === 'done', 10_000, 'second posted');
    expect(h.sandbox.state.customers.size).toBe(1);
    expect(h.sandbox.state.ordersByReference(`store-001/${again.saleId}`)[0]!.customer).toEqual({ customerId: customers[0]!.customerId });
  });

  it("a customer just created and not yet visible in Stok.ly's lists is reused, not created again", async () => {
    h = await harness();
    h.sandbox.state.customerVisibilityDelayMs = 60_000;
    const shipSku = skuWith(0, 3);
    const first = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    await h.kiosk().postSale(first);
    await waitFor(() => statusOf(first.saleId) === 'done', 10_000, 'first posted');
    const second = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    await h.kiosk().postSale(second);
    await waitFor(() => statusOf(second.saleId) === 'done', 10_000, 'second posted');
    expect(h.sandbox.state.customers.size).toBe(1);
  });

  it('rejects a delivery without its required fields or with a bad country, and control characters in it', async () => {
    h = await harness();
    const shipSku = skuWith(0, 1);
    const storeSku = skuWith(1, 0, [shipSku]);
    for (const delivery of [
      { ...DELIVERY, postcode: undefined },
      { ...DELIVERY, country: 'UK' },
      { ...DELIVERY, country: 'gb' },
      { ...DELIVERY, line1: '1 High St\u202E' },
      { ...DELIVERY, city: '   ' },
    ]) {
      const res = await h.kiosk().postSale(mixedSale(storeSku, shipSku, 1, { delivery: delivery as Sale['delivery'] }));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('delivery');
    }
  });

  it('missing delivery: accepted and flagged, held as an exception, set_delivery (audited, masked) sends the order once', async () => {
    h = await harness();
    const shipSku = skuWith(0, 2);
    const sale = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    delete sale.delivery;
    delete sale.customer;
    const res = await h.kiosk().postSale(sale);
    expect(res.status).toBe(201);
    expect((res.body as { flags: string[] }).flags).toContain('missing_delivery');
    expect(statusOf(sale.saleId)).toBe('exception');
    const list = await admin('/api/exceptions?status=open');
    const item = (list.body.items as Array<{ id: number; reason: string; subjectRef: string; blocking: boolean }>).find((e) => e.subjectRef === sale.saleId)!;
    expect(item).toMatchObject({ reason: 'missing_delivery', blocking: true });
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(0);

    const bad = await admin(`/api/exceptions/${item.id}/actions`, { method: 'POST', body: { action: 'set_delivery', actor: 'Priya', delivery: { ...DELIVERY, country: 'XX' } } });
    expect(bad.status).toBe(400);
    const acted = await admin(`/api/exceptions/${item.id}/actions`, { method: 'POST', body: { action: 'set_delivery', actor: 'Priya', delivery: DELIVERY } });
    expect(acted.status).toBe(200);
    expect(acted.body.delivery).toBe('A. B\u2022\u2022\u2022\u2022, LS1 \u2022\u2022\u2022');
    await waitFor(() => statusOf(sale.saleId) === 'done', 10_000, 'posted after set_delivery');
    const orders = h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.shipping?.address.postcode).toBe(DELIVERY.postcode);
    const detail = await admin(`/api/exceptions/${item.id}`);
    expect(detail.body.status).toBe('resolved');
    const audit = detail.body.audit as Array<{ action: string; actor: string; after: unknown }>;
    expect(audit.find((a) => a.action === 'set_delivery')).toMatchObject({ actor: 'Priya', after: { delivery: 'A. B\u2022\u2022\u2022\u2022, LS1 \u2022\u2022\u2022' } });
    expect(JSON.stringify(detail.body)).not.toContain('Zanzibar');
    // A resend of the kiosk's sale changes nothing.
    expect((await h.kiosk().postSale(sale)).status).toBe(200);
    await h.agent.sync('stock');
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(1);
  });
});

describe('endless aisle: warehouse stock at the kiosk', () => {
  it('elsewhere is exact through an outage, posting and the next pulls; a stock event when it changes; beyond it is oversold', async () => {
    h = await harness({ buffer: 1 });
    const shipSku = skuWith(0, 4);
    const storeSku = skuWith(1, 0, [shipSku]);
    const wh = onHandAt(shipSku, WAREHOUSE);
    const storeBefore = onHandAt(shipSku, STORE);
    expect((await stockOf(shipSku)).elsewhere).toMatchObject({ available: wh - 1, stale: false });

    const controller = new AbortController();
    const events = await fetch(`${h.agent.kioskUrl}/v1/events`, { headers: { authorization: 'Bearer token-for-kiosk-01' }, signal: controller.signal });
    const reader = events.body!.getReader();

    h.sandbox.setFaults({ outage: true });
    const sale = mixedSale(storeSku, shipSku, 2);
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    // At once, before Stok.ly knows anything; the store figure of the ship SKU is untouched.
    expect(await stockOf(shipSku)).toMatchObject({ onHand: storeBefore, elsewhere: { available: wh - 2 - 1 } });
    let text = '';
    while (!text.includes(`"elsewhere":${wh - 3}`)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`"sku":"${shipSku}"`);
    controller.abort();

    await h.agent.sync('stock').catch(() => {}); // fails during the outage: nothing changes
    expect((await stockOf(shipSku)).elsewhere).toMatchObject({ available: wh - 3 });

    h.sandbox.setFaults({ outage: false });
    await waitFor(() => statusOf(sale.saleId) === 'done', 10_000, 'posted');
    // Stok.ly took it off the warehouse, but our figure is from before: still counted once.
    expect(onHandAt(shipSku, WAREHOUSE)).toBe(wh - 2);
    expect((await stockOf(shipSku)).elsewhere).toMatchObject({ available: wh - 3 });
    await h.agent.sync('stock');
    expect((await stockOf(shipSku)).elsewhere).toMatchObject({ available: wh - 3 });
    await h.agent.sync('stock');
    expect((await stockOf(shipSku)).elsewhere).toMatchObject({ available: wh - 3 });
    expect(onHandAt(shipSku, STORE)).toBe(storeBefore);

    const over = mixedSale(storeSku, shipSku, wh);
    const res = await h.kiosk().postSale(over);
    expect((res.body as { flags: string[] }).flags).toContain('oversold');
  });
});

describe('endless aisle: personal data', () => {
  it('is sealed at rest while unsent, erased after retention (the sale stays), and never in the files, backups or logs', async () => {
    h = await harness({ retentionDays: 0 });
    // Every line, debug included, goes to the file the test reads.
    configureLogging({ ...loggingOptions(h.agent.config, { version: 'test', console: false }), level: 'debug' });
    const shipSku = skuWith(0, 2);
    h.sandbox.setFaults({ outage: true });
    const sale = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    // A backup taken while the sale waits holds it too (sealed).
    mkdirSync(join(h.dataDir, 'backups'), { recursive: true });
    h.agent.db.prepare('VACUUM INTO ?').run(join(h.dataDir, 'backups', 'manual-copy.db'));
    const sealed = dbQueries(h.agent.db).sealedPersonalData(sale.saleId)!;
    expect(sealed.length).toBeGreaterThan(100);
    expect(plainTextHits(h.dataDir)).toEqual([]);
    const payload = h.agent.outbox.byRef('sale', sale.saleId)!.payload;
    expect(payload).not.toContain('delivery');
    expect(payload).not.toContain('customer');

    h.sandbox.setFaults({ outage: false });
    await waitFor(() => statusOf(sale.saleId) === 'done', 10_000, 'posted');
    await waitFor(() => dbQueries(h.agent.db).sealedPersonalData(sale.saleId) === null, 5_000, 'erased');
    // The sale and its money stay.
    expect(dbQueries(h.agent.db).sale(sale.saleId)?.total).toBe(sale.payments[0]!.amount);
    const sample = sealed.subarray(40, 72);
    for (const file of filesUnder(h.dataDir).filter((f) => /\.db(-wal)?$/.test(f))) {
      expect(readFileSync(file).includes(sample), `${file} still holds the sealed details`).toBe(false);
    }
    expect(plainTextHits(h.dataDir)).toEqual([]);
    expect(existsSync(join(h.dataDir, 'logs', 'agent.log'))).toBe(true);
  });

  it('keeps the details for the retention period, then erases them', async () => {
    h = await harness({ retentionDays: 7 });
    const shipSku = skuWith(0, 2);
    const sale = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    await h.kiosk().postSale(sale);
    await waitFor(() => statusOf(sale.saleId) === 'done', 10_000, 'posted');
    expect(h.agent.endlessAisle.retention.eraseDue()).toBe(0);
    expect(h.agent.endlessAisle.maskedDelivery(sale.saleId)).toBe('A. B\u2022\u2022\u2022\u2022, LS1 \u2022\u2022\u2022');
    // The Sales tab's story of the sale says so, masked, and never more.
    const held = await admin(`/api/sales/${sale.saleId}`);
    expect(held.body.customerData).toEqual({ state: 'held', maskedDelivery: 'A. B\u2022\u2022\u2022\u2022, LS1 \u2022\u2022\u2022' });
    for (const value of PERSONAL) expect(JSON.stringify(held.body)).not.toContain(value);
    h.agent.db.prepare(`UPDATE outbox SET done_at = done_at - 8 * 86400000 WHERE ref = ?`).run(sale.saleId);
    expect(h.agent.endlessAisle.retention.eraseDue()).toBe(1);
    expect(h.agent.endlessAisle.maskedDelivery(sale.saleId)).toBeNull();
    expect((await admin(`/api/sales/${sale.saleId}`)).body.customerData).toEqual({ state: 'erased', maskedDelivery: null });
  });

  it('with the key from the desktop shell (OS secret store) no key file is written, and only that key opens the details', async () => {
    const shellKey = Buffer.alloc(32, 42);
    h = await harness({ personalDataKey: shellKey.toString('base64') });
    const shipSku = skuWith(0, 2);
    h.sandbox.setFaults({ outage: true });
    const sale = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    expect(existsSync(join(h.dataDir, 'keys', 'personal-data.key'))).toBe(false);
    const sealed = dbQueries(h.agent.db).sealedPersonalData(sale.saleId)!;
    expect(open(dataKeyFrom(shellKey), sealed, sale.saleId)).toContain(DELIVERY.postcode);
    expect(open(dataKeyFrom(Buffer.alloc(32, 1)), sealed, sale.saleId)).toBeNull();
    // Posted with the address once Stok.ly is back: the core opened it with the shell's key.
    h.sandbox.setFaults({ outage: false });
    await waitFor(() => statusOf(sale.saleId) === 'done', 10_000, 'posted');
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)[0]!.shipping?.address.postcode).toBe(DELIVERY.postcode);
  });

  it('a lost key loses only the details of unsent sales: the agent starts, says so, and the sale waits for an address', async () => {
    h = await harness();
    const shipSku = skuWith(0, 2);
    h.sandbox.setFaults({ outage: true });
    const sale = mixedSale(skuWith(1, 0, [shipSku]), shipSku, 1);
    await h.kiosk().postSale(sale);
    const { rmSync } = await import('node:fs');
    rmSync(join(h.dataDir, 'keys', 'personal-data.key'));
    await h.restart();
    h.sandbox.setFaults({ outage: false });
    await waitFor(() => statusOf(sale.saleId) === 'exception', 10_000, 'held');
    expect(h.agent.outbox.byRef('sale', sale.saleId)!.exceptionReason).toBe('missing_delivery');
    expect(h.sandbox.state.ordersByReference(`store-001/${sale.saleId}`)).toHaveLength(0);
  });
});
