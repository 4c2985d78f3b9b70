import { afterEach, describe, expect, it } from 'vitest';
import { minorToMajor } from '../../shared/money.js';
import { CLOUDSHELF_LOCATION, startHarness, waitFor, type Harness } from '../support/harness.js';
import { dbQueries } from '../support/db-queries.js';

let h: Harness;
afterEach(async () => h?.stop());

const TAX_RATES = { standard: 20, reduced: 5, zero: 0 };

async function harness(config: Record<string, unknown> = {}): Promise<Harness> {
  const started = await startHarness({
    cloudshelf: true,
    config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 }, catalog: { taxRates: TAX_RATES }, ...config },
  });
  await started.agent.sync('catalog');
  await started.agent.sync('stock');
  await started.agent.sync('cloudshelf');
  return started;
}

const variantGid = (itemId: string) => `gid://external/StoklyVariant/${itemId}`;
const cs = () => h.cloudshelf!;
const stockLevel = (itemId: string) => cs().state.stockLevels.get([...cs().state.stockLevels.keys()].find((k) => cs().state.stockLevels.get(k)!.productVariantId === variantGid(itemId)) ?? '')?.quantity;

/** Cloudshelf holds exactly the master: every sellable item, its price incl. tax, its availability. */
function expectCloudshelfMatchesMaster(): void {
  const products = dbQueries(h.agent.db).products().filter((p) => p.format !== 2);
  expect(products.length).toBeGreaterThan(10);
  for (const p of products) {
    const v = cs().state.variants.get(variantGid(p.itemId));
    expect(v, `variant for ${p.sku}`).toBeDefined();
    expect(v!.sku).toBe(p.sku);
    if (p.price !== null) expect(v!.currentPrice).toBe(minorToMajor(p.price, 'GBP'));
    expect(v!.availableToPurchase).toBe(p.active && p.price !== null);
    const available = h.agent.availability.forSkus([p.sku])[0]!.available;
    expect(stockLevel(p.itemId), `stock of ${p.sku}`).toBe(available);
  }
}

describe('Cloudshelf catalogue and stock push', () => {
  it('Cloudshelf ends up with exactly Stok.ly\'s catalogue, prices and availability at the store location', async () => {
    h = await harness();
    expect(cs().state.locations.has(CLOUDSHELF_LOCATION)).toBe(true);
    expectCloudshelfMatchesMaster();
  });

  it('a store sale lowers availability on the screens within seconds; a price change reaches them after the next pull', async () => {
    h = await harness();
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format !== 2 && (h.sandbox.state.inventoryRecord(i.itemId, 'LOC-STORE-001')?.onHand ?? 0) > 3)!;
    const before = stockLevel(item.itemId)!;
    const sale = h.sales().make({ lines: 1 });
    sale.lines[0] = { ...sale.lines[0]!, sku: item.sku, quantity: 2 };
    sale.payments = [{ tender: 'card', amount: sale.lines[0].unitPrice * 2 - sale.lines[0].discount }];
    await h.kiosk().postSale(sale);
    await waitFor(() => stockLevel(item.itemId) === before - 2, 5_000, 'stock level pushed');

    h.sandbox.state.updateItem(item.itemId, { salePrice: { amount: 20, currency: 'GBP' }, taxClassId: 'standard' });
    await h.agent.sync('catalog');
    await waitFor(() => cs().state.variants.get(variantGid(item.itemId))?.currentPrice === 24, 5_000, 'price pushed');
  });

  it('converges to the master after Cloudshelf faults', async () => {
    h = await startHarness({ cloudshelf: true, config: { sync: { stockIntervalSeconds: 3600, catalogIntervalSeconds: 3600 }, catalog: { taxRates: TAX_RATES } } });
    cs().setFaults({ outage: true });
    await h.agent.sync('catalog');
    await h.agent.sync('stock');
    await h.agent.sync('cloudshelf').catch(() => undefined);
    expect(cs().state.variants.size).toBe(0);
    expect(h.agent.status().sync.cloudshelf?.lastError).toBeTruthy();
    cs().setFaults({ outage: false, errorRate: 0.3, errorStatus: 503 });
    await h.agent.sync('cloudshelf');
    cs().setFaults({ errorRate: 0 });
    await h.agent.sync('cloudshelf');
    expectCloudshelfMatchesMaster();
  }, 60_000);

  it('a field changed by hand in Cloudshelf is overwritten: Stok.ly wins, and the change is reported', async () => {
    h = await harness({ cloudshelf: { driftCheckEvery: 1 } });
    const [itemId] = [...cs().state.variants.keys()];
    const v = cs().state.variants.get(itemId!)!;
    const price = v.currentPrice;
    cs().editVariant(itemId!, { currentPrice: price + 5 });
    await h.agent.sync('cloudshelf');
    expect(cs().state.variants.get(itemId!)!.currentPrice).toBe(price);
    const issues = await (await fetch(`${h.agent.adminUrl}/api/cloudshelf/issues`, { headers: { authorization: `Bearer ${h.agent.adminToken}` } })).json() as { items: Array<{ kind: string; code: string; resolvedAt: number | null }> };
    const drift = issues.items.find((i) => i.kind === 'cloudshelf_drift');
    expect(drift).toMatchObject({ code: 'currentPrice' });
    expect(drift!.resolvedAt).not.toBeNull(); // overwritten by the push that found it
  });

  it('a Cloudshelf userErrors answer becomes an issue for staff, not a log line', async () => {
    h = await harness();
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0)!;
    h.sandbox.state.updateItem(item.itemId, { name: '' });
    await h.agent.sync('catalog');
    await h.agent.sync('cloudshelf');
    expect(h.agent.status().exceptions.cloudshelfIssues).toBeGreaterThan(0);
    const issues = await (await fetch(`${h.agent.adminUrl}/api/cloudshelf/issues`, { headers: { authorization: `Bearer ${h.agent.adminToken}` } })).json() as { items: Array<{ kind: string; code: string; sku: string | null }> };
    expect(issues.items.find((i) => i.kind === 'cloudshelf_rejected')).toMatchObject({ code: 'ENTITY_INVALID_FIELD' });
  });
});

describe('Cloudshelf order intake', () => {
  const DELIVERY = { name: 'Sam Sample', line1: '1 Example Street', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' };
  /** Cloudshelf's API has no address: an endless-aisle order waits for a person to enter one. */
  async function enterDelivery(saleId: string): Promise<void> {
    await waitFor(() => h.agent.outbox.byRef('sale', saleId)?.exceptionReason === 'missing_delivery', 5_000, 'held for an address');
    expect(h.sandbox.state.ordersByReference(`store-001/${saleId}`)).toHaveLength(0);
    const headers = { authorization: `Bearer ${h.agent.adminToken}`, 'content-type': 'application/json' };
    const list = await (await fetch(`${h.agent.adminUrl}/api/exceptions?status=open`, { headers })).json() as { items: Array<{ id: number; subjectRef: string; reason: string }> };
    const id = list.items.find((e) => e.subjectRef === saleId && e.reason === 'missing_delivery')!.id;
    const res = await fetch(`${h.agent.adminUrl}/api/exceptions/${id}/actions`, { method: 'POST', headers, body: JSON.stringify({ action: 'set_delivery', actor: 'Test', delivery: DELIVERY }) });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  const orderLine = (itemId: string, price: number) => ({ productVariantId: variantGid(itemId), quantity: 1, price, currencyCode: 'GBP' });

  it('a PAID order that never came over the LAN is posted once, and Stok.ly\'s reference is written back', async () => {
    h = await harness({ cloudshelf: { orderIntakeSince: '2020-01-01T00:00:00+00:00' } });
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0)!;
    const orderId = cs().addOrder({ status: 'PAID', lines: [orderLine(item.itemId, 12.5)] });
    await h.agent.sync('cloudshelf_orders');
    const saleId = dbQueries(h.agent.db).saleIdForCloudshelfOrder(orderId)!;
    await enterDelivery(saleId);
    await waitFor(() => h.agent.outbox.byRef('sale', saleId)?.status === 'done', 10_000, 'posted');
    const orders = h.sandbox.state.ordersByReference(`store-001/${saleId}`);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.payments[0]!.amount).toBe(12.5);
    await h.agent.sync('cloudshelf_orders');
    expect(cs().state.orders.get(orderId)?.thirdPartyId ?? [...cs().state.orders.values()].find((o) => o.id === orderId)?.thirdPartyId).toBe(orders[0]!.saleOrderId);
    // Polled again: nothing new.
    await h.agent.sync('cloudshelf_orders');
    expect(h.sandbox.state.ordersByReference(`store-001/${saleId}`)).toHaveLength(1);
  });

  it('a sale that arrives both over the LAN and from Cloudshelf is posted once, whichever comes first', async () => {
    h = await harness({ cloudshelf: { orderIntakeSince: '2020-01-01T00:00:00+00:00' } });
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0)!;
    // LAN first.
    const lanFirst = cs().addOrder({ status: 'PAID', lines: [orderLine(item.itemId, 10)] });
    const sale = { ...h.sales().make({ lines: 1 }), cloudshelf: { orderId: lanFirst } };
    expect((await h.kiosk().postSale(sale)).status).toBe(201);
    await h.agent.sync('cloudshelf_orders');
    // Cloudshelf first, then the LAN copy.
    const csFirst = cs().addOrder({ status: 'PAID', lines: [orderLine(item.itemId, 10)] });
    await h.agent.sync('cloudshelf_orders');
    // The kiosk's copy carries the delivery address that Cloudshelf's order lacks: it completes the posted sale.
    const late = { ...h.sales().make({ lines: 1 }), cloudshelf: { orderId: csFirst }, delivery: DELIVERY };
    const res = await h.kiosk().postSale(late);
    expect(res.status).toBe(201);
    expect((res.body as { flags: string[] }).flags).toEqual(['already_received']);
    expect((await h.kiosk().postSale(late)).status).toBe(200);
    await waitFor(() => dbQueries(h.agent.db).outboxCount({ kind: 'sale', notStatus: 'done' }) === 0, 10_000, 'all posted');
    const posted = dbQueries(h.agent.db).saleRowsPerCloudshelfOrder();
    expect(posted).toEqual(expect.arrayContaining([{ id: lanFirst, n: 1 }, { id: csFirst, n: 1 }]));
    expect([...h.sandbox.state.saleOrders.values()].filter((o) => o.customerReference === lanFirst || o.customerReference === csFirst)).toHaveLength(2);
  });

  it('a REFUNDED order becomes a credit note against its sale', async () => {
    h = await harness({ cloudshelf: { orderIntakeSince: '2020-01-01T00:00:00+00:00' } });
    const item = [...h.sandbox.state.items.values()].find((i) => i.status === 0 && i.format === 0)!;
    const orderId = cs().addOrder({ status: 'REFUNDED', lines: [orderLine(item.itemId, 8)] });
    await h.agent.sync('cloudshelf_orders');
    await enterDelivery(dbQueries(h.agent.db).saleIdForCloudshelfOrder(orderId)!);
    await waitFor(() => dbQueries(h.agent.db).outboxCount({ status: ['done'] }) === 2, 10_000, 'sale and refund posted');
    const notes = [...h.sandbox.state.creditNotes.values()];
    expect(notes).toHaveLength(1);
    expect((notes[0]!.body as { payments: Array<{ amount: number }> }).payments[0]!.amount).toBe(8);
    expect(dbQueries(h.agent.db).sales().map((s) => s.cloudshelfOrderId)).toEqual([orderId]);
  });
});
