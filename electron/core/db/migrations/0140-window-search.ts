import type { Migration } from '../migration.js';

/**
 * Searching from the staff window on a 50,000-item shop and 50,000 sales.
 *
 * Products: an FTS5 trigram index over SKU, name and barcodes (any part of a word, any case),
 * kept by triggers in the transactions that write `products`. Its rowid comes from
 * `product_search_keys`, an INTEGER PRIMARY KEY per item_id, because `products` (TEXT primary
 * key) may get new rowids on VACUUM. An unchanged product re-written by a pull is not re-indexed.
 *
 * Sales: by kiosk and by amount, newest first.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'window-search',
  up(db) {
    db.exec(`
      CREATE TABLE product_search_keys (
        id       INTEGER PRIMARY KEY,
        item_id  TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE VIRTUAL TABLE product_search USING fts5(item_id UNINDEXED, sku, name, barcodes, tokenize = 'trigram');

      CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
        INSERT OR IGNORE INTO product_search_keys (item_id) VALUES (new.item_id);
        INSERT INTO product_search (rowid, item_id, sku, name, barcodes)
          VALUES ((SELECT id FROM product_search_keys WHERE item_id = new.item_id), new.item_id, new.sku, new.name, new.barcodes);
      END;
      CREATE TRIGGER products_search_update AFTER UPDATE OF sku, name, barcodes ON products
        WHEN old.sku IS NOT new.sku OR old.name IS NOT new.name OR old.barcodes IS NOT new.barcodes BEGIN
        DELETE FROM product_search WHERE rowid = (SELECT id FROM product_search_keys WHERE item_id = old.item_id);
        INSERT INTO product_search (rowid, item_id, sku, name, barcodes)
          VALUES ((SELECT id FROM product_search_keys WHERE item_id = new.item_id), new.item_id, new.sku, new.name, new.barcodes);
      END;
      CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
        DELETE FROM product_search WHERE rowid = (SELECT id FROM product_search_keys WHERE item_id = old.item_id);
        DELETE FROM product_search_keys WHERE item_id = old.item_id;
      END;

      INSERT INTO product_search_keys (item_id) SELECT item_id FROM products;
      INSERT INTO product_search (rowid, item_id, sku, name, barcodes)
        SELECT k.id, p.item_id, p.sku, p.name, p.barcodes FROM products p JOIN product_search_keys k ON k.item_id = p.item_id;

      CREATE INDEX sales_kiosk ON sales(kiosk_id, occurred_at);
      CREATE INDEX sales_total ON sales(total);
    `);
  },
};
