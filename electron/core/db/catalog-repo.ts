import type { CatalogProduct, CatalogReader } from '../catalog/types.js';
import type { Db } from './connection.js';
import { statementCache } from './statement-cache.js';
import { catalogProduct as fromRow, productFields, type ProductRow } from './product-row.js';

/** What the store knows of a SKU, for posting sales and flagging them. */
export type SkuStatus =
  | { kind: 'active'; product: CatalogProduct }
  | { kind: 'inactive'; product: CatalogProduct }
  | { kind: 'ambiguous'; products: CatalogProduct[] }
  | { kind: 'unknown' }
  | { kind: 'not_cached' };

/** The product master from Stok.ly; also the SKU → itemId cache the outbox uses. */
export interface KioskProductRow {
  sku: string;
  itemId: string;
  name: string;
  barcodes: string[];
  price: number | null;
  taxClassId: string | null;
  currency: string;
  active: boolean;
  updatedAt: string | null;
}

export class CatalogRepo implements CatalogReader {
  private readonly upsertStmt;
  private readonly bySkuStmt;
  private readonly byIdStmt;
  private readonly unknownStmt;
  private readonly clearUnknownStmt;

  /** Statements built per call (IN lists) are prepared once per text. */
  private readonly prepare: Db['prepare'];

  constructor(private readonly db: Db) {
    this.prepare = statementCache(db);
    this.upsertStmt = db.prepare(
      `INSERT INTO products (item_id, sku, name, barcodes, price, currency, tax_class_id, tax_rate_percent, active, format, parent_id, updated_at, pulled_at)
       VALUES (@itemId, @sku, @name, @barcodes, @price, @currency, @taxClassId, @taxRatePercent, @active, @format, @parentId, @updatedAt, @pulledAt)
       ON CONFLICT (item_id) DO UPDATE SET sku = excluded.sku, name = excluded.name, barcodes = excluded.barcodes,
         price = excluded.price, currency = excluded.currency, tax_class_id = excluded.tax_class_id,
         tax_rate_percent = excluded.tax_rate_percent, active = excluded.active, format = excluded.format,
         parent_id = excluded.parent_id, updated_at = excluded.updated_at, pulled_at = excluded.pulled_at`,
    );
    this.bySkuStmt = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE sku = ? ORDER BY active DESC, item_id');
    this.byIdStmt = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE item_id = ?');
    this.unknownStmt = db.prepare<[string], { checked_at: number }>('SELECT checked_at FROM sku_lookups WHERE sku = ?');
    this.clearUnknownStmt = db.prepare('DELETE FROM sku_lookups WHERE sku = ?');
  }

  /** Call inside a transaction for many. */
  upsert(p: CatalogProduct, pulledAt: number): void {
    this.upsertStmt.run({
      ...p, barcodes: JSON.stringify(p.barcodes), active: p.active ? 1 : 0, pulledAt,
    });
    this.clearUnknownStmt.run(p.sku);
  }

  upsertMany(products: readonly CatalogProduct[], pulledAt: number): void {
    this.db.transaction(() => {
      for (const p of products) this.upsert(p, pulledAt);
    })();
  }

  transaction(fn: () => void): void {
    this.db.transaction(fn)();
  }

  /**
   * After a full pull: marks inactive every active product it did not write (pulled before
   * `pullStartedAt`); returns their SKUs. In SQL, so a 50,000-item pull holds no set of ids.
   */
  deactivateNotPulledSince(pullStartedAt: number, now: number): string[] {
    return this.prepare<[number, number], { sku: string }>('UPDATE products SET active = 0, pulled_at = ? WHERE active = 1 AND pulled_at < ? RETURNING sku')
      .all(now, pullStartedAt)
      .map((r) => r.sku);
  }

  /** Products by itemId for a page of a pull, in one query. */
  byItemIds(itemIds: readonly string[]): Map<string, CatalogProduct> {
    if (itemIds.length === 0) return new Map();
    const rows = this.prepare<string[], ProductRow>(`SELECT * FROM products WHERE item_id IN (${itemIds.map(() => '?').join(',')})`).all(...itemIds);
    return new Map(rows.map((r) => [r.item_id, fromRow(r)]));
  }

  /** Stock-holding products and their on-hand for a set of SKUs, in one query (the kiosk stock route). */
  stockRowsForSkus(skus: readonly string[]): Array<{ sku: string; itemId: string; active: boolean; onHand: number | null }> {
    if (skus.length === 0) return [];
    return this
      .prepare<string[], { sku: string; item_id: string; active: number; on_hand: number | null }>(
        `SELECT p.sku, p.item_id, p.active, s.on_hand FROM products p LEFT JOIN stock_levels s ON s.item_id = p.item_id
          WHERE p.format != 2 AND p.sku IN (${skus.map(() => '?').join(',')}) ORDER BY p.sku, p.active DESC, p.item_id`,
      )
      .all(...skus)
      .map((r) => ({ sku: r.sku, itemId: r.item_id, active: r.active === 1, onHand: r.on_hand }));
  }

  /**
   * Kiosk-visible products (variable parents excluded) after `afterSku`, by SKU with the active
   * product of a SKU first: `limit` + 1 rows, so the caller knows whether another page follows.
   */
  kioskProductRows(afterSku: string, limit: number): KioskProductRow[] {
    return this
      .prepare<[string, number], Omit<ProductRow, 'tax_rate_percent' | 'format' | 'parent_id'>>(
        `SELECT sku, item_id, name, barcodes, price, tax_class_id, currency, active, updated_at FROM products
          WHERE format != 2 AND sku > ? ORDER BY sku, active DESC, item_id LIMIT ?`,
      )
      .all(afterSku, limit + 1)
      .map((r) => ({ ...productFields(r), taxClassId: r.tax_class_id, updatedAt: r.updated_at }));
  }

  /** Stock-holding products with their on-hand figure after `afterSku`, ordered as kioskProductRows (`limit` + 1 rows). */
  stockRowsAfter(afterSku: string, limit: number): Array<{ sku: string; itemId: string; onHand: number | null }> {
    return this
      .prepare<[string, number], { sku: string; item_id: string; on_hand: number | null }>(
        `SELECT p.sku, p.item_id, s.on_hand FROM products p LEFT JOIN stock_levels s ON s.item_id = p.item_id
          WHERE p.format != 2 AND p.sku > ? ORDER BY p.sku, p.active DESC, p.item_id LIMIT ?`,
      )
      .all(afterSku, limit + 1)
      .map((r) => ({ sku: r.sku, itemId: r.item_id, onHand: r.on_hand }));
  }

  markUnknown(sku: string, now: number): void {
    this.prepare('INSERT INTO sku_lookups (sku, checked_at) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET checked_at = excluded.checked_at').run(sku, now);
  }

  all(): CatalogProduct[] {
    return this.prepare<[], ProductRow>('SELECT * FROM products ORDER BY item_id').all().map(fromRow);
  }

  count(): number {
    return (this.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  }

  bySku(sku: string): CatalogProduct | undefined {
    const row = this.bySkuStmt.get(sku);
    return row && fromRow(row);
  }

  byItemId(itemId: string): CatalogProduct | undefined {
    const row = this.byIdStmt.get(itemId);
    return row && fromRow(row);
  }

  /**
   * `not_cached` means the store has never heard of the SKU either way; `unknown` means Stok.ly
   * said it has no such SKU (or a full catalogue pull did not contain it: `catalogComplete`).
   */
  skuStatus(sku: string, options: { catalogComplete: boolean }): SkuStatus {
    const { catalogComplete } = options;
    const rows = this.bySkuStmt.all(sku).map(fromRow);
    const active = rows.filter((r) => r.active && r.format !== 2);
    if (active.length === 1 && active[0]) return { kind: 'active', product: active[0] };
    if (active.length > 1) return { kind: 'ambiguous', products: active };
    if (rows[0]) return { kind: 'inactive', product: rows[0] };
    if (catalogComplete || this.unknownStmt.get(sku)) return { kind: 'unknown' };
    return { kind: 'not_cached' };
  }
}
