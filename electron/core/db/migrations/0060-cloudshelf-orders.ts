import type { Migration } from '../migration.js';

/** Cloudshelf orders seen by the intake poll, and whether Stok.ly's reference was written back. */
export const migration0060: Migration = {
  version: 60,
  name: 'cloudshelf-orders',
  up(db) {
    db.exec(`
      CREATE TABLE cloudshelf_orders (
        order_id         TEXT PRIMARY KEY,
        status           TEXT NOT NULL,
        sale_id          TEXT,
        updated_at       TEXT NOT NULL,
        seen_at          INTEGER NOT NULL,
        third_party_id   TEXT,
        written_back_at  INTEGER
      ) STRICT;
    `);
  },
};
