import type { Migration } from '../migration.js';

/**
 * Versions of the daily reconciliation report. A version is never changed once written (a late
 * arrival makes a new one), so finance can see what a day looked like when it was signed off;
 * only `checked_at` moves, when a later build finds the same figures.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'reconciliation',
  up(db) {
    db.exec(`
      CREATE TABLE reconciliation_reports (
        day           TEXT NOT NULL,     -- YYYY-MM-DD in the store's time zone
        version       INTEGER NOT NULL CHECK (version >= 1),
        status        TEXT NOT NULL CHECK (status IN ('provisional', 'balanced', 'variance')),
        content_hash  TEXT NOT NULL,     -- sha256 of the report without version and times
        report        TEXT NOT NULL,     -- JSON, shared/reconciliation.ts
        built_at      INTEGER NOT NULL,  -- when this version was built (kiosk side read)
        checked_at    INTEGER NOT NULL,  -- last build that found the same figures
        PRIMARY KEY (day, version)
      ) STRICT;
      CREATE INDEX reconciliation_reports_status ON reconciliation_reports(status, day);
      CREATE TRIGGER reconciliation_reports_frozen
        BEFORE UPDATE OF day, version, status, content_hash, report, built_at ON reconciliation_reports
        BEGIN SELECT RAISE(ABORT, 'a reconciliation report version is never changed; build a new version'); END;
      CREATE TRIGGER reconciliation_reports_kept BEFORE DELETE ON reconciliation_reports
        BEGIN SELECT RAISE(ABORT, 'reconciliation report versions are kept'); END;

      -- Late arrivals: what was received after a day's last check.
      CREATE INDEX sales_received_at ON sales(received_at);
      CREATE INDEX refunds_received_at ON refunds(received_at);
    `);
  },
};
