import type { Db } from './connection.js';

/**
 * Stok.ly's on-hand at the endless-aisle (warehouse) locations at the last pull, summed per
 * item, and the `ship` quantities accepted here that it does not include yet (pending_ship,
 * kept by the triggers of migration 0150).
 */
export class WarehouseStockRepo {
  private readonly onHandStmt;
  private readonly pendingSkuStmt;
  private readonly pendingStmt;

  constructor(private readonly db: Db) {
    this.onHandStmt = db.prepare<[string], { on_hand: number }>('SELECT on_hand FROM warehouse_stock WHERE item_id = ?');
    this.pendingSkuStmt = db.prepare<[string], { qty: number }>('SELECT qty FROM pending_ship WHERE sku = ?');
    this.pendingStmt = db.prepare<[], { sku: string; qty: number }>('SELECT sku, qty FROM pending_ship WHERE qty != 0');
  }

  onHand(itemId: string): number {
    return this.onHandStmt.get(itemId)?.on_hand ?? 0;
  }

  pendingForSku(sku: string): number {
    return this.pendingSkuStmt.get(sku)?.qty ?? 0;
  }

  pendingBySku(): Map<string, number> {
    return new Map(this.pendingStmt.all().map((r) => [r.sku, r.qty]));
  }

  /**
   * Replaces the snapshot with a completed pull that started at `startedAt`, and settles the
   * ship lines of every order that existed in Stok.ly before it began. One transaction.
   */
  replaceSnapshot(onHand: ReadonlyMap<string, number>, startedAt: number): number {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM warehouse_stock').run();
      const insert = this.db.prepare('INSERT INTO warehouse_stock (item_id, on_hand, pull_started_at) VALUES (?, ?, ?)');
      for (const [itemId, qty] of onHand) insert.run(itemId, qty, startedAt);
      return this.db
        .prepare('UPDATE outbox INDEXED BY outbox_ship_unsettled SET ship_settled = 1 WHERE ship_settled = 0 AND ordered_at IS NOT NULL AND ordered_at < ?')
        .run(startedAt).changes;
    }).immediate();
  }
}
