import type { Migration } from '../migration.js';

/**
 * Month end: who signed a month's takings off (and which daily report versions they saw), the
 * stock movements each pull found that the kiosks' own sales do not explain, the per-SKU
 * baseline those are measured from, and the ticks of the handbook's daily and monthly checks.
 * All append-only except the baseline.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'month-end',
  up(db) {
    db.exec(`
      CREATE TABLE month_signoffs (
        id         INTEGER PRIMARY KEY,
        month      TEXT NOT NULL,
        signed_by  TEXT NOT NULL,
        note       TEXT,
        versions   TEXT NOT NULL,
        signed_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX month_signoffs_by_month ON month_signoffs(month, id);

      CREATE TABLE stock_movements (
        id               INTEGER PRIMARY KEY,
        item_id          TEXT NOT NULL,
        sku              TEXT NOT NULL,
        name             TEXT NOT NULL,
        movement         INTEGER NOT NULL,
        on_hand_before   INTEGER NOT NULL,
        on_hand_after    INTEGER NOT NULL,
        explained        INTEGER NOT NULL,
        pull_started_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX stock_movements_by_time ON stock_movements(pull_started_at);

      -- Per Stok.ly item (SKUs can change; items cannot): the on-hand figure movements are measured
      -- from, and the kiosk quantity settled since then (carried while a sale of the item was
      -- being collected during a pull).
      CREATE TABLE stock_movement_baseline (
        item_id    TEXT PRIMARY KEY,
        on_hand    INTEGER NOT NULL,
        explained  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE check_ticks (
        id         INTEGER PRIMARY KEY,
        check_id   TEXT NOT NULL,
        period     TEXT NOT NULL,
        ticked_by  TEXT NOT NULL,
        note       TEXT,
        ticked_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX check_ticks_by_period ON check_ticks(period, check_id, id);
    `);
  },
};
