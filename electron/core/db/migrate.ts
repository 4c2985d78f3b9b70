import { join } from 'node:path';
import { privateDir, privateFile } from '../storage/private-files.js';
import type { Db } from './connection.js';
import type { Migration } from './migration.js';
import { migrations as knownMigrations } from './migrations/index.js';

export class DatabaseFromTheFutureError extends Error {
  constructor(readonly path: string, readonly found: number, readonly known: number) {
    super(
      `The database ${path} was written by a newer Shelfbridge (schema ${found}; this build knows up to ${known}). ` +
        'It is left untouched so no data is lost: reinstall the newer version, or ask IT (docs/operations.md, "Rolled-back update").',
    );
    this.name = 'DatabaseFromTheFutureError';
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

/**
 * Applies every pending migration in one transaction and records the version in
 * PRAGMA user_version. An existing database is copied with VACUUM INTO first.
 */
export function migrate(
  db: Db,
  options: { path: string; backupDir: string | null; now?: () => Date },
  migrations: readonly Migration[] = knownMigrations,
): MigrationResult {
  // One slotted in below a version a store already has would silently never run there.
  const misordered = migrations.find((m, i) => i > 0 && m.version <= migrations[i - 1]!.version);
  if (misordered) throw new Error(`migrations must be strictly increasing: ${misordered.version} (${misordered.name}) comes after ${migrations[migrations.indexOf(misordered) - 1]!.version}`);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new DatabaseFromTheFutureError(options.path, current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current, backupPath: null };

  let backupPath: string | null = null;
  if (current > 0 && options.backupDir) {
    privateDir(options.backupDir);
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `shelfbridge-schema${current}-${stamp}.db`);
    db.prepare('VACUUM INTO ?').run(backupPath);
    privateFile(backupPath);
  }

  db.transaction(() => {
    for (const m of pending) m.up(db);
    // user_version cannot be bound as a parameter; the value is our own integer.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from: current, to: latest, backupPath };
}
