import type { Migration } from '../migration.js';

/**
 * Refunds (stored like sales, posted after their sale), the exception queue as work items for a
 * named person, an append-only audit log, standing SKU aliases, per-sale SKU overrides and
 * tender mappings made from the staff window.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'exceptions-refunds',
  up(db) {
    db.exec(`
      CREATE TABLE refunds (
        refund_id    TEXT PRIMARY KEY,
        sale_id      TEXT NOT NULL,
        kiosk_id     TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        currency     TEXT NOT NULL,
        total        INTEGER NOT NULL,
        paid         INTEGER NOT NULL,
        body_hash    TEXT NOT NULL,
        flags        TEXT NOT NULL DEFAULT '[]',
        received_at  TEXT NOT NULL,
        source       TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'cloudshelf'))
      ) STRICT;
      CREATE INDEX refunds_sale ON refunds(sale_id);
      CREATE INDEX refunds_occurred_at ON refunds(occurred_at);

      CREATE TABLE refund_lines (
        refund_id  TEXT NOT NULL REFERENCES refunds(refund_id),
        line_no    INTEGER NOT NULL,
        sku        TEXT NOT NULL,
        quantity   INTEGER NOT NULL CHECK (quantity > 0),
        amount     INTEGER NOT NULL,
        restock    INTEGER NOT NULL,
        PRIMARY KEY (refund_id, line_no)
      ) STRICT;

      CREATE TABLE refund_payments (
        refund_id  TEXT NOT NULL REFERENCES refunds(refund_id),
        idx        INTEGER NOT NULL,
        tender     TEXT NOT NULL,
        amount     INTEGER NOT NULL,
        reference  TEXT,
        PRIMARY KEY (refund_id, idx)
      ) STRICT;

      -- A refund waits for its sale: claimed only once the sale's row is done.
      ALTER TABLE outbox ADD COLUMN parent_ref TEXT;
      CREATE INDEX outbox_parent ON outbox(parent_ref) WHERE parent_ref IS NOT NULL;

      ALTER TABLE sales ADD COLUMN duplicate_of TEXT;
      ALTER TABLE sales ADD COLUMN source TEXT NOT NULL DEFAULT 'kiosk';

      CREATE TABLE exceptions (
        id            INTEGER PRIMARY KEY,
        subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('sale', 'refund', 'cloudshelf_order', 'cloudshelf_catalog')),
        subject_ref   TEXT NOT NULL,
        outbox_id     INTEGER REFERENCES outbox(id),
        reason        TEXT NOT NULL,
        detail        TEXT NOT NULL,
        blocking      INTEGER NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'voided')),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        resolved_at   INTEGER,
        resolved_by   TEXT,
        resolution    TEXT
      ) STRICT;
      CREATE UNIQUE INDEX exceptions_open_once ON exceptions(subject_kind, subject_ref, reason) WHERE status = 'open';
      CREATE INDEX exceptions_status ON exceptions(status, created_at);

      CREATE TABLE exception_notes (
        id            INTEGER PRIMARY KEY,
        exception_id  INTEGER NOT NULL REFERENCES exceptions(id),
        author        TEXT NOT NULL,
        text          TEXT NOT NULL,
        created_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id            INTEGER PRIMARY KEY,
        at            INTEGER NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        subject_kind  TEXT NOT NULL,
        subject_ref   TEXT NOT NULL,
        before        TEXT,
        after         TEXT,
        detail        TEXT
      ) STRICT;
      -- Append-only, enforced by the database itself.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE sku_aliases (
        kiosk_sku   TEXT PRIMARY KEY,
        item_id     TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sale_sku_overrides (
        sale_id  TEXT NOT NULL,
        sku      TEXT NOT NULL,
        item_id  TEXT NOT NULL,
        PRIMARY KEY (sale_id, sku)
      ) STRICT;

      CREATE TABLE tender_mappings (
        tender      TEXT PRIMARY KEY,
        method      INTEGER NOT NULL,
        ledger      TEXT,
        created_by  TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
