import { describe, expect, it } from 'vitest';
import { BATCH_LIMITS, chunk, variantCall } from '../../electron/core/cloudshelf/batches.js';
import { variantGid } from '../../electron/core/cloudshelf/gids.js';
import type { DesiredCatalogue, DesiredVariant } from '../../electron/core/cloudshelf/mapping.js';
import { contentHash, planPush, type Change, type PushedState } from '../../electron/core/cloudshelf/plan.js';
import type { PushedEntity, PushedKind } from '../../electron/core/db/cloudshelf-push-state-repo.js';
import { userErrorTarget } from '../../electron/core/cloudshelf/user-error-targets.js';

const LOC = 'gid://external/StoklyLocation/L1';

function variant(id: string, productId: string, over: Partial<DesiredVariant['input']> = {}): DesiredVariant {
  return {
    productId,
    input: {
      id: variantGid(id), sku: `S-${id}`, barcode: null, displayName: id, currentPrice: 1, originalPrice: 1,
      isInStock: true, availableToPurchase: true, inventoryPolicy: 'DENY', ...over,
    },
  };
}

function desired(variants: DesiredVariant[], quantities: number[] = variants.map(() => 1)): DesiredCatalogue {
  return {
    products: [...new Set(variants.map((v) => v.productId))].map((id) => ({ id, displayName: id })),
    variants,
    stockLevels: variants.map((v, i) => ({ locationId: LOC, productVariantId: v.input.id, quantity: quantities[i] ?? 0 })),
  };
}

/** What the store would hold after Cloudshelf accepted every change of `plan`. */
function accept(plan: ReturnType<typeof planPush>): PushedState {
  const rows = (kind: PushedKind, changes: Change<unknown>[]) =>
    new Map<string, PushedEntity>(changes.map((c) => [c.externalId, { kind, externalId: c.externalId, hash: c.hash, payload: JSON.stringify(c.payload), pushedAt: 0 }]));
  return { products: rows('product', plan.products), variants: rows('variant', plan.variants), stockLevels: rows('stock_level', plan.stockLevels) };
}

const empty: PushedState = { products: new Map(), variants: new Map(), stockLevels: new Map() };

describe('content hash', () => {
  it('depends on content, not key order', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(contentHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });
});

describe('push plan', () => {
  const P = 'gid://external/StoklyProduct/P';

  it('sends everything the first time and nothing once it was all accepted', () => {
    const d = desired([variant('1', P), variant('2', P)]);
    const first = planPush(d, empty);
    expect([first.products.length, first.variants.length, first.stockLevels.length]).toEqual([1, 2, 2]);
    const second = planPush(d, accept(first));
    expect([second.products.length, second.variants.length, second.stockLevels.length]).toEqual([0, 0, 0]);
  });

  it('sends only the entity that changed', () => {
    const state = accept(planPush(desired([variant('1', P), variant('2', P)]), empty));
    const plan = planPush(desired([variant('1', P), variant('2', P, { currentPrice: 2 })]), state);
    expect(plan.variants.map((c) => [c.externalId, c.payload.input.currentPrice])).toEqual([[variantGid('2'), 2]]);
    expect(plan.products).toEqual([]);
    expect(plan.stockLevels).toEqual([]);
  });

  it('a stock change is one stock level: the variant flag alone does not resend the variant', () => {
    const state = accept(planPush(desired([variant('1', P)], [3]), empty));
    const plan = planPush(desired([variant('1', P, { isInStock: false })], [0]), state);
    expect(plan.variants).toEqual([]);
    expect(plan.stockLevels.map((c) => [c.externalId, c.sku, c.payload.quantity])).toEqual([[variantGid('1'), 'S-1', 0]]);
  });

  it('resends an entity whose hash a drift check cleared', () => {
    const state = accept(planPush(desired([variant('1', P)]), empty));
    const row = state.variants.get(variantGid('1'));
    if (!row) throw new Error('no row');
    const cleared: PushedState = { ...state, variants: new Map([[row.externalId, { ...row, hash: null }]]) };
    expect(planPush(desired([variant('1', P)]), cleared).variants).toHaveLength(1);
  });

  it('makes variants Stok.ly no longer lists unsellable, with stock 0, once', () => {
    const state = accept(planPush(desired([variant('1', P), variant('2', P)], [5, 5]), empty));
    const plan = planPush(desired([variant('1', P)], [5]), state);
    expect(plan.variants.map((c) => [c.externalId, c.payload.productId, c.payload.input.availableToPurchase, c.payload.input.isInStock]))
      .toEqual([[variantGid('2'), P, false, false]]);
    expect(plan.stockLevels.map((c) => [c.externalId, c.payload.quantity])).toEqual([[variantGid('2'), 0]]);
    // Accepted as retired: not sent again.
    const after = accept(plan);
    const merged: PushedState = {
      products: state.products,
      variants: new Map([...state.variants, ...after.variants]),
      stockLevels: new Map([...state.stockLevels, ...after.stockLevels]),
    };
    const again = planPush(desired([variant('1', P)], [5]), merged);
    expect([again.variants.length, again.stockLevels.length]).toEqual([0, 0]);
  });

  it('names a product by its first SKU for people', () => {
    expect(planPush(desired([variant('1', P), variant('2', P)]), empty).products[0]?.sku).toBe('S-1');
  });
});

describe('batches', () => {
  it('chunks within the limit', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(chunk(Array.from({ length: 1200 }, (_, i) => i), BATCH_LIMITS.products).map((b) => b.length)).toEqual([1000, 200]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('groups a variant batch by product, keeping the order to map errors back', () => {
    const A = 'gid://external/StoklyProduct/A';
    const B = 'gid://external/StoklyProduct/B';
    const changes = [variant('1', A), variant('2', B), variant('3', A)].map((v) => ({ externalId: v.input.id, sku: v.input.sku, hash: 'h', payload: v }));
    const call = variantCall(changes);
    expect(call.inputs.map((g) => [g.productId, g.variants.map((v) => v.id)])).toEqual([
      [A, [variantGid('1'), variantGid('3')]],
      [B, [variantGid('2')]],
    ]);
    expect(call.members.map((g) => g.map((c) => c.externalId))).toEqual([[variantGid('1'), variantGid('3')], [variantGid('2')]]);
  });
});

describe('userErrors paths', () => {
  it.each([
    ['input[3].displayName: must not be empty', { index: 3, variantIndex: null, field: 'displayName' }],
    ['inputs[1].variants[0].currentPrice: must be a price of 0 or more', { index: 1, variantIndex: 0, field: 'currentPrice' }],
    ['inputs[2].productId: no product with id x; its 2 variant(s) were not applied', { index: 2, variantIndex: null, field: 'productId' }],
    ['input[0]: bad', { index: 0, variantIndex: null, field: null }],
  ])('%s', (message, target) => {
    expect(userErrorTarget(message)).toEqual(target);
  });

  it('an error without a path is about the call', () => {
    expect(userErrorTarget('upsertProducts accepts at most 1000 products per call, got 1001')).toBeNull();
  });
});
