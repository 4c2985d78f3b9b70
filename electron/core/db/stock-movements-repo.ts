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

  /** Whether movements have a starting point yet (false before the first measured pull). */
  hasBaseline(): boolean {
    return this.db.prepare('SELECT 1 FROM stock_movement_baseline LIMIT 1').get() !== undefined;
  }

  /** The first measured pull: the snapshot just stored becomes the starting point. */
  startBaseline(): void {
    this.db.prepare('INSERT INTO stock_movement_baseline (item_id, on_hand, explained) SELECT item_id, on_hand, 0 FROM stock_levels').run();
  }

  /**
   * Only the items that can have moved: on-hand differs from the baseline, new, gone, carrying a
   * settled quantity, or named in `extra` (settled or uncertain now). The comparison runs in
   * SQLite, so a 50,000-item pull reads the handful that changed, not every row.
   */
  candidates(extra: ReadonlySet<string>): { snapshot: Map<string, { onHand: number; sku: string; name: string }>; baselines: Map<string, Baseline> } {
    const snapshot = new Map<string, { onHand: number; sku: string; name: string }>();
    const baselines = new Map<string, Baseline>();
    type Row = { item_id: string; on_hand: number | null; sku: string | null; name: string | null; b_on: number | null; b_ex: number | null };
    const take = (r: Row): void => {
      if (r.on_hand !== null) snapshot.set(r.item_id, { onHand: r.on_hand, sku: r.sku ?? r.item_id, name: r.name ?? '' });
      if (r.b_on !== null) baselines.set(r.item_id, { onHand: r.b_on, explained: r.b_ex ?? 0 });
    };
    const select = `SELECT x.item_id, s.on_hand, p.sku, p.name, b.on_hand AS b_on, b.explained AS b_ex FROM`;
    const joins = `LEFT JOIN stock_levels s ON s.item_id = x.item_id LEFT JOIN stock_movement_baseline b ON b.item_id = x.item_id
                   LEFT JOIN products p ON p.item_id = x.item_id`;
    this.db.prepare<[], Row>(
      `${select} (SELECT s0.item_id FROM stock_levels s0 LEFT JOIN stock_movement_baseline b0 ON b0.item_id = s0.item_id
                   WHERE b0.item_id IS NULL OR b0.on_hand != s0.on_hand OR b0.explained != 0
                  UNION
                  SELECT b1.item_id FROM stock_movement_baseline b1
                   WHERE (b1.on_hand != 0 OR b1.explained != 0) AND NOT EXISTS (SELECT 1 FROM stock_levels s1 WHERE s1.item_id = b1.item_id)) x ${joins}`,
    ).all().forEach(take);
    const one = this.db.prepare<[string], Row>(`${select} (SELECT ? AS item_id) x ${joins}`);
    for (const id of extra) if (!snapshot.has(id) && !baselines.has(id)) {
      const r = one.get(id);
      if (r) take(r);
    }
    return { snapshot, baselines };
  }

  /** SKU and name of an item that left the snapshot. */
  describe(itemId: string): { sku: string; name: string } {
    const p = this.db.prepare<[string], { sku: string; name: string }>('SELECT sku, name FROM products WHERE item_id = ?').get(itemId);
    return p ?? { sku: itemId, name: '' };
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
