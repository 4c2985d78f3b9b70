import type { Db } from './connection.js';

export interface Baseline {
  onHand: number;
  explained: number;
}

export interface MovementRow {
  sku: string;
  name: string;
  movement: number;
  onHandBefore: number;
  onHandAfter: number;
  explained: number;
  at: number;
}

/** Rows that a pull starting at ? settles: their collection was recorded before it began (as StockRepo.replaceSnapshot). */
const SETTLING = 'o.stock_settled = 0 AND o.collected_at IS NOT NULL AND o.collected_at < @startedAt';

/**
 * Stock movements (migration 0130): per pull, what moved in Stok.ly's on-hand figure that the
 * kiosks' own sales and restocked refunds do not explain. Read and written inside the stock
 * pull's transaction, so the figures and the settling of sales can never disagree.
 */
export class StockMovementsRepo {
  constructor(private readonly db: Db) {}

  /** Per SKU, the units the rows this pull settles took out (−, store sales) or put back (+, restocked refunds). */
  explainedBySettling(startedAt: number): Map<string, number> {
    const rows = this.db
      .prepare<{ startedAt: number }, { sku: string; qty: number }>(
        `SELECT sku, SUM(qty) AS qty FROM (
           SELECT l.sku AS sku, -l.quantity AS qty FROM outbox o JOIN sale_lines l ON l.sale_id = o.ref
            WHERE ${SETTLING} AND o.kind = 'sale' AND l.fulfilment = 'store'
           UNION ALL
           SELECT r.sku, r.quantity FROM outbox o JOIN refund_lines r ON r.refund_id = o.ref
            WHERE ${SETTLING} AND o.kind = 'refund' AND r.restock = 1
         ) GROUP BY sku`,
      )
      .all({ startedAt });
    return new Map(rows.map((r) => [r.sku, r.qty]));
  }

  /**
   * SKUs with a sale or refund that this pull does not settle but whose effect Stok.ly's figure
   * may already hold (created or collected while the pull ran, or an answer lost): their
   * movement cannot be told yet and waits for a later pull.
   */
  uncertainSkus(startedAt: number): Set<string> {
    const unsure = `o.stock_settled = 0 AND NOT (o.collected_at IS NOT NULL AND o.collected_at < @startedAt)
                    AND (o.status IN ('sending', 'done') OR o.outcome_unknown = 1 OR o.step != 'create')`;
    const rows = this.db
      .prepare<{ startedAt: number }, { sku: string }>(
        `SELECT l.sku AS sku FROM outbox o JOIN sale_lines l ON l.sale_id = o.ref
          WHERE ${unsure} AND o.kind = 'sale' AND l.fulfilment = 'store'
         UNION
         SELECT r.sku FROM outbox o JOIN refund_lines r ON r.refund_id = o.ref
          WHERE ${unsure} AND o.kind = 'refund' AND r.restock = 1`,
      )
      .all({ startedAt });
    return new Set(rows.map((r) => r.sku));
  }

  /** The snapshot just stored, per SKU (an item the catalogue does not know yet counts under its item id). */
  snapshotBySku(): Map<string, { onHand: number; name: string }> {
    const rows = this.db
      .prepare<[], { sku: string; name: string; on_hand: number }>(
        `SELECT COALESCE(p.sku, s.item_id) AS sku, COALESCE(MAX(p.name), '') AS name, SUM(s.on_hand) AS on_hand
           FROM stock_levels s LEFT JOIN products p ON p.item_id = s.item_id GROUP BY 1`,
      )
      .all();
    return new Map(rows.map((r) => [r.sku, { onHand: r.on_hand, name: r.name }]));
  }

  /** Names of SKUs that left the snapshot. */
  nameOf(sku: string): string {
    return this.db.prepare<[string], { name: string }>('SELECT name FROM products WHERE sku = ? ORDER BY active DESC LIMIT 1').get(sku)?.name ?? '';
  }

  baselines(): Map<string, Baseline> {
    const rows = this.db.prepare<[], { sku: string; on_hand: number; explained: number }>('SELECT * FROM stock_movement_baseline').all();
    return new Map(rows.map((r) => [r.sku, { onHand: r.on_hand, explained: r.explained }]));
  }

  saveBaselines(changed: ReadonlyMap<string, Baseline>): void {
    const upsert = this.db.prepare(
      `INSERT INTO stock_movement_baseline (sku, on_hand, explained) VALUES (?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand, explained = excluded.explained`,
    );
    for (const [sku, b] of changed) upsert.run(sku, b.onHand, b.explained);
  }

  record(rows: readonly MovementRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO stock_movements (sku, name, movement, on_hand_before, on_hand_after, explained, pull_started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) insert.run(r.sku, r.name, r.movement, r.onHandBefore, r.onHandAfter, r.explained, r.at);
  }

  /** Movements of pulls that started in [from, to). */
  between(from: number, to: number): MovementRow[] {
    return this.db
      .prepare<[number, number], { sku: string; name: string; movement: number; on_hand_before: number; on_hand_after: number; explained: number; pull_started_at: number }>(
        'SELECT * FROM stock_movements WHERE pull_started_at >= ? AND pull_started_at < ? ORDER BY id',
      )
      .all(from, to)
      .map((r) => ({ sku: r.sku, name: r.name, movement: r.movement, onHandBefore: r.on_hand_before, onHandAfter: r.on_hand_after, explained: r.explained, at: r.pull_started_at }));
  }
}
