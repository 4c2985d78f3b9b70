import { describe, expect, it } from 'vitest';
import type { Availability, CatalogProduct } from '../../electron/core/catalog/types.js';
import { productGid, variantGid } from '../../electron/core/cloudshelf/gids.js';
import { mapCatalogue, mapVariant, retiredVariant } from '../../electron/core/cloudshelf/mapping.js';

const LOC = 'gid://external/StoklyLocation/L1';

function item(itemId: string, over: Partial<CatalogProduct> = {}): CatalogProduct {
  return {
    itemId, sku: `S-${itemId}`, name: `Name ${itemId}`, barcodes: [], price: 100, currency: 'GBP', taxClassId: null,
    taxRatePercent: null, active: true, format: 0, parentId: null, updatedAt: null, ...over,
  };
}

function avail(sku: string, available: number, itemId: string | null = null): Availability {
  return { sku, itemId, known: true, available, onHand: available, pendingSales: 0, buffer: 0, lastSyncedAt: null, stale: false };
}

describe('Stok.ly catalogue → Cloudshelf inputs', () => {
  it('a simple item is one product with one variant, both keyed by its itemId', () => {
    const out = mapCatalogue([item('1', { name: 'Mug', barcodes: ['111', '222'], price: 1250 })], [avail('S-1', 4)], LOC);
    expect(out.products).toEqual([{ id: 'gid://external/StoklyProduct/1', displayName: 'Mug' }]);
    expect(out.variants).toEqual([{
      productId: 'gid://external/StoklyProduct/1',
      input: {
        id: 'gid://external/StoklyVariant/1', sku: 'S-1', barcode: '111', displayName: 'Mug', currentPrice: 12.5, originalPrice: 12.5,
        isInStock: true, availableToPurchase: true, inventoryPolicy: 'DENY',
      },
    }]);
    expect(out.stockLevels).toEqual([{ locationId: LOC, productVariantId: 'gid://external/StoklyVariant/1', quantity: 4 }]);
  });

  it('a variable parent is a product whose variants are its children; it is never a variant itself', () => {
    const out = mapCatalogue([
      item('P', { format: 2, name: 'Tee', price: null }),
      item('P1', { parentId: 'P', name: 'Tee S' }),
      item('P2', { parentId: 'P', name: 'Tee M' }),
    ], [], LOC);
    expect(out.products).toEqual([{ id: productGid('P'), displayName: 'Tee' }]);
    expect(out.variants.map((v) => [v.productId, v.input.id, v.input.displayName])).toEqual([
      [productGid('P'), variantGid('P1'), 'Tee S'],
      [productGid('P'), variantGid('P2'), 'Tee M'],
    ]);
  });

  it('a child whose parent is not (yet) known lands under the parent gid, named after itself', () => {
    const out = mapCatalogue([item('C', { parentId: 'GONE', name: 'Orphan' })], [], LOC);
    expect(out.products).toEqual([{ id: productGid('GONE'), displayName: 'Orphan' }]);
    expect(out.variants[0]?.productId).toBe(productGid('GONE'));
  });

  it('a variable parent without children sends nothing', () => {
    expect(mapCatalogue([item('P', { format: 2 })], [], LOC)).toEqual({ products: [], variants: [], stockLevels: [] });
  });

  it('converts minor units exactly for each currency', () => {
    const price = (p: number, currency: string) => mapVariant(item('x', { price: p, currency }), { productActive: true, available: 0 }).currentPrice;
    expect(price(1999, 'GBP')).toBe(19.99);
    expect(price(10, 'GBP')).toBe(0.1);
    expect(price(500, 'JPY')).toBe(500);
    expect(price(1234, 'KWD')).toBe(1.234);
  });

  it('inactive items and items of an inactive parent stay listed but cannot be bought, with quantity 0', () => {
    const out = mapCatalogue([
      item('D', { active: false }),
      item('P', { format: 2, active: false }),
      item('P1', { parentId: 'P' }),
    ], [avail('S-D', 9), avail('S-P1', 9)], LOC);
    for (const v of out.variants) expect(v.input).toMatchObject({ availableToPurchase: false, isInStock: false });
    expect(out.stockLevels.map((s) => s.quantity)).toEqual([0, 0]);
    expect(out.products).toHaveLength(2);
  });

  it('an unknown price makes the variant not purchasable', () => {
    expect(mapVariant(item('x', { price: null }), { productActive: true, available: 3 })).toMatchObject({ currentPrice: 0, availableToPurchase: false, isInStock: true });
  });

  it('stock is the computed available, never negative, found by itemId before SKU; no figure means 0', () => {
    const out = mapCatalogue([item('1'), item('2'), item('3')], [avail('S-1', -3), avail('other-sku', 5, '2')], LOC);
    expect(out.stockLevels.map((s) => s.quantity)).toEqual([0, 5, 0]);
    expect(out.variants.map((v) => v.input.isInStock)).toEqual([false, true, false]);
  });

  it('a blank name is sent as no variant name, but as it is for the product (Cloudshelf reports it)', () => {
    const out = mapCatalogue([item('1', { name: '  ' })], [], LOC);
    expect(out.variants[0]?.input.displayName).toBeNull();
    expect(out.products[0]?.displayName).toBe('  ');
  });

  it('a retired variant keeps its content but can no longer be sold', () => {
    const [v] = mapCatalogue([item('1')], [avail('S-1', 2)], LOC).variants;
    if (!v) throw new Error('no variant');
    expect(retiredVariant(v)).toEqual({ productId: v.productId, input: { ...v.input, isInStock: false, availableToPurchase: false } });
  });
});
