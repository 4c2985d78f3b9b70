import type { Db } from './connection.js';

/** Mappings made from the staff window: standing SKU aliases, one-sale SKU overrides, tenders. */
export class MappingsRepo {
  constructor(private readonly db: Db) {}

  alias(kioskSku: string): string | undefined {
    return this.db.prepare<[string], { item_id: string }>('SELECT item_id FROM sku_aliases WHERE kiosk_sku = ?').get(kioskSku)?.item_id;
  }

  setAlias(kioskSku: string, itemId: string, by: string, now: number): void {
    this.db.prepare(`INSERT INTO sku_aliases (kiosk_sku, item_id, created_by, created_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (kiosk_sku) DO UPDATE SET item_id = excluded.item_id, created_by = excluded.created_by, created_at = excluded.created_at`)
      .run(kioskSku, itemId, by, now);
  }

  saleOverride(saleId: string, sku: string): string | undefined {
    return this.db.prepare<[string, string], { item_id: string }>('SELECT item_id FROM sale_sku_overrides WHERE sale_id = ? AND sku = ?').get(saleId, sku)?.item_id;
  }

  setSaleOverride(saleId: string, sku: string, itemId: string): void {
    this.db.prepare(`INSERT INTO sale_sku_overrides (sale_id, sku, item_id) VALUES (?, ?, ?)
                     ON CONFLICT (sale_id, sku) DO UPDATE SET item_id = excluded.item_id`).run(saleId, sku, itemId);
  }

  /** Every tender mapped from the window, for the tender picker. */
  tenders(): Array<{ tender: string; method: number; ledger: string | null }> {
    return this.db.prepare<[], { tender: string; method: number; ledger: string | null }>('SELECT tender, method, ledger FROM tender_mappings ORDER BY tender').all();
  }

  tender(tender: string): { method: number; ledger: string | null } | undefined {
    return this.db.prepare<[string], { method: number; ledger: string | null }>('SELECT method, ledger FROM tender_mappings WHERE tender = ?').get(tender);
  }

  setTender(tender: string, method: number, ledger: string | null, by: string, now: number): void {
    this.db.prepare(`INSERT INTO tender_mappings (tender, method, ledger, created_by, created_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (tender) DO UPDATE SET method = excluded.method, ledger = excluded.ledger, created_by = excluded.created_by, created_at = excluded.created_at`)
      .run(tender, method, ledger, by, now);
  }
}
