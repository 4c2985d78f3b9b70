import type { Migration } from '../migration.js';

/**
 * Endless aisle. Customer and delivery details sealed (AES-256-GCM) per sale, erased after the
 * retention period; the Stok.ly customer found for each of our keys; the warehouse locations'
 * stock and, kept by triggers like pending_stock (0070), the `ship` quantities accepted here
 * that the warehouse figure does not include yet. A sale's ship lines count from its outbox row
 * until a stock pull that started after its order existed in Stok.ly has completed.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'endless-aisle',
  up(db) {
    db.exec(`
      CREATE TABLE sale_personal (
        sale_id     TEXT PRIMARY KEY REFERENCES sales(sale_id),
        key_id      TEXT NOT NULL,
        sealed      BLOB,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        erased_at   INTEGER
      ) STRICT;
      CREATE INDEX sale_personal_unerased ON sale_personal(sale_id) WHERE sealed IS NOT NULL;

      CREATE TABLE stokly_customers (
        barcode            TEXT PRIMARY KEY,
        customer_id        TEXT,
        create_started_at  INTEGER,
        updated_at         INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE warehouse_stock (
        item_id          TEXT PRIMARY KEY,
        on_hand          INTEGER NOT NULL,
        pull_started_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE pending_ship (
        sku  TEXT PRIMARY KEY,
        qty  INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE outbox ADD COLUMN ordered_at INTEGER;
      ALTER TABLE outbox ADD COLUMN ship_settled INTEGER NOT NULL DEFAULT 0;
      UPDATE outbox SET ordered_at = updated_at WHERE remote_id IS NOT NULL;
      UPDATE outbox SET ship_settled = 1 WHERE status IN ('done', 'voided') OR kind != 'sale'
        OR NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = outbox.ref AND l.fulfilment = 'ship');
      CREATE INDEX outbox_ship_unsettled ON outbox(ordered_at) WHERE ship_settled = 0;

      INSERT INTO pending_ship (sku, qty)
        SELECT l.sku, SUM(l.quantity) FROM outbox o JOIN sale_lines l ON l.sale_id = o.ref
         WHERE o.ship_settled = 0 AND o.kind = 'sale' AND l.fulfilment = 'ship' GROUP BY l.sku;

      -- A sale's ship lines count from the moment its outbox row exists (a duplicate twin has none).
      CREATE TRIGGER pending_ship_sale_added AFTER INSERT ON outbox
        WHEN NEW.kind = 'sale' AND NEW.ship_settled = 0
      BEGIN
        INSERT INTO pending_ship (sku, qty)
          SELECT sku, SUM(quantity) FROM sale_lines WHERE sale_id = NEW.ref AND fulfilment = 'ship' GROUP BY sku
          ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty;
      END;

      -- Nothing to ship (a store-only sale, a refund): settled at once, out of the backlog index.
      CREATE TRIGGER pending_ship_nothing AFTER INSERT ON outbox
        WHEN NEW.ship_settled = 0 AND (NEW.kind != 'sale'
          OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = NEW.ref AND fulfilment = 'ship'))
      BEGIN
        UPDATE outbox SET ship_settled = 1 WHERE id = NEW.id;
      END;

      -- The order exists in Stok.ly from now: a pull that starts later includes its ship lines.
      CREATE TRIGGER pending_ship_ordered AFTER UPDATE OF remote_id ON outbox
        WHEN NEW.kind = 'sale' AND OLD.remote_id IS NULL AND NEW.remote_id IS NOT NULL AND NEW.ordered_at IS NULL
      BEGIN
        UPDATE outbox SET ordered_at = NEW.updated_at WHERE id = NEW.id;
      END;

      -- Voided: it will never reach the warehouse.
      CREATE TRIGGER pending_ship_voided AFTER UPDATE OF status ON outbox
        WHEN NEW.status = 'voided' AND NEW.ship_settled = 0
      BEGIN
        UPDATE outbox SET ship_settled = 1 WHERE id = NEW.id;
      END;

      CREATE TRIGGER pending_ship_settled AFTER UPDATE OF ship_settled ON outbox
        WHEN NEW.kind = 'sale' AND OLD.ship_settled = 0 AND NEW.ship_settled = 1
      BEGIN
        INSERT INTO pending_ship (sku, qty)
          SELECT sku, -SUM(quantity) FROM sale_lines WHERE sale_id = NEW.ref AND fulfilment = 'ship' GROUP BY sku
          ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty;
      END;
    `);
  },
};
