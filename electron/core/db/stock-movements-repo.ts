import type { Db } from './connection.js';

export interface Baseline {
  onHand: number;
  explained: number;
}

export interface MovementRow {
  itemId: string;
  sku: string;
  name: string;
  movement: number;
  onHandBefore: number;
  onHandAfter: number;
  explained: number;
  at: number;
}

/** Rows that a pull starting at @startedAt settles: their collection was recorded before it began (as StockRepo.replaceSnapshot). */
const SETTLING = 'o.stock_settled = 0 AND o.collected_at IS NOT NULL AND o.collected_at < @startedAt';
/** Rows it does not settle whose effect Stok.ly's figure may already hold: created or collected while it ran, or an answer lost. */
const UNSURE = `o.stock_settled = 0 AND NOT (o.collected_at IS NOT NULL AND o.collected_at < @startedAt)
                AND (o.status IN ('sending', 'done') OR o.outcome_unknown = 1 OR o.step != 'create')`;

/** The Stok.ly item a kiosk line was posted to, resolved as SkuResolver does: one-sale override, standing alias, active product. */
const itemOf = (saleId: string, sku: string): string => `COALESCE(
  (SELECT v.item_id FROM sale_sku_overrides v WHERE v.sale_id = ${saleId} AND v.sku = ${sku}),
  (SELECT a.item_id FROM sku_aliases a WHERE a.kiosk_sku = ${sku}),
  (SELECT p.item_id FROM products p WHERE p.sku = ${sku} ORDER BY p.active DESC, p.item_id LIMIT 1),
  ${sku})`;

/** Store sale lines (−) and restocked refund lines (+) of the outbox rows matching `where`, per item. */
const kioskUnits = (where: string): string => `
  SELECT item_id, SUM(qty) AS qty FROM (
    SELECT ${itemOf('l.sale_id', 'l.sku')} AS item_id, -l.quantity AS qty FROM outbox o JOIN sale_lines l ON l.sale_id = o.ref
     WHERE ${where} AND o.kind = 'sale' AND l.fulfilment = 'store'
    UNION ALL
    SELECT ${itemOf('f.sale_id', 'r.sku')}, r.quantity FROM outbox o JOIN refund_lines r ON r.refund_id = o.ref JOIN refunds f ON f.refund_id = o.ref
     WHERE ${where} AND o.kind = 'refund' AND r.restock = 1
  ) GROUP BY item_id`;

/**
 * Stock movements (migration 0130): per pull, what moved in Stok.ly's on-hand figure that the
 * kiosks' own sales and restocked refunds do not explain. Read and written inside the stock
 * pull's transaction, so the figures and the settling of sales can never disagree.
 */
export class StockMovementsRepo {
  constructor(private readonly db: Db) {}

  /** Per item, the units the rows this pull settles took out (−, store sales) or put back (+, restocked refunds). */
  explainedBySettling(startedAt: number): Map<string, number> {
    const rows = this.db.prepare<{ startedAt: number }, { item_id: string; qty: number }>(kioskUnits(SETTLING)).all({ startedAt });
    return new Map(rows.map((r) => [r.item_id, r.qty]));
  }

  /** Items with a sale or refund this pull does not settle but Stok.ly's figure may already hold: measured later. */
  uncertainItems(startedAt: number): Set<string> {
    const rows = this.db.prepare<{ startedAt: number }, { item_id: string }>(kioskUnits(UNSURE)).all({ startedAt });
    return new Set(rows.map((r) => r.item_id));
  }

  /** The snapshot just stored, per item, with its SKU and name (the item id while the catalogue does not know it). */
  snapshot(): Map<string, { onHand: number; sku: string; name: string }> {
    const rows = this.db
      .prepare<[], { item_id: string; on_hand: number; sku: string | null; name: string | null }>(
        'SELECT s.item_id, s.on_hand, p.sku, p.name FROM stock_levels s LEFT JOIN products p ON p.item_id = s.item_id',
      )
      .all();
    return new Map(rows.map((r) => [r.item_id, { onHand: r.on_hand, sku: r.sku ?? r.item_id, name: r.name ?? '' }]));
  }

  /** SKU and name of an item that left the snapshot. */
  describe(itemId: string): { sku: string; name: string } {
    const p = this.db.prepare<[string], { sku: string; name: string }>('SELECT sku, name FROM products WHERE item_id = ?').get(itemId);
    return p ?? { sku: itemId, name: '' };
  }

  baselines(): Map<string, Baseline> {
    const rows = this.db.prepare<[], { item_id: string; on_hand: number; explained: number }>('SELECT * FROM stock_movement_baseline').all();
    return new Map(rows.map((r) => [r.item_id, { onHand: r.on_hand, explained: r.explained }]));
  }

  saveBaselines(changed: ReadonlyMap<string, Baseline>): void {
    const upsert = this.db.prepare(
      `INSERT INTO stock_movement_baseline (item_id, on_hand, explained) VALUES (?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET on_hand = excluded.on_hand, explained = excluded.explained`,
    );
    for (const [itemId, b] of changed) upsert.run(itemId, b.onHand, b.explained);
  }

  record(rows: readonly MovementRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO stock_movements (item_id, sku, name, movement, on_hand_before, on_hand_after, explained, pull_started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) insert.run(r.itemId, r.sku, r.name, r.movement, r.onHandBefore, r.onHandAfter, r.explained, r.at);
  }

  /** Movements of pulls that started in [from, to). */
  between(from: number, to: number): MovementRow[] {
    return this.db
      .prepare<[number, number], { item_id: string; sku: string; name: string; movement: number; on_hand_before: number; on_hand_after: number; explained: number; pull_started_at: number }>(
        'SELECT * FROM stock_movements WHERE pull_started_at >= ? AND pull_started_at < ? ORDER BY id',
      )
      .all(from, to)
      .map((r) => ({
        itemId: r.item_id, sku: r.sku, name: r.name, movement: r.movement, onHandBefore: r.on_hand_before, onHandAfter: r.on_hand_after,
        explained: r.explained, at: r.pull_started_at,
      }));
  }
}
