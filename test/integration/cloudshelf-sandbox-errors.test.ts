import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postGraphql } from '../../sim/cloudshelf/client.js';
import {
  UPSERT_LOCATIONS,
  UPSERT_ORDERS,
  UPSERT_PRODUCT_VARIANTS,
  UPSERT_PRODUCTS,
  UPSERT_STOCK_LEVELS,
} from '../../sim/cloudshelf/documents.js';
import { CloudshelfSandbox } from '../../sim/cloudshelf/sandbox.js';

// Invalid input comes back as userErrors on the payload with HTTP 200; valid entries of the same
// call are still applied.

interface UserError { code: string; message: string }
type Payload = Record<string, unknown> & { userErrors: UserError[] };

const SHOP = 'gid://external/Loc/shop';
const MUG = 'gid://external/Item/mug';
const TEE = 'gid://external/Item/tee';
const MUG_BLUE = 'gid://external/Variant/mug-blue';
const TEE_M = 'gid://external/Variant/tee-m';

let sb: CloudshelfSandbox;

async function call(document: string, field: string, variables: Record<string, unknown>) {
  const result = await postGraphql<Record<string, Payload>>(sb.url, sb.apiKey, document, variables);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  const payload = result.data?.[field];
  if (!payload) throw new Error(`no ${field} payload`);
  return payload;
}

beforeEach(async () => {
  sb = await CloudshelfSandbox.start();
  await call(UPSERT_LOCATIONS, 'upsertLocations', { input: [{ id: SHOP, displayName: 'Shop' }] });
  await call(UPSERT_PRODUCTS, 'upsertProducts', { input: [{ id: MUG, displayName: 'Mug' }, { id: TEE, displayName: 'Tee' }] });
  await call(UPSERT_PRODUCT_VARIANTS, 'upsertProductVariants', {
    inputs: [
      { productId: MUG, variants: [{ id: MUG_BLUE, currentPrice: 10 }] },
      { productId: TEE, variants: [{ id: TEE_M, currentPrice: 20 }] },
    ],
  });
});

afterEach(async () => {
  await sb.stop();
});

describe('upsertProducts', () => {
  const valid = { id: 'gid://external/Item/new', displayName: 'New' };
  it.each([
    ['a malformed gid', { id: 'Item-7', displayName: 'x' }, 'ENTITY_INVALID_FIELD', /input\[1\]\.id: "Item-7" is not a valid GlobalId/],
    ['no id', { displayName: 'x' }, 'ENTITY_CREATION_MISSING_FIELD', /input\[1\]\.id/],
    ['an empty displayName', { id: 'gid://external/Item/a', displayName: '  ' }, 'ENTITY_INVALID_FIELD', /displayName: must not be empty/],
    ['no displayName on create', { id: 'gid://external/Item/b' }, 'ENTITY_CREATION_MISSING_FIELD', /displayName: is required/],
    ['a null displayName on update', { id: MUG, displayName: null }, 'ENTITY_INVALID_FIELD', /displayName/],
    ['an unknown Cloudshelf gid', { id: 'gid://cloudshelf/Product/999', displayName: 'x' }, 'ENTITY_NOT_FOUND', /no product with id/],
    ['an unparsable remoteUpdatedAt', { id: 'gid://external/Item/c', displayName: 'x', remoteUpdatedAt: 'yesterday' }, 'ENTITY_INVALID_FIELD', /remoteUpdatedAt/],
  ])('reports %s and still applies the valid entry', async (_case, invalid, code, message) => {
    const payload = await call(UPSERT_PRODUCTS, 'upsertProducts', { input: [valid, invalid] });
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]?.code).toBe(code);
    expect(payload.userErrors[0]?.message).toMatch(message);
    expect(payload.products).toEqual([expect.objectContaining({ platformProvidedId: valid.id })]);
    expect(sb.state.products.has(valid.id)).toBe(true);
    expect(sb.state.products.size).toBe(3);
    expect(sb.state.products.get(MUG)?.displayName).toBe('Mug');
  });

  it('refuses more than 1000 products per call and applies none of them', async () => {
    const input = Array.from({ length: 1001 }, (_, i) => ({ id: `gid://external/Item/bulk-${i}`, displayName: `Item ${i}` }));
    const payload = await call(UPSERT_PRODUCTS, 'upsertProducts', { input });
    expect(payload.userErrors).toEqual([{ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/at most 1000 products per call, got 1001/) }]);
    expect(payload.products).toEqual([]);
    expect(sb.state.products.size).toBe(2);

    const accepted = await call(UPSERT_PRODUCTS, 'upsertProducts', { input: input.slice(0, 1000) });
    expect(accepted.userErrors).toEqual([]);
    expect(sb.state.products.size).toBe(1002);
  });
});

describe('upsertProductVariants', () => {
  const valid = { id: 'gid://external/Variant/mug-red', currentPrice: 11 };
  it.each([
    ['a negative currentPrice', { id: 'gid://external/Variant/a', currentPrice: -1 }, 'ENTITY_INVALID_FIELD', /variants\[1\]\.currentPrice: must be a price of 0 or more/],
    ['a negative originalPrice', { id: 'gid://external/Variant/b', currentPrice: 1, originalPrice: -0.01 }, 'ENTITY_INVALID_FIELD', /originalPrice/],
    ['no currentPrice on create', { id: 'gid://external/Variant/c', sku: 'C' }, 'ENTITY_CREATION_MISSING_FIELD', /currentPrice: is required/],
    ['an empty displayName', { id: 'gid://external/Variant/d', currentPrice: 1, displayName: '' }, 'ENTITY_INVALID_FIELD', /displayName: must not be empty/],
    ['a malformed variant gid', { id: 'gid://external/Variant/has space', currentPrice: 1 }, 'ENTITY_INVALID_FIELD', /is not a valid GlobalId/],
    ['a variant of another product', { id: TEE_M, currentPrice: 1 }, 'ENTITY_INVALID_FIELD', /belongs to product gid:\/\/external\/Item\/tee/],
    ['a negative position', { id: 'gid://external/Variant/e', currentPrice: 1, position: -1 }, 'ENTITY_INVALID_FIELD', /position/],
    ['a metaimage that is not a URL', { id: 'gid://external/Variant/f', currentPrice: 1, metaimages: [{ url: 'nope', preferredImage: true }] }, 'ENTITY_INVALID_FIELD', /metaimages\[0\]\.url/],
  ])('reports %s and still applies the valid entry', async (_case, invalid, code, message) => {
    const payload = await call(UPSERT_PRODUCT_VARIANTS, 'upsertProductVariants', { inputs: [{ productId: MUG, variants: [valid, invalid] }] });
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]?.code).toBe(code);
    expect(payload.userErrors[0]?.message).toMatch(message);
    expect(payload.productVariants).toEqual([expect.objectContaining({ platformProvidedId: valid.id, currentPrice: 11 })]);
    expect(sb.state.variants.get(valid.id)?.productId).toBe(MUG);
    expect(sb.state.variants.get(TEE_M)).toMatchObject({ productId: TEE, currentPrice: 20 });
  });

  it('reports ENTITY_NOT_FOUND for variants of an unknown product and applies the other groups', async () => {
    const payload = await call(UPSERT_PRODUCT_VARIANTS, 'upsertProductVariants', {
      inputs: [
        { productId: 'gid://external/Item/ghost', variants: [{ id: 'gid://external/Variant/g1', currentPrice: 1 }, { id: 'gid://external/Variant/g2', currentPrice: 1 }] },
        { productId: MUG, variants: [valid] },
      ],
    });
    expect(payload.userErrors).toEqual([{ code: 'ENTITY_NOT_FOUND', message: expect.stringMatching(/inputs\[0\]\.productId: no product .* 2 variant\(s\) were not applied/) }]);
    expect(sb.state.variants.has('gid://external/Variant/g1')).toBe(false);
    expect(sb.state.variants.has(valid.id)).toBe(true);
  });

  it('refuses more than 500 variants per call, counted across groups', async () => {
    const variants = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `gid://external/Variant/${prefix}-${i}`, currentPrice: 1 }));
    const payload = await call(UPSERT_PRODUCT_VARIANTS, 'upsertProductVariants', {
      inputs: [{ productId: MUG, variants: variants('m', 300) }, { productId: TEE, variants: variants('t', 201) }],
    });
    expect(payload.userErrors).toEqual([{ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/at most 500 variants per call, got 501/) }]);
    expect(sb.state.variants.size).toBe(2);
  });
});

describe('upsertStockLevels', () => {
  const valid = { locationId: SHOP, productVariantId: MUG_BLUE, quantity: 3 };
  it.each([
    ['an unknown variant', { locationId: SHOP, productVariantId: 'gid://external/Variant/ghost', quantity: 1 }, 'ENTITY_NOT_FOUND', /input\[1\]\.productVariantId: no product variant/],
    ['an unknown location', { locationId: 'gid://external/Loc/ghost', productVariantId: MUG_BLUE, quantity: 1 }, 'ENTITY_NOT_FOUND', /input\[1\]\.locationId: no location/],
    ['a malformed location gid', { locationId: 'shop', productVariantId: MUG_BLUE, quantity: 1 }, 'ENTITY_INVALID_FIELD', /locationId: "shop" is not a valid GlobalId/],
    ['a negative quantity', { locationId: SHOP, productVariantId: TEE_M, quantity: -2 }, 'ENTITY_INVALID_FIELD', /quantity: must not be negative/],
  ])('reports %s and still applies the valid entry', async (_case, invalid, code, message) => {
    const payload = await call(UPSERT_STOCK_LEVELS, 'upsertStockLevels', { input: [valid, invalid] });
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]?.code).toBe(code);
    expect(payload.userErrors[0]?.message).toMatch(message);
    expect(sb.snapshot().stockLevels).toEqual([expect.objectContaining({ locationId: SHOP, productVariantId: MUG_BLUE, quantity: 3 })]);
  });

  it('refuses more than 1000 stock levels per call', async () => {
    const input = Array.from({ length: 1001 }, () => valid);
    const payload = await call(UPSERT_STOCK_LEVELS, 'upsertStockLevels', { input });
    expect(payload.userErrors).toEqual([{ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/at most 1000 stock levels per call, got 1001/) }]);
    expect(sb.state.stockLevels.size).toBe(0);
  });
});

describe('upsertLocations', () => {
  it.each([
    ['an empty displayName', { id: 'gid://external/Loc/x', displayName: '' }, 'ENTITY_INVALID_FIELD'],
    ['no displayName on create', { id: 'gid://external/Loc/y', address: '1 Road' }, 'ENTITY_CREATION_MISSING_FIELD'],
    ['a malformed gid', { id: 'gid:/external/Loc/z', displayName: 'Z' }, 'ENTITY_INVALID_FIELD'],
  ])('reports %s and still applies the valid entry', async (_case, invalid, code) => {
    const payload = await call(UPSERT_LOCATIONS, 'upsertLocations', { input: [{ id: 'gid://external/Loc/ok', displayName: 'OK' }, invalid] });
    expect(payload.userErrors).toEqual([{ code, message: expect.stringMatching(/^input\[1\]\./) }]);
    expect(sb.state.locations.get('gid://external/Loc/ok')).toMatchObject({ displayName: 'OK', countryCode: 'ZZ', address: '' });
  });
});

describe('upsertOrders', () => {
  it.each([
    ['an unknown order id', { id: 'gid://cloudshelf/Order/999', status: 'PAID' }, 'ENTITY_NOT_FOUND', /no order with id/],
    ['an unknown thirdPartyId', { thirdPartyId: 'nobody', status: 'PAID' }, 'ENTITY_NOT_FOUND', /no order with thirdPartyId "nobody"/],
    ['neither id nor thirdPartyId', { status: 'PAID' }, 'ENTITY_CREATION_MISSING_FIELD', /id or thirdPartyId is required/],
    ['a line for an unknown variant', { lines: [{ productVariantID: 'gid://external/Variant/ghost', quantity: 1, price: 1 }] }, 'ENTITY_NOT_FOUND', /lines\[0\]\.productVariantID/],
    ['a line with quantity 0', { lines: [{ productVariantID: MUG_BLUE, quantity: 0, price: 1 }] }, 'ENTITY_INVALID_FIELD', /quantity: must be 1 or more/],
  ])('reports %s and still applies the valid entry', async (_case, invalid, code, message) => {
    const good = sb.addOrder({ lines: [{ productVariantId: MUG_BLUE, quantity: 1, price: 10 }] });
    const other = sb.addOrder({ lines: [{ productVariantId: TEE_M, quantity: 1, price: 20 }] });
    const target = 'lines' in invalid ? { id: other, ...invalid } : invalid;
    const payload = await call(UPSERT_ORDERS, 'upsertOrders', { input: [{ id: good, thirdPartyId: 'SO-1' }, target] });
    expect(payload.userErrors).toEqual([{ code, message: expect.stringMatching(message) }]);
    expect(sb.state.orders.get(good)?.thirdPartyId).toBe('SO-1');
    expect(sb.state.orders.get(other)?.lines).toHaveLength(1);
  });
});
