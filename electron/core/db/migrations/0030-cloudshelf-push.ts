import type { Migration } from '../migration.js';

/**
 * What the Cloudshelf push last had accepted (a content hash per entity, so only changes are
 * sent) and the sync issues a person should see (rejections, hand edits in Cloudshelf).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'cloudshelf-push',
  up(db) {
    db.exec(`
      CREATE TABLE cloudshelf_pushed (
        entity_kind  TEXT NOT NULL CHECK (entity_kind IN ('product', 'variant', 'stock_level')),
        external_id  TEXT NOT NULL,
        hash         TEXT,           -- NULL after drift was found: the next push sends it again
        payload      TEXT NOT NULL,  -- the input Cloudshelf accepted (JSON): drift is judged against it
        pushed_at    INTEGER NOT NULL,
        PRIMARY KEY (entity_kind, external_id)
      ) STRICT;

      CREATE TABLE sync_issues (
        id             INTEGER PRIMARY KEY,
        source         TEXT NOT NULL,  -- 'cloudshelf'
        kind           TEXT NOT NULL,  -- 'cloudshelf_rejected', 'cloudshelf_drift', 'cloudshelf_location'
        entity_kind    TEXT NOT NULL,
        entity         TEXT NOT NULL,
        sku            TEXT,
        code           TEXT NOT NULL,  -- Cloudshelf's userErrors code, or for drift the field
        message        TEXT NOT NULL,
        first_seen_at  INTEGER NOT NULL,
        last_seen_at   INTEGER NOT NULL,
        resolved_at    INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX sync_issues_open ON sync_issues(source, kind, entity_kind, entity, code) WHERE resolved_at IS NULL;
      CREATE INDEX sync_issues_entity ON sync_issues(entity_kind, entity) WHERE resolved_at IS NULL;
    `);
  },
};
