import type { Migration } from '../migration.js';

/**
 * Pending stock per SKU kept as a running total by triggers, in the same transactions that
 * store, settle and void sales and refunds. Reading it is one row, whatever the backlog: the
 * ingest path asks for every store line of every sale (it used to sum the whole backlog).
 */
export const migration0070: Migration = {
  version: 70,
  name: 'pending-stock',
  up(db) {
    db.exec(`
      CREATE TABLE pending_stock (
        sku  TEXT PRIMARY KEY,
        qty  INTEGER NOT NULL
      ) STRICT;

      -- A sale counts from the moment its outbox row exists (a duplicate twin has none).
      CREATE TRIGGER pending_stock_sale_added AFTER INSERT ON outbox
        WHEN NEW.kind = 'sale' AND NEW.stock_settled = 0
      BEGIN
        INSERT INTO pending_stock (sku, qty)
          SELECT sku, SUM(quantity) FROM sale_lines WHERE sale_id = NEW.ref AND fulfilment = 'store' GROUP BY sku
          ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty;
      END;

      -- A restocked refund line counts the other way.
      CREATE TRIGGER pending_stock_refund_added AFTER INSERT ON outbox
        WHEN NEW.kind = 'refund' AND NEW.stock_settled = 0
      BEGIN
        INSERT INTO pending_stock (sku, qty)
          SELECT sku, -SUM(quantity) FROM refund_lines WHERE refund_id = NEW.ref AND restock = 1 GROUP BY sku
          ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty;
      END;

      -- What is pending already, before this version.
      INSERT INTO pending_stock (sku, qty)
        SELECT sku, SUM(qty) FROM (
          SELECT l.sku AS sku, l.quantity AS qty FROM outbox o JOIN sale_lines l ON l.sale_id = o.ref
           WHERE o.stock_settled = 0 AND o.kind = 'sale' AND o.status != 'voided' AND l.fulfilment = 'store'
          UNION ALL
          SELECT r.sku, -r.quantity FROM outbox o JOIN refund_lines r ON r.refund_id = o.ref
           WHERE o.stock_settled = 0 AND o.kind = 'refund' AND o.status != 'voided' AND r.restock = 1
        ) GROUP BY sku;
    `);
    // Seeded first, then voided rows settled, then the settle triggers: a voided row never counted.
    db.exec(`
      UPDATE outbox SET stock_settled = 1 WHERE stock_settled = 0 AND status = 'voided';
      -- Settled (Stok.ly's figure includes it) or voided: it stops counting.
      CREATE TRIGGER pending_stock_sale_settled AFTER UPDATE OF stock_settled ON outbox
        WHEN NEW.kind = 'sale' AND OLD.stock_settled = 0 AND NEW.stock_settled = 1
      BEGIN
        INSERT INTO pending_stock (sku, qty)
          SELECT sku, -SUM(quantity) FROM sale_lines WHERE sale_id = NEW.ref AND fulfilment = 'store' GROUP BY sku
          ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty;
      END;
      CREATE TRIGGER pending_stock_refund_settled AFTER UPDATE OF stock_settled ON outbox
        WHEN NEW.kind = 'refund' AND OLD.stock_settled = 0 AND NEW.stock_settled = 1
      BEGIN
        INSERT INTO pending_stock (sku, qty)
          SELECT sku, SUM(quantity) FROM refund_lines WHERE refund_id = NEW.ref AND restock = 1 GROUP BY sku
          ON CONFLICT (sku) DO UPDATE SET qty = qty + excluded.qty;
      END;
    `);
  },
};
