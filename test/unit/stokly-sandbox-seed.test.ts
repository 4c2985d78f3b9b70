import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '../../sim/stokly/prng.js';
import { generateShop, TAX_CLASSES, taxRatePercent } from '../../sim/stokly/seed.js';
import { ITEM_FORMAT, UNASSIGNED_BIN_ID } from '../../sim/stokly/types.js';

describe('generateShop', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateShop({ itemCount: 200, seed: 42 });
    expect(generateShop({ itemCount: 200, seed: 42 })).toEqual(a);
    expect(generateShop({ itemCount: 200, seed: 43 }).items[0]?.itemId).not.toBe(a.items[0]?.itemId);
  });

  it('makes exactly itemCount items with unique ids, SKUs and barcodes', () => {
    const shop = generateShop({ itemCount: 1234, seed: 3 });
    expect(shop.items).toHaveLength(1234);
    expect(new Set(shop.items.map((i) => i.itemId)).size).toBe(1234);
    expect(new Set(shop.items.map((i) => i.sku)).size).toBe(1234);
    const barcodes = shop.items.flatMap((i) => i.barcodes);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const item of shop.items) expect(item.itemId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives every sellable item a valid EAN-13 and parents none', () => {
    const shop = generateShop({ itemCount: 300 });
    for (const item of shop.items) {
      if (item.format === ITEM_FORMAT.variableParent) { expect(item.barcodes).toEqual([]); continue; }
      expect(item.barcodes).toHaveLength(1);
      const code = item.barcodes[0] ?? '';
      expect(code).toMatch(/^\d{13}$/);
      expect(Number(code[12])).toBe(ean13CheckDigit(code.slice(0, 12)));
    }
    expect(ean13CheckDigit('400638133393')).toBe(1); // a published EAN: 4006381333931
  });

  it('prices ex-VAT in whole pence so the shelf price including VAT is whole pence too', () => {
    const shop = generateShop({ itemCount: 500, seed: 9 });
    expect(new Set(shop.items.map((i) => i.taxClassId))).toEqual(new Set(TAX_CLASSES.map((c) => c.taxClassId)));
    for (const item of shop.items) {
      const exPence = Math.round(item.salePrice.amount * 100);
      expect(exPence / 100).toBe(item.salePrice.amount);
      const inclPence = (exPence * (100 + taxRatePercent(item.taxClassId))) / 100;
      expect(Number.isInteger(inclPence)).toBe(true);
      expect(item.salePrice.currency).toBe('GBP');
    }
  });

  it('links variants to a variable parent that holds no stock', () => {
    const shop = generateShop({ itemCount: 300 });
    const parents = shop.items.filter((i) => i.format === ITEM_FORMAT.variableParent);
    expect(parents.length).toBeGreaterThan(3);
    for (const parent of parents) {
      const children = shop.items.filter((i) => i.parentId === parent.itemId);
      expect(children.length).toBeGreaterThanOrEqual(2);
      for (const child of children) expect(child.sku.startsWith(`${parent.sku}-`)).toBe(true);
      expect(shop.inventoryRecords.some((r) => r.itemId === parent.itemId)).toBe(false);
    }
    expect(shop.items.some((i) => i.sku === 'TEE-RED-M')).toBe(true);
  });

  it('stocks 0–40 of every sellable item at the store and warehouse UNASSIGNED rows', () => {
    const shop = generateShop({ itemCount: 300, storeLocationId: 'LOC-7', channelId: 'CH-7' });
    const sellable = shop.items.filter((i) => i.format !== ITEM_FORMAT.variableParent);
    expect(shop.inventoryRecords).toHaveLength(sellable.length * 2);
    for (const record of shop.inventoryRecords) {
      expect(record.binId).toBe(UNASSIGNED_BIN_ID);
      expect(record.onHand).toBeGreaterThanOrEqual(0);
      expect(record.onHand).toBeLessThanOrEqual(40);
    }
    expect(shop.locations.map((l) => l.locationId)).toEqual(['LOC-7', 'LOC-WH-001']);
    expect(shop.locations[0]?.bins.filter((b) => b.default === 1)).toHaveLength(1);
    expect(shop.channels[0]).toEqual({ channelId: 'CH-7', name: 'Kiosks', type: 'epos' });
    expect(generateShop({ itemCount: 1 }).channels[0]).toEqual({ channelId: 'CH-KIOSK', name: 'Kiosks', type: 'epos' });
    expect(generateShop({ itemCount: 1 }).storeLocationId).toBe('LOC-STORE-001');
  });

  it('starts with ten active simple items', () => {
    const shop = generateShop({ itemCount: 5000, seed: 5 });
    expect(shop.items[0]?.format).toBe(ITEM_FORMAT.simple);
    expect(shop.items.slice(0, 10).every((i) => i.status === 0)).toBe(true);
    expect(shop.items.some((i) => i.status === 1)).toBe(true);
  });

  // Its speed is a bench figure (bench/sync.ts), not an assertion: a busy machine must not fail a test.
  it('generates 50,000 items with unique SKUs', () => {
    const shop = generateShop({ itemCount: 50_000, seed: 11 });
    expect(shop.items).toHaveLength(50_000);
    expect(new Set(shop.items.map((i) => i.sku)).size).toBe(50_000);
  });
});
