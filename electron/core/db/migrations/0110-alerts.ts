import type { Migration } from '../migration.js';

/**
 * The agent's alerts (stalled sales, Stok.ly unreachable, stale stock) with their history, and
 * one webhook delivery per alert opening and per resolution: kept here so a restart neither
 * loses a message still to send nor sends one twice (the unique pair), nor re-opens an alert.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alerts (
        id           INTEGER PRIMARY KEY,
        key          TEXT NOT NULL,
        title        TEXT NOT NULL,
        body         TEXT NOT NULL,
        opened_at    INTEGER NOT NULL,
        resolved_at  INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX alerts_one_open_per_key ON alerts (key) WHERE resolved_at IS NULL;
      CREATE INDEX alerts_by_opened ON alerts (opened_at);

      CREATE TABLE alert_deliveries (
        id               INTEGER PRIMARY KEY,
        alert_id         INTEGER NOT NULL REFERENCES alerts (id),
        event            TEXT NOT NULL CHECK (event IN ('opened', 'resolved')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL,
        delivered_at     INTEGER,
        last_error       TEXT,
        UNIQUE (alert_id, event)
      ) STRICT;
      CREATE INDEX alert_deliveries_waiting ON alert_deliveries (id) WHERE delivered_at IS NULL;
    `);
  },
};
