import type { Db } from './connection.js';

/**
 * Stok.ly's on-hand figures for the store's location at the last pull, and the store-fulfilled
 * quantities of sales that Stok.ly's figure does not yet include.
 */
export class StockRepo {
  private readonly onHandStmt;
  private readonly pendingStmt;
  private readonly pendingSkuStmt;

  constructor(private readonly db: Db) {
    this.onHandStmt = db.prepare<[string], { on_hand: number }>('SELECT on_hand FROM stock_levels WHERE item_id = ?');
    // Kept by triggers (migration 0070) in the transactions that store, settle and void.
    this.pendingStmt = db.prepare<[], { sku: string; qty: number }>('SELECT sku, qty FROM pending_stock WHERE qty != 0');
    this.pendingSkuStmt = db.prepare<[string], { qty: number }>('SELECT qty FROM pending_stock WHERE sku = ?');
  }

  /** One SKU's pending quantity: the ingest path asks this for every store line it flags. */
  pendingForSku(sku: string): number {
    return this.pendingSkuStmt.get(sku)?.qty ?? 0;
  }

  onHand(itemId: string): number | null {
    return this.onHandStmt.get(itemId)?.on_hand ?? null;
  }

  pendingBySku(): Map<string, number> {
    return new Map(this.pendingStmt.all().map((r) => [r.sku, r.qty]));
  }

  /**
   * Replaces the snapshot with a completed pull that started at `startedAt`, and settles every
   * sale whose collection Stok.ly had recorded before that pull began: its quantity is now in
   * the figure, so it stops counting as pending. One transaction: never counted twice or zero times.
   * `beforeSettle` runs inside it, on the new snapshot and before any sale is settled (stock movements).
   */
  replaceSnapshot(onHand: ReadonlyMap<string, number>, startedAt: number, beforeSettle?: () => void): number {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM stock_levels').run();
      const insert = this.db.prepare('INSERT INTO stock_levels (item_id, on_hand, pull_started_at) VALUES (?, ?, ?)');
      for (const [itemId, qty] of onHand) insert.run(itemId, qty, startedAt);
      beforeSettle?.();
      return this.db
        .prepare('UPDATE outbox INDEXED BY outbox_unsettled SET stock_settled = 1 WHERE stock_settled = 0 AND collected_at IS NOT NULL AND collected_at < ?')
        .run(startedAt).changes;
    }).immediate();
  }
}
