import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postGraphql } from '../../sim/cloudshelf/client.js';
import {
  LOCATION,
  LOCATIONS,
  PRODUCT,
  PRODUCTS,
  UPSERT_LOCATIONS,
  UPSERT_PRODUCT_VARIANTS,
  UPSERT_PRODUCTS,
  UPSERT_STOCK_LEVELS,
} from '../../sim/cloudshelf/documents.js';
import { CloudshelfSandbox, type CloudshelfSnapshot } from '../../sim/cloudshelf/sandbox.js';

// Catalogue, stock and auth over real HTTP. Orders, user errors and faults have their own files.

interface UserErrors { userErrors: { code: string; message: string }[] }
interface VariantNode {
  id: string;
  platformProvidedId: string;
  sku: string | null;
  barcode: string | null;
  displayName: string | null;
  currentPrice: number;
  originalPrice: number;
  isInStock: boolean;
  availableToPurchase: boolean;
  inventoryPolicy: string | null;
  position: number | null;
  updatedAt: string;
  stockLevels: { isInStock: boolean; location: { platformProvidedId: string } }[];
}
interface ProductNode {
  id: string;
  platformProvidedId: string;
  displayName: string;
  handle: string;
  description: string | null;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  productVariants: VariantNode[];
}

const SHOP = 'gid://external/StoklyLocation/shop-1';
const WAREHOUSE = 'gid://external/StoklyLocation/wh-1';
const MUG = 'gid://external/StoklyItem/mug';
const TEE = 'gid://external/StoklyItem/tee';
const MUG_BLUE = 'gid://external/StoklyVariant/mug-blue';
const MUG_RED = 'gid://external/StoklyVariant/mug-red';
const TEE_M = 'gid://external/StoklyVariant/tee-m';

let clock = Date.parse('2026-03-01T09:00:00Z');
let sb: CloudshelfSandbox;

function gql<T>(query: string, variables?: Record<string, unknown>) {
  return postGraphql<T>(sb.url, sb.apiKey, query, variables);
}

async function pushCatalogue(mugBluePrice = 12.5) {
  const locations = await gql<{ upsertLocations: UserErrors & { locations: { id: string }[] } }>(UPSERT_LOCATIONS, {
    input: [
      { id: SHOP, displayName: 'High Street', address: '1 High St, York', countryCode: 'GB' },
      { id: WAREHOUSE, displayName: 'Warehouse', countryCode: 'GB', fulfillsOnlineOrders: true },
    ],
  });
  const products = await gql<{ upsertProducts: UserErrors & { products: { id: string }[] } }>(UPSERT_PRODUCTS, {
    input: [
      { id: MUG, displayName: 'Enamel Mug (350ml)', description: 'A mug', vendor: 'Acme', tags: ['kitchen'] },
      { id: TEE, displayName: 'Logo Tee', productType: 'Apparel' },
    ],
  });
  const variants = await gql<{ upsertProductVariants: UserErrors & { productVariants: { id: string }[] } }>(UPSERT_PRODUCT_VARIANTS, {
    inputs: [
      {
        productId: MUG,
        variants: [
          { id: MUG_RED, sku: 'MUG-RED', barcode: '5000000000002', displayName: 'Red', currentPrice: 12.5, position: 2, isInStock: true },
          { id: MUG_BLUE, sku: 'MUG-BLUE', barcode: '5000000000001', displayName: 'Blue', currentPrice: mugBluePrice, originalPrice: 15, position: 1, inventoryPolicy: 'DENY' },
        ],
      },
      { productId: TEE, variants: [{ id: TEE_M, sku: 'TEE-M', currentPrice: 20, availableToPurchase: false }] },
    ],
  });
  const stock = await gql<{ upsertStockLevels: UserErrors & { stockLevels: { id: string }[] } }>(UPSERT_STOCK_LEVELS, {
    input: [
      { locationId: SHOP, productVariantId: MUG_BLUE, quantity: 4 },
      { locationId: WAREHOUSE, productVariantId: MUG_BLUE, quantity: 0 },
      { locationId: SHOP, productVariantId: MUG_RED, quantity: 0 },
      { locationId: WAREHOUSE, productVariantId: TEE_M, quantity: 7 },
    ],
  });
  return { locations, products, variants, stock };
}

beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z');
  sb = await CloudshelfSandbox.start({ now: () => clock });
});

afterEach(async () => {
  await sb.stop();
});

describe('auth', () => {
  it('answers 401 with a GraphQL errors array unless "Authorization: token <apiKey>" is sent', async () => {
    const query = '{ products { totalCount } }';
    const missing = await postGraphql(sb.url, null, query);
    expect(missing.status).toBe(401);
    expect(missing.errors?.[0]?.message).toMatch(/Authorization: token/);
    expect(missing.data).toBeUndefined();

    expect((await postGraphql(sb.url, 'wrong-key', query)).status).toBe(401);

    const bearer = await fetch(sb.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sb.apiKey}` },
      body: JSON.stringify({ query }),
    });
    expect(bearer.status).toBe(401);

    const ok = await postGraphql<{ products: { totalCount: number } }>(sb.url, sb.apiKey, query);
    expect(ok.status).toBe(200);
    expect(ok.data?.products.totalCount).toBe(0);
    expect(sb.requestLog().map((e) => e.status)).toEqual([401, 401, 401, 200]);
  });

  it('uses the apiKey option and defaults to cloudshelf-sandbox-key', async () => {
    expect(sb.apiKey).toBe('cloudshelf-sandbox-key');
    const other = await CloudshelfSandbox.start({ apiKey: 'store-7-key' });
    try {
      expect((await postGraphql(other.url, 'cloudshelf-sandbox-key', '{ orders { totalCount } }')).status).toBe(401);
      expect((await postGraphql(other.url, 'store-7-key', '{ orders { totalCount } }')).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});

describe('catalogue and stock', () => {
  it('stores products, variants, locations and stock levels and reads them back', async () => {
    const pushed = await pushCatalogue();
    for (const result of Object.values(pushed)) expect(result.status).toBe(200);
    expect(pushed.locations.data?.upsertLocations).toMatchObject({ userErrors: [], locations: [{}, {}] });
    expect(pushed.products.data?.upsertProducts.products).toHaveLength(2);
    expect(pushed.variants.data?.upsertProductVariants.productVariants).toHaveLength(3);
    expect(pushed.stock.data?.upsertStockLevels.stockLevels).toHaveLength(4);

    const byExternal = await gql<{ product: ProductNode | null }>(PRODUCT, { id: MUG });
    const mug = byExternal.data?.product;
    expect(mug).toMatchObject({
      platformProvidedId: MUG,
      displayName: 'Enamel Mug (350ml)',
      handle: 'enamel-mug-350ml',
      description: 'A mug',
      vendor: 'Acme',
      tags: ['kitchen'],
      createdAt: '2026-03-01T09:00:00.000Z',
    });
    // Cloudshelf reports its own internal gid as `id` and the caller's as platformProvidedId.
    expect(mug?.id).toMatch(/^gid:\/\/cloudshelf\/Product\//);
    // Variants in `position` order, with prices and per-location stock availability.
    expect(mug?.productVariants.map((v) => v.sku)).toEqual(['MUG-BLUE', 'MUG-RED']);
    expect(mug?.productVariants[0]).toMatchObject({
      platformProvidedId: MUG_BLUE,
      barcode: '5000000000001',
      displayName: 'Blue',
      currentPrice: 12.5,
      originalPrice: 15,
      isInStock: true,
      availableToPurchase: true,
      inventoryPolicy: 'DENY',
    });
    expect(mug?.productVariants[0]?.stockLevels).toEqual(expect.arrayContaining([
      { isInStock: true, location: { platformProvidedId: SHOP } },
      { isInStock: false, location: { platformProvidedId: WAREHOUSE } },
    ]));
    // originalPrice defaults to currentPrice; stock levels decide isInStock over the flag sent.
    expect(mug?.productVariants[1]).toMatchObject({ currentPrice: 12.5, originalPrice: 12.5, isInStock: false });

    const byInternal = await gql<{ product: ProductNode | null }>(PRODUCT, { id: mug?.id });
    expect(byInternal.data?.product?.platformProvidedId).toBe(MUG);
    expect((await gql<{ product: ProductNode | null }>(PRODUCT, { id: 'gid://external/StoklyItem/none' })).data?.product).toBeNull();

    const all = await gql<{ products: { totalCount: number; edges: { node: ProductNode }[] } }>(PRODUCTS, { first: 10 });
    expect(all.data?.products.totalCount).toBe(2);
    expect(all.data?.products.edges.map((e) => e.node.platformProvidedId)).toEqual([MUG, TEE]);
    const tee = all.data?.products.edges[1]?.node.productVariants[0];
    expect(tee).toMatchObject({ sku: 'TEE-M', availableToPurchase: false, isInStock: true });
    const search = await gql<{ products: { totalCount: number; edges: { node: ProductNode }[] } }>(PRODUCTS, { textSearch: 'tee-m' });
    expect(search.data?.products.edges.map((e) => e.node.platformProvidedId)).toEqual([TEE]);

    const shop = await gql<{ location: { displayName: string; address: string; countryCode: string; fulfillsOnlineOrders: boolean; stockLevels: { isInStock: boolean; productVariant: { platformProvidedId: string } }[] } | null }>(LOCATION, { id: SHOP });
    expect(shop.data?.location).toMatchObject({ displayName: 'High Street', address: '1 High St, York', countryCode: 'GB', fulfillsOnlineOrders: false });
    expect(shop.data?.location?.stockLevels).toEqual(expect.arrayContaining([
      { isInStock: true, productVariant: { platformProvidedId: MUG_BLUE } },
      { isInStock: false, productVariant: { platformProvidedId: MUG_RED } },
    ]));
    const locations = await gql<{ locations: { totalCount: number } }>(LOCATIONS, {});
    expect(locations.data?.locations.totalCount).toBe(2);
  });

  it('shows quantities in the state (live and over GET /__sandbox/state)', async () => {
    await pushCatalogue();
    const blue = sb.state.variants.get(MUG_BLUE);
    expect(blue?.currentPrice).toBe(12.5);
    expect(sb.state.findVariant(blue?.id ?? '')).toBe(blue);

    const response = await fetch(`${sb.baseUrl}/__sandbox/state`);
    expect(response.status).toBe(200);
    const snapshot = (await response.json()) as CloudshelfSnapshot;
    expect(snapshot.products.map((p) => p.platformProvidedId)).toEqual([MUG, TEE]);
    expect(snapshot.locations.map((l) => l.platformProvidedId)).toEqual([SHOP, WAREHOUSE]);
    expect(snapshot.stockLevels).toHaveLength(4);
    expect(snapshot.variants.find((v) => v.platformProvidedId === MUG_BLUE)).toMatchObject({
      productId: MUG,
      isInStock: true,
      stock: expect.arrayContaining([
        { locationId: SHOP, quantity: 4, isInStock: true },
        { locationId: WAREHOUSE, quantity: 0, isInStock: false },
      ]),
    });
    expect(snapshot.variants.find((v) => v.platformProvidedId === MUG_RED)).toMatchObject({ isInStock: false, isInStockAsSent: true });
    expect(snapshot.orders).toEqual([]);
  });

  it('is idempotent: a repeated upsert changes nothing, a changed field updates only its entity', async () => {
    await pushCatalogue();
    const before = (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product;
    const sizes = () => [sb.state.products.size, sb.state.variants.size, sb.state.locations.size, sb.state.stockLevels.size];
    expect(sizes()).toEqual([2, 3, 2, 4]);

    clock += 60_000;
    const again = await pushCatalogue();
    expect(again.variants.data?.upsertProductVariants.userErrors).toEqual([]);
    expect(sizes()).toEqual([2, 3, 2, 4]);
    const after = (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product;
    expect(after).toEqual(before);

    clock += 60_000;
    await pushCatalogue(11);
    const changed = (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product;
    const [blue, red] = changed?.productVariants ?? [];
    expect(blue).toMatchObject({ id: before?.productVariants[0]?.id, currentPrice: 11, updatedAt: '2026-03-01T09:02:00.000Z' });
    expect(red?.updatedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(changed?.updatedAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it('updates only the fields sent and clears nullable ones sent as null', async () => {
    await pushCatalogue();
    await gql(UPSERT_PRODUCTS, { input: [{ id: MUG, displayName: 'Mug', description: null }] });
    const mug = (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product;
    // The handle keeps the original display name; fields not sent stay as they were.
    expect(mug).toMatchObject({ displayName: 'Mug', description: null, vendor: 'Acme', tags: ['kitchen'], handle: 'enamel-mug-350ml' });
  });

  it('overwrites a change made in Cloudshelf by hand when the catalogue is pushed again', async () => {
    await pushCatalogue();
    clock += 1000;
    sb.editVariant(MUG_BLUE, { currentPrice: 1, displayName: 'Bargain' });
    let blue = (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product.productVariants[0];
    expect(blue).toMatchObject({ currentPrice: 1, displayName: 'Bargain', updatedAt: '2026-03-01T09:00:01.000Z' });

    clock += 1000;
    await pushCatalogue();
    blue = (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product.productVariants[0];
    expect(blue).toMatchObject({ currentPrice: 12.5, displayName: 'Blue', updatedAt: '2026-03-01T09:00:02.000Z' });

    // The same over HTTP for other processes; the gid is URL-encoded in the path.
    const patch = await fetch(`${sb.baseUrl}/__sandbox/variants/${encodeURIComponent(MUG_BLUE)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'HAND-EDITED' }),
    });
    expect(patch.status).toBe(204);
    expect(sb.state.variants.get(MUG_BLUE)?.sku).toBe('HAND-EDITED');
    expect(() => sb.editVariant('gid://external/StoklyVariant/none', { sku: 'x' })).toThrow(/No variant/);
    expect(() => sb.editVariant(MUG_BLUE, { currentPrice: -1 })).toThrow(/Invalid variant edit/);
  });
});

describe('isInStock against the safety stock', () => {
  it('is in stock at a location only when quantity > safetyStock, and in stock overall when any location is', async () => {
    await sb.stop();
    sb = await CloudshelfSandbox.start({ safetyStock: 2, now: () => clock });
    await pushCatalogue();
    const setStock = (shop: number, warehouse: number) =>
      gql<{ upsertStockLevels: UserErrors & { stockLevels: { isInStock: boolean; location: { platformProvidedId: string } }[] } }>(UPSERT_STOCK_LEVELS, {
        input: [
          { locationId: SHOP, productVariantId: MUG_BLUE, quantity: shop },
          { locationId: WAREHOUSE, productVariantId: MUG_BLUE, quantity: warehouse },
        ],
      });
    const blue = async () => (await gql<{ product: ProductNode }>(PRODUCT, { id: MUG })).data?.product.productVariants[0];

    const result = await setStock(2, 3);
    expect(result.data?.upsertStockLevels.stockLevels.map((s) => s.isInStock)).toEqual([false, true]);
    expect((await blue())?.isInStock).toBe(true);

    await setStock(2, 2);
    expect((await blue())?.stockLevels.map((s) => s.isInStock)).toEqual([false, false]);
    expect((await blue())?.isInStock).toBe(false);

    await setStock(3, 0);
    expect((await blue())?.isInStock).toBe(true);
    expect(sb.snapshot().safetyStock).toBe(2);
  });

  it('reports the isInStock flag sent with a variant until it has stock levels', async () => {
    await gql(UPSERT_PRODUCTS, { input: [{ id: TEE, displayName: 'Logo Tee' }] });
    await gql(UPSERT_LOCATIONS, { input: [{ id: SHOP, displayName: 'High Street' }] });
    await gql(UPSERT_PRODUCT_VARIANTS, { inputs: [{ productId: TEE, variants: [{ id: TEE_M, currentPrice: 20, isInStock: true }] }] });
    const tee = async () => (await gql<{ product: ProductNode }>(PRODUCT, { id: TEE })).data?.product.productVariants[0];
    expect((await tee())?.isInStock).toBe(true);
    await gql(UPSERT_STOCK_LEVELS, { input: [{ locationId: SHOP, productVariantId: TEE_M, quantity: 0 }] });
    expect((await tee())?.isInStock).toBe(false);
  });
});

describe('unsupported operations', () => {
  it('answer a GraphQL error saying the sandbox does not support them', async () => {
    const result = await gql<unknown>('mutation { registerWebhook(inputs: [{ subject: ProductUpsert, url: "http://x" }]) { userErrors { code } } }');
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.message).toBe('registerWebhook is not supported by the sandbox');
  });

  it('rejects documents that do not match the schema', async () => {
    const result = await gql<unknown>('{ products { edges { node { price } } } }');
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "price"/);
    expect(result.data).toBeUndefined();
  });
});
