import type { Migration } from '../migration.js';

/** Sales, their lines and payments, the outbox that posts them, and the SKU → itemId cache. */
export const migration0010: Migration = {
  version: 10,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sales (
        sale_id      TEXT PRIMARY KEY,
        kiosk_id     TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        currency     TEXT NOT NULL,
        total        INTEGER NOT NULL,
        paid         INTEGER NOT NULL,
        body_hash    TEXT NOT NULL,
        flags        TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        cloudshelf_order_id TEXT
      ) STRICT;
      CREATE INDEX sales_occurred_at ON sales(occurred_at);
      CREATE UNIQUE INDEX sales_cloudshelf_order ON sales(cloudshelf_order_id) WHERE cloudshelf_order_id IS NOT NULL;

      CREATE TABLE sale_lines (
        sale_id     TEXT NOT NULL REFERENCES sales(sale_id),
        line_no     INTEGER NOT NULL,
        sku         TEXT NOT NULL,
        quantity    INTEGER NOT NULL CHECK (quantity > 0),
        unit_price  INTEGER NOT NULL,
        tax         INTEGER NOT NULL,
        discount    INTEGER NOT NULL,
        fulfilment  TEXT NOT NULL CHECK (fulfilment IN ('store', 'ship')),
        PRIMARY KEY (sale_id, line_no)
      ) STRICT;
      CREATE INDEX sale_lines_sku ON sale_lines(sku);

      CREATE TABLE sale_payments (
        sale_id    TEXT NOT NULL REFERENCES sales(sale_id),
        idx        INTEGER NOT NULL,
        tender     TEXT NOT NULL,
        amount     INTEGER NOT NULL,
        reference  TEXT,
        PRIMARY KEY (sale_id, idx)
      ) STRICT;

      CREATE TABLE outbox (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
        ref              TEXT NOT NULL,
        payload          TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'done', 'exception', 'voided')),
        step             TEXT NOT NULL DEFAULT 'create' CHECK (step IN ('create', 'collect', 'complete')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL,
        last_attempt_at  INTEGER,
        last_error       TEXT,
        outcome_unknown  INTEGER NOT NULL DEFAULT 0,
        remote_id        TEXT,
        remote_ref       TEXT,
        exception_reason TEXT,
        void_reason      TEXT,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        done_at          INTEGER,
        UNIQUE (kind, ref)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

      CREATE TABLE items (
        sku         TEXT PRIMARY KEY,
        item_id     TEXT,
        name        TEXT,
        active      INTEGER NOT NULL DEFAULT 1,
        checked_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
