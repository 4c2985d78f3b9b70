import type { Migration } from '../migration.js';

/**
 * Kiosks enrolled from the staff window (those in the configuration file are not stored).
 * Only the SHA-256 of a token is kept; a revoked kiosk keeps its row so its sales stay named.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'kiosks',
  up(db) {
    db.exec(`
      CREATE TABLE kiosks (
        kiosk_id      TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        token_sha256  TEXT NOT NULL UNIQUE,
        enrolled_at   INTEGER NOT NULL,
        revoked_at    INTEGER
      ) STRICT;

      -- The Kiosks tab asks each kiosk's sales today and latest sale.
      CREATE INDEX sales_kiosk_received ON sales(kiosk_id, received_at);
    `);
  },
};
