import type { Db } from './connection.js';

export interface CachedItem {
  sku: string;
  itemId: string | null;
  name: string | null;
  active: boolean;
  checkedAt: number;
}

interface ItemRow {
  sku: string;
  item_id: string | null;
  name: string | null;
  active: number;
  checked_at: number;
}

/** SKU → Stok.ly itemId. `itemId null` records that Stok.ly did not know the SKU when asked. */
export class ItemsRepo {
  private readonly getStmt;
  private readonly putStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], ItemRow>('SELECT sku, item_id, name, active, checked_at FROM items WHERE sku = ?');
    this.putStmt = db.prepare(
      `INSERT INTO items (sku, item_id, name, active, checked_at) VALUES (@sku, @itemId, @name, @active, @checkedAt)
       ON CONFLICT (sku) DO UPDATE SET item_id = excluded.item_id, name = excluded.name,
         active = excluded.active, checked_at = excluded.checked_at`,
    );
  }

  get(sku: string): CachedItem | undefined {
    const row = this.getStmt.get(sku);
    return row && { sku: row.sku, itemId: row.item_id, name: row.name, active: row.active === 1, checkedAt: row.checked_at };
  }

  put(item: CachedItem): void {
    this.putStmt.run({ ...item, active: item.active ? 1 : 0 });
  }
}
