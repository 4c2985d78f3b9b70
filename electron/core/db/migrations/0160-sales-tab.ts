import type { Migration } from '../migration.js';

/**
 * The staff window's Sales tab and stock flags with a life.
 *
 * `outbox_attempts`: each try at Stok.ly and what came of it (order created, done, retry with
 * the answer, held for a person), so a sale's timeline shows every attempt, not only the last
 * error. The outbox repository keeps the latest 20 per row (the count of all attempts stays on
 * the outbox row).
 *
 * Indexes: the audit by subject (a sale's history), the outbox by Stok.ly order (search by
 * order number), exceptions by subject, flags by time (the Stock tab's day filter).
 *
 * `sale_flags` gain who acknowledged them, when and why.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'sales-tab',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_attempts (
        id          INTEGER PRIMARY KEY,
        outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
        at          INTEGER NOT NULL,
        step        TEXT NOT NULL,
        outcome     TEXT NOT NULL CHECK (outcome IN ('created', 'done', 'retry', 'rate_limited', 'exception')),
        message     TEXT,
        remote_id   TEXT
      ) STRICT;
      CREATE INDEX outbox_attempts_by_row ON outbox_attempts(outbox_id, id);

      CREATE INDEX audit_log_subject ON audit_log(subject_kind, subject_ref, id);
      CREATE INDEX outbox_remote_ref ON outbox(remote_ref) WHERE remote_ref IS NOT NULL;
      CREATE INDEX outbox_remote_id ON outbox(remote_id) WHERE remote_id IS NOT NULL;
      CREATE INDEX sale_flags_by_time ON sale_flags(created_at);
      CREATE INDEX exceptions_subject ON exceptions(subject_kind, subject_ref);

      ALTER TABLE sale_flags ADD COLUMN acknowledged_at INTEGER;
      ALTER TABLE sale_flags ADD COLUMN acknowledged_by TEXT;
      ALTER TABLE sale_flags ADD COLUMN acknowledged_note TEXT;
    `);
  },
};
