import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Availability, CatalogProduct, CatalogReader, StockReader } from '../../electron/core/catalog/types.js';
import { systemClock } from '../../electron/core/clock.js';
import { CloudshelfClient } from '../../electron/core/cloudshelf/client.js';
import { retryPolicy } from '../../electron/core/retry-policy.js';
import { CloudshelfNetworkError } from '../../electron/core/cloudshelf/errors.js';
import { productGid, variantGid } from '../../electron/core/cloudshelf/gids.js';
import { CloudshelfPusher, type CloudshelfPusherDeps } from '../../electron/core/cloudshelf/push.js';
import { openDatabase, type Db } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { migration0030 } from '../../electron/core/db/migrations/0030-cloudshelf-push.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { CloudshelfSandbox, type CloudshelfSandboxOptions, type CloudshelfSnapshot } from '../../sim/cloudshelf/sandbox.js';
import { dbQueries } from '../support/db-queries.js';

/** Every known migration plus 0030, in order (once 0030 is in the index, it is not doubled). */
function withMigration0030() {
  return [...migrations.filter((m) => m.version !== migration0030.version), migration0030].sort((a, b) => a.version - b.version);
}

// The push against the Cloudshelf sandbox over real HTTP, with an in-memory Stok.ly catalogue.

const LOCATION = 'gid://external/StoklyLocation/LOC-STORE-001';

class FakeCatalog implements CatalogReader {
  readonly items = new Map<string, CatalogProduct>();
  all(): CatalogProduct[] {
    return [...this.items.values()].sort((a, b) => (a.itemId < b.itemId ? -1 : 1));
  }
  bySku(sku: string): CatalogProduct | undefined {
    return this.all().find((i) => i.sku === sku);
  }
  byItemId(itemId: string): CatalogProduct | undefined {
    return this.items.get(itemId);
  }
  put(itemId: string, over: Partial<CatalogProduct> = {}): CatalogProduct {
    const item: CatalogProduct = {
      itemId,
      sku: `SKU-${itemId}`,
      name: `Item ${itemId}`,
      barcodes: [`50${itemId}`],
      price: 1000,
      currency: 'GBP',
      taxClassId: null,
      taxRatePercent: null,
      active: true,
      format: 0,
      parentId: null,
      updatedAt: null,
      ...this.items.get(itemId),
      ...over,
    };
    this.items.set(itemId, item);
    return item;
  }
}

class FakeStock implements StockReader {
  readonly available = new Map<string, number>();
  constructor(private readonly catalog: FakeCatalog) {}
  all(): Availability[] {
    return [...this.available].map(([sku, available]) => ({
      sku,
      itemId: this.catalog.bySku(sku)?.itemId ?? null,
      known: true,
      available,
      onHand: available,
      pendingSales: 0,
      buffer: 0,
      lastSyncedAt: null,
      stale: false,
    }));
  }
  forSkus(skus: readonly string[]): Availability[] {
    return this.all().filter((a) => skus.includes(a.sku));
  }
}

interface SentCall {
  operation: string;
  /** Entries in the call: inputs, or variants across every group. */
  size: number;
}

interface Setup {
  sandbox: CloudshelfSandbox;
  db: Db;
  catalog: FakeCatalog;
  stock: FakeStock;
  pusher: CloudshelfPusher;
  sent: SentCall[];
  /** Called after each answered request; lets a test break Cloudshelf mid-push. */
  afterRequest: { hook: (operation: string) => void };
}

let current: Setup | undefined;

beforeAll(() => silenceLogging());

afterEach(async () => {
  await current?.sandbox.stop();
  current?.db.close();
  current = undefined;
});

function countEntries(variables: Record<string, unknown>): number {
  if (Array.isArray(variables.input)) return variables.input.length;
  if (Array.isArray(variables.inputs)) {
    return variables.inputs.reduce((n: number, group: { variants?: unknown[] }) => n + (group.variants?.length ?? 0), 0);
  }
  return 0;
}

async function setup(
  options: { sandbox?: CloudshelfSandboxOptions; pusher?: Partial<CloudshelfPusherDeps>; maxAttempts?: number } = {},
): Promise<Setup> {
  const sandbox = await CloudshelfSandbox.start(options.sandbox);
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null }, withMigration0030());
  const catalog = new FakeCatalog();
  const stock = new FakeStock(catalog);
  const sent: SentCall[] = [];
  const afterRequest = { hook: (_operation: string): void => undefined };
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(upsert\w+|products|location)\(/.exec(body.query)?.[1] ?? '?';
    if (operation.startsWith('upsert')) sent.push({ operation, size: countEntries(body.variables) });
    const res = await fetch(input, init);
    afterRequest.hook(operation);
    return res;
  };
  const client = new CloudshelfClient({
    apiUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    retry: retryPolicy({ baseMs: 1, capMs: 1 }),
    maxAttempts: options.maxAttempts ?? 5,
    fetch: recordingFetch,
  });
  const pusher = new CloudshelfPusher({
    db,
    client,
    catalog,
    stock,
    locationId: LOCATION,
    locationName: 'High Street',
    clock: systemClock,
    driftCheckEvery: 0,
    ...options.pusher,
  });
  current = { sandbox, db, catalog, stock, pusher, sent, afterRequest };
  return current;
}

type SnapVariant = CloudshelfSnapshot['variants'][number];

function variantOf(s: Setup, itemId: string): SnapVariant {
  const v = s.sandbox.snapshot().variants.find((x) => x.platformProvidedId === variantGid(itemId));
  if (!v) throw new Error(`variant ${itemId} not on the sandbox`);
  return v;
}

const mutations = (s: Setup): string[] => s.sandbox.requestLog().flatMap((e) => e.operationNames).filter((n) => n.startsWith('upsert'));

/** A small shop: two simple items, a T-shirt with two sizes, a deleted item and one without a price. */
function seedShop(s: Setup): void {
  s.catalog.put('A', { name: 'Mug', price: 1250, barcodes: ['5012345678900', '5000000000001'] });
  s.catalog.put('B', { name: 'Pen', price: 999 });
  s.catalog.put('P', { name: 'Tee', format: 2, price: null, barcodes: [] });
  s.catalog.put('P-M', { name: 'Tee M', parentId: 'P', price: 1500 });
  s.catalog.put('P-L', { name: 'Tee L', parentId: 'P', price: 1599 });
  s.catalog.put('D', { name: 'Old stock', active: false, price: 500 });
  s.catalog.put('E', { name: 'Unpriced', price: null });
  for (const [sku, n] of [['SKU-A', 3], ['SKU-B', 0], ['SKU-P-M', 2], ['SKU-P-L', -4], ['SKU-D', 7], ['SKU-E', 4]] as const) {
    s.stock.available.set(sku, n);
  }
}

describe('CloudshelfPusher against the sandbox', () => {
  it('leaves Cloudshelf with exactly the catalogue, prices and in-stock flags of Stok.ly', async () => {
    const s = await setup();
    seedShop(s);
    const report = await s.pusher.push();

    expect(report.location).toBe('created');
    expect(report.products).toEqual({ sent: 5, accepted: 5, rejected: 0 });
    expect(report.variants).toEqual({ sent: 6, accepted: 6, rejected: 0 });
    expect(report.stockLevels).toEqual({ sent: 6, accepted: 6, rejected: 0, heldBack: 0 });
    expect(mutations(s)).toEqual(['upsertLocations', 'upsertProducts', 'upsertProductVariants', 'upsertStockLevels']);

    const snap = s.sandbox.snapshot();
    expect(snap.locations.map((l) => [l.platformProvidedId, l.displayName])).toEqual([[LOCATION, 'High Street']]);
    expect(Object.fromEntries(snap.products.map((p) => [p.platformProvidedId, p.displayName]))).toEqual({
      [productGid('A')]: 'Mug',
      [productGid('B')]: 'Pen',
      [productGid('P')]: 'Tee',
      [productGid('D')]: 'Old stock',
      [productGid('E')]: 'Unpriced',
    });
    const view = (v: SnapVariant) => ({
      productId: v.productId,
      sku: v.sku,
      barcode: v.barcode,
      displayName: v.displayName,
      currentPrice: v.currentPrice,
      originalPrice: v.originalPrice,
      availableToPurchase: v.availableToPurchase,
      isInStock: v.isInStock,
      inventoryPolicy: v.inventoryPolicy,
      stock: v.stock.map((l) => [l.locationId, l.quantity]),
    });
    const variants = Object.fromEntries(snap.variants.map((v) => [v.platformProvidedId, view(v)]));
    expect(Object.keys(variants).sort()).toEqual(['A', 'B', 'D', 'E', 'P-L', 'P-M'].map(variantGid).sort());
    expect(variants[variantGid('A')]).toEqual({
      productId: productGid('A'), sku: 'SKU-A', barcode: '5012345678900', displayName: 'Mug', currentPrice: 12.5, originalPrice: 12.5,
      availableToPurchase: true, isInStock: true, inventoryPolicy: 'DENY', stock: [[LOCATION, 3]],
    });
    expect(variants[variantGid('B')]).toMatchObject({ currentPrice: 9.99, availableToPurchase: true, isInStock: false, stock: [[LOCATION, 0]] });
    expect(variants[variantGid('P-M')]).toMatchObject({ productId: productGid('P'), displayName: 'Tee M', currentPrice: 15, isInStock: true, stock: [[LOCATION, 2]] });
    // Negative availability is sent as 0, never refused.
    expect(variants[variantGid('P-L')]).toMatchObject({ productId: productGid('P'), currentPrice: 15.99, isInStock: false, stock: [[LOCATION, 0]] });
    // Deleted in Stok.ly: still listed, but not sellable, whatever the stock says.
    expect(variants[variantGid('D')]).toMatchObject({ availableToPurchase: false, isInStock: false, stock: [[LOCATION, 0]] });
    // No price known: not purchasable.
    expect(variants[variantGid('E')]).toMatchObject({ availableToPurchase: false, isInStock: true });
    expect(s.pusher.openIssueCount()).toBe(0);
  });

  it('sends nothing at all when nothing changed', async () => {
    const s = await setup();
    seedShop(s);
    await s.pusher.push();
    s.sandbox.clearRequestLog();
    s.sent.length = 0;

    const report = await s.pusher.push();
    expect(s.sandbox.requestLog()).toEqual([]);
    expect(report.calls).toBe(0);
    expect([report.products.sent, report.variants.sent, report.stockLevels.sent]).toEqual([0, 0, 0]);
  });

  it('pushes asked for while one is waiting share it', async () => {
    const s = await setup();
    seedShop(s);
    const [a, b] = await Promise.all([s.pusher.push(), s.pusher.push()]);
    expect(a).toBe(b);
    expect(s.sent.filter((c) => c.operation === 'upsertProducts')).toHaveLength(1);
  });

  it('a variant deleted in Cloudshelf is found missing and recreated with its stock level', async () => {
    const s = await setup();
    seedShop(s);
    await s.pusher.push();
    s.sandbox.state.variants.delete(variantGid('A'));
    for (const [key, level] of s.sandbox.state.stockLevels) {
      if (level.productVariantId === variantGid('A')) s.sandbox.state.stockLevels.delete(key);
    }
    const drift = await s.pusher.detectDrift();
    expect(drift.drifts.map((d) => [d.sku, d.field])).toEqual([['SKU-A', 'exists']]);
    s.sent.length = 0;
    await s.pusher.push();
    expect(s.sent).toEqual([{ operation: 'upsertProductVariants', size: 1 }, { operation: 'upsertStockLevels', size: 1 }]);
    expect(variantOf(s, 'A')).toMatchObject({ currentPrice: 12.5, stock: [{ quantity: 3 }] });
    expect(s.pusher.openIssueCount()).toBe(0);
  });

  it('a price change sends that one variant, a stock change that one stock level', async () => {
    const s = await setup();
    seedShop(s);
    await s.pusher.push();
    s.sent.length = 0;

    s.catalog.put('B', { price: 1049 });
    const priced = await s.pusher.push();
    expect(s.sent).toEqual([{ operation: 'upsertProductVariants', size: 1 }]);
    expect(priced.variants).toEqual({ sent: 1, accepted: 1, rejected: 0 });
    expect(variantOf(s, 'B').currentPrice).toBe(10.49);

    s.sent.length = 0;
    s.stock.available.set('SKU-A', 0);
    const stocked = await s.pusher.push();
    expect(s.sent).toEqual([{ operation: 'upsertStockLevels', size: 1 }]);
    expect(stocked.stockLevels.sent).toBe(1);
    expect(variantOf(s, 'A')).toMatchObject({ isInStock: false, stock: [{ locationId: LOCATION, quantity: 0, isInStock: false }] });
  });

  it('makes an item Stok.ly no longer lists unsellable instead of leaving it on sale', async () => {
    const s = await setup();
    seedShop(s);
    await s.pusher.push();
    expect(variantOf(s, 'A')).toMatchObject({ availableToPurchase: true, isInStock: true });

    s.catalog.items.delete('A');
    s.stock.available.delete('SKU-A');
    s.sent.length = 0;
    await s.pusher.push();
    expect(s.sent).toEqual([{ operation: 'upsertProductVariants', size: 1 }, { operation: 'upsertStockLevels', size: 1 }]);
    expect(variantOf(s, 'A')).toMatchObject({ availableToPurchase: false, isInStock: false, stock: [{ quantity: 0 }] });
  });

  it('never exceeds the batch limits: 1,200 products go in two product calls', async () => {
    const s = await setup();
    for (let i = 0; i < 1200; i++) {
      const id = `I${String(i).padStart(4, '0')}`;
      s.catalog.put(id, { price: 100 + i });
      s.stock.available.set(`SKU-${id}`, i % 3);
    }
    const report = await s.pusher.push();

    const calls = (op: string) => s.sent.filter((c) => c.operation === op).map((c) => c.size);
    expect(calls('upsertProducts')).toEqual([1000, 200]);
    expect(calls('upsertProductVariants')).toEqual([500, 500, 200]);
    expect(calls('upsertStockLevels')).toEqual([1000, 200]);
    // The sandbox refuses an over-limit call whole; every entity being there proves none was.
    expect(s.sandbox.requestLog().filter((e) => e.operationNames[0] === 'upsertProducts')).toHaveLength(2);
    expect(report.products.accepted + report.variants.accepted + report.stockLevels.accepted).toBe(3600);
    const snap = s.sandbox.snapshot();
    expect([snap.products.length, snap.variants.length, snap.stockLevels.length]).toEqual([1200, 1200, 1200]);
    expect(snap.variants.find((v) => v.sku === 'SKU-I1199')).toMatchObject({ currentPrice: 12.99, isInStock: true });
  });

  it('retries 503 answers and still converges', async () => {
    let n = 0;
    // Every other request is answered 503, so every call needs a second attempt.
    const s = await setup({ sandbox: { random: () => (n++ % 2 === 0 ? 0 : 0.99) } });
    s.sandbox.setFaults({ errorRate: 0.5, errorStatus: 503 });
    seedShop(s);
    const report = await s.pusher.push();

    const statuses = s.sandbox.requestLog().map((e) => e.status);
    expect(statuses.filter((st) => st === 503).length).toBeGreaterThanOrEqual(4);
    expect(report.variants.accepted).toBe(6);
    expect(variantOf(s, 'A')).toMatchObject({ currentPrice: 12.5, isInStock: true });
    expect(s.sandbox.snapshot().stockLevels).toHaveLength(6);

    s.sandbox.setFaults({ errorRate: 0 });
    s.sent.length = 0;
    await s.pusher.push();
    expect(s.sent).toEqual([]);
  });

  it('an outage mid-push records only what Cloudshelf accepted, and the next push sends the rest', async () => {
    const s = await setup();
    seedShop(s);
    s.afterRequest.hook = (operation) => {
      if (operation === 'upsertProducts') s.sandbox.setFaults({ outage: true });
    };
    await expect(s.pusher.push()).rejects.toBeInstanceOf(CloudshelfNetworkError);
    // Five attempts at the variants, all dropped; nothing recorded for them.
    expect(s.sandbox.requestLog().filter((e) => e.status === 'dropped')).toHaveLength(5);
    const recorded = dbQueries(s.db).pushedWithHash;
    expect([recorded('product'), recorded('variant'), recorded('stock_level')]).toEqual([5, 0, 0]);
    expect(s.sandbox.snapshot().variants).toHaveLength(0);

    s.afterRequest.hook = () => undefined;
    s.sandbox.setFaults({ outage: false });
    s.sent.length = 0;
    const report = await s.pusher.push();
    expect(s.sent.map((c) => c.operation)).toEqual(['upsertProductVariants', 'upsertStockLevels']);
    expect([report.products.sent, report.variants.accepted, report.stockLevels.accepted]).toEqual([0, 6, 6]);
    expect(variantOf(s, 'P-M')).toMatchObject({ currentPrice: 15, stock: [{ quantity: 2 }] });
  });

  it('turns userErrors into stored sync issues and resolves them once the fix is accepted', async () => {
    const s = await setup();
    seedShop(s);
    s.catalog.put('X', { name: '   ', price: 700 });
    s.stock.available.set('SKU-X', 2);
    const first = await s.pusher.push();

    expect(first.products).toEqual({ sent: 6, accepted: 5, rejected: 1 });
    expect(first.variants).toEqual({ sent: 7, accepted: 6, rejected: 1 });
    expect(first.stockLevels.heldBack).toBe(1);
    const issues = s.pusher.listOpenIssues();
    expect(issues.map((i) => [i.kind, i.entityKind, i.entity, i.code])).toEqual(expect.arrayContaining([
      ['cloudshelf_rejected', 'product', productGid('X'), 'ENTITY_INVALID_FIELD'],
      ['cloudshelf_rejected', 'variant', variantGid('X'), 'ENTITY_NOT_FOUND'],
    ]));
    expect(issues).toHaveLength(2);
    const productIssue = issues.find((i) => i.entityKind === 'product');
    expect(productIssue?.message).toMatch(/upsertProducts.*displayName.*must not be empty/);
    expect(issues.find((i) => i.entityKind === 'variant')?.sku).toBe('SKU-X');

    // Seen again: the same two issues, not four.
    const again = await s.pusher.push();
    expect(again.products).toEqual({ sent: 1, accepted: 0, rejected: 1 });
    expect(s.pusher.openIssueCount()).toBe(2);

    s.catalog.put('X', { name: 'Fixed name' });
    const fixed = await s.pusher.push();
    expect(fixed.products.accepted).toBe(1);
    expect(fixed.variants.accepted).toBe(1);
    expect(fixed.stockLevels.accepted).toBe(1);
    expect(s.pusher.openIssueCount()).toBe(0);
    expect(dbQueries(s.db).resolvedCloudshelfIssues()).toBe(2);
    expect(variantOf(s, 'X')).toMatchObject({ currentPrice: 7, stock: [{ quantity: 2 }] });
  });

  it('detects a hand edit in Cloudshelf as drift and overwrites it on the next push', async () => {
    const s = await setup();
    seedShop(s);
    await s.pusher.push();
    expect((await s.pusher.detectDrift()).drifts).toEqual([]);

    s.sandbox.editVariant(variantGid('A'), { currentPrice: 1, displayName: 'Cheap mug' });
    const drift = await s.pusher.detectDrift();
    expect(drift.checkedVariants).toBe(6);
    expect(drift.drifts).toEqual(expect.arrayContaining([
      { entityKind: 'variant', externalId: variantGid('A'), sku: 'SKU-A', field: 'currentPrice', cloudshelfValue: 1, stoklyValue: 12.5 },
      { entityKind: 'variant', externalId: variantGid('A'), sku: 'SKU-A', field: 'displayName', cloudshelfValue: 'Cheap mug', stoklyValue: 'Mug' },
    ]));
    expect(drift.drifts).toHaveLength(2);
    const issues = s.pusher.listOpenIssues();
    expect(issues.map((i) => [i.kind, i.code])).toEqual(expect.arrayContaining([['cloudshelf_drift', 'currentPrice'], ['cloudshelf_drift', 'displayName']]));
    expect(issues.find((i) => i.code === 'currentPrice')?.message).toContain('SKU SKU-A: currentPrice is 1 in Cloudshelf but 12.5 in Stok.ly');

    s.sent.length = 0;
    const report = await s.pusher.push();
    expect(s.sent).toEqual([{ operation: 'upsertProductVariants', size: 1 }]);
    expect(report.variants.accepted).toBe(1);
    expect(variantOf(s, 'A')).toMatchObject({ currentPrice: 12.5, displayName: 'Mug' });
    expect(s.pusher.openIssueCount()).toBe(0);
  });

  it('checks for drift before a push on its cadence and puts Stok.ly back in the same push', async () => {
    const s = await setup({ pusher: { driftCheckEvery: 2 } });
    seedShop(s);
    const first = await s.pusher.push();
    expect(first.drift).toBeNull();

    s.sandbox.editVariant(variantGid('P-M'), { availableToPurchase: false });
    const second = await s.pusher.push();
    expect(second.drift?.drifts.map((d) => [d.sku, d.field])).toEqual([['SKU-P-M', 'availableToPurchase']]);
    expect(second.variants.sent).toBe(1);
    expect(variantOf(s, 'P-M').availableToPurchase).toBe(true);
  });

  it('does not create a location named by a Cloudshelf gid: while it is missing, stock levels wait and an issue says why', async () => {
    const missing = 'gid://cloudshelf/Location/9999';
    const s = await setup({ pusher: { locationId: missing } });
    seedShop(s);
    const report = await s.pusher.push();
    expect(report.location).toBe('missing');
    expect(mutations(s)).not.toContain('upsertLocations');
    expect(report.variants.accepted).toBe(6);
    expect(report.stockLevels).toMatchObject({ sent: 0, heldBack: 6 });
    expect(s.pusher.listOpenIssues().map((i) => [i.kind, i.entity])).toEqual([['cloudshelf_location', missing]]);
  });

  it('uses an existing Cloudshelf location by its own id without changing it', async () => {
    const first = await setup();
    // A location made in Cloudshelf (here through the API, as its back office would).
    await new CloudshelfClient({ apiUrl: first.sandbox.url, apiKey: first.sandbox.apiKey })
      .upsertLocations([{ id: 'gid://external/CloudshelfAdmin/shop', displayName: 'Shop floor' }]);
    const cloudshelfId = first.sandbox.snapshot().locations[0]?.id ?? '';
    expect(cloudshelfId).toMatch(/^gid:\/\/cloudshelf\/Location\//);

    const pusher = new CloudshelfPusher({
      db: first.db,
      client: new CloudshelfClient({ apiUrl: first.sandbox.url, apiKey: first.sandbox.apiKey }),
      catalog: first.catalog,
      stock: first.stock,
      locationId: cloudshelfId,
      clock: systemClock,
    });
    seedShop(first);
    first.sandbox.clearRequestLog();
    const report = await pusher.push();
    expect(report.location).toBe('found');
    expect(mutations(first)).not.toContain('upsertLocations');
    expect(report.stockLevels.accepted).toBe(6);
    const snap = first.sandbox.snapshot();
    expect(snap.locations).toEqual([expect.objectContaining({ displayName: 'Shop floor' })]);
    expect(new Set(snap.stockLevels.map((l) => l.locationId))).toEqual(new Set(['gid://external/CloudshelfAdmin/shop']));
  });
});
