import type { Migration } from '../migration.js';

/**
 * The product master and stock cache. `products` replaces the SKU cache of 0010 (same job,
 * keyed by Stok.ly itemId since SKUs can repeat or change); SKUs Stok.ly did not know move to
 * `sku_lookups`. Outbox rows learn when their collection was recorded, so a sale stops counting
 * as pending exactly when a stock pull that started after it has completed.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'catalog-stock',
  up(db) {
    db.exec(`
      CREATE TABLE products (
        item_id          TEXT PRIMARY KEY,
        sku              TEXT NOT NULL,
        name             TEXT NOT NULL,
        barcodes         TEXT NOT NULL DEFAULT '[]',
        price            INTEGER,
        currency         TEXT NOT NULL DEFAULT '',
        tax_class_id     TEXT,
        tax_rate_percent REAL,
        active           INTEGER NOT NULL,
        format           INTEGER NOT NULL DEFAULT 0,
        parent_id        TEXT,
        updated_at       TEXT,
        pulled_at        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX products_sku ON products(sku);
      INSERT INTO products (item_id, sku, name, active, pulled_at)
        SELECT item_id, sku, COALESCE(name, sku), active, checked_at FROM items WHERE item_id IS NOT NULL;

      CREATE TABLE sku_lookups (
        sku         TEXT PRIMARY KEY,
        checked_at  INTEGER NOT NULL
      ) STRICT;
      INSERT INTO sku_lookups (sku, checked_at) SELECT sku, checked_at FROM items WHERE item_id IS NULL;
      DROP TABLE items;

      CREATE TABLE stock_levels (
        item_id          TEXT PRIMARY KEY,
        on_hand          INTEGER NOT NULL,
        pull_started_at  INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE outbox ADD COLUMN collected_at INTEGER;
      ALTER TABLE outbox ADD COLUMN stock_settled INTEGER NOT NULL DEFAULT 0;
      UPDATE outbox SET stock_settled = 1, collected_at = COALESCE(done_at, updated_at) WHERE status IN ('done', 'voided');
      CREATE INDEX outbox_unsettled ON outbox(ref) WHERE stock_settled = 0;

      CREATE TABLE sale_flags (
        id          INTEGER PRIMARY KEY,
        sale_id     TEXT NOT NULL REFERENCES sales(sale_id),
        flag        TEXT NOT NULL,
        sku         TEXT,
        detail      TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sale_flags_by_flag ON sale_flags(flag, created_at);
      CREATE INDEX sale_flags_by_sale ON sale_flags(sale_id);

      CREATE TABLE sync_runs (
        kind                    TEXT PRIMARY KEY,
        last_started_at         INTEGER,
        last_success_started_at INTEGER,
        last_success_at         INTEGER,
        last_full_at            INTEGER,
        last_error              TEXT,
        last_error_at           INTEGER,
        watermark               TEXT
      ) STRICT;
    `);
  },
};
