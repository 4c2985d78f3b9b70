import { describe, expect, it } from 'vitest';
import type { CatalogProduct } from '../../electron/core/catalog/types.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { CatalogRepo } from '../../electron/core/db/catalog-repo.js';
import { migrate } from '../../electron/core/db/migrate.js';

const product = (n: number): CatalogProduct => ({
  itemId: `item-${n}`, sku: `SKU-${n}`, name: `Product ${n}`, barcodes: [], price: 1000, currency: 'GBP',
  taxClassId: null, taxRatePercent: null, active: true, format: 0, parentId: null, updatedAt: null,
});

describe('a full catalogue pull deactivates what it did not write', () => {
  it('keeps what this pull (or a look-up during it) wrote, deactivates the rest once, and never drops a row', () => {
    const db = openDatabase(':memory:');
    migrate(db, { path: ':memory:', backupDir: null });
    const catalog = new CatalogRepo(db);
    catalog.upsertMany([product(1), product(2), product(3), product(4)], 100);
    // The next full pull starts at 200 and writes items 1 and 2; a SKU look-up writes item 3 during it.
    catalog.upsertMany([product(1), product(2)], 200);
    catalog.upsertMany([product(3)], 250);

    expect(catalog.deactivateNotPulledSince(200, 300)).toEqual(['SKU-4']);
    expect(catalog.skuStatus('SKU-4', { catalogComplete: true }).kind).toBe('inactive');
    for (const sku of ['SKU-1', 'SKU-2', 'SKU-3']) expect(catalog.skuStatus(sku, { catalogComplete: true }).kind).toBe('active');
    // Already inactive: not reported again by the next pull.
    catalog.upsertMany([product(1), product(2), product(3)], 400);
    expect(catalog.deactivateNotPulledSince(400, 500)).toEqual([]);
    expect(catalog.count()).toBe(4);
  });
});
