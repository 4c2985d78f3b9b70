import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError, openDatabase } from '../../electron/core/db/connection.js';
import { DatabaseFromTheFutureError, migrate } from '../../electron/core/db/migrate.js';
import type { Migration } from '../../electron/core/db/migration.js';
import { migrations } from '../../electron/core/db/migrations/index.js';

const dir = () => mkdtempSync(join(tmpdir(), 'sb-db-'));
/** Versions stores may already be at, in order. Append new ones; never insert or renumber. */
const versions = (): number[] => migrations.map((m) => m.version);
const shippedVersions = [10, 20, 30, 40, 50, 60, 70, 100, 110, 130, 140, 150];

describe('storage', () => {
  it('opens with WAL, synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(join(dir(), 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies every migration in steps of 10 and records the version', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    // Strictly increasing, and only ever appended to: a store database already at a version runs
    // only later ones (PRAGMA user_version), so one slotted in below a shipped version never runs.
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!)).toBe(true);
    expect(versions.slice(0, shippedVersions.length)).toEqual(shippedVersions);
    const path = join(dir(), 'b.db');
    const db = openDatabase(path);
    const result = migrate(db, { path, backupDir: join(path, '..', 'backups') });
    expect(result).toMatchObject({ from: 0, to: versions.at(-1), backupPath: null });
    expect(db.pragma('user_version', { simple: true })).toBe(versions.at(-1));
    db.close();
  });

  it('takes a database already at the previous version forward with only the newer migrations', () => {
    const path = join(dir(), 'f.db');
    const db = openDatabase(path);
    migrate(db, { path, backupDir: null }, migrations.filter((m) => m.version <= 140));
    expect(db.pragma('user_version', { simple: true })).toBe(140);
    const result = migrate(db, { path, backupDir: null });
    expect(result).toMatchObject({ from: 140, to: versions().at(-1) });
    // 0150 (endless aisle) ran on the existing database: its tables are there.
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sale_personal', 'warehouse_stock', 'pending_ship') ORDER BY name`).all())
      .toEqual([{ name: 'pending_ship' }, { name: 'sale_personal' }, { name: 'warehouse_stock' }]);
    db.close();
  });

  it('refuses a list of migrations that is not strictly increasing', () => {
    const path = join(dir(), 'g.db');
    const db = openDatabase(path);
    const swapped: Migration[] = [migrations[1]!, migrations[0]!];
    expect(() => migrate(db, { path, backupDir: null }, swapped)).toThrow(/strictly increasing/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });

  it('backs up an existing database with VACUUM INTO before migrating it', () => {
    const base = dir();
    const path = join(base, 'c.db');
    const db = openDatabase(path);
    migrate(db, { path, backupDir: null }, migrations.slice(0, 1));
    db.prepare(`INSERT INTO meta (key, value) VALUES ('kept', 'yes')`).run();
    const result = migrate(db, { path, backupDir: join(base, 'backups') });
    expect(result.from).toBe(10);
    expect(result.backupPath).not.toBeNull();
    expect(existsSync(result.backupPath!)).toBe(true);
    const backup = new Database(result.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(10);
    expect(backup.prepare(`SELECT value FROM meta WHERE key = 'kept'`).get()).toEqual({ value: 'yes' });
    backup.close();
    db.close();
  });

  it('applies pending migrations in one transaction: a failing step leaves the old schema', () => {
    const path = join(dir(), 'd.db');
    const db = openDatabase(path);
    const broken: Migration[] = [
      ...migrations.slice(0, 1),
      { version: 20, name: 'ok', up: (d) => d.exec('CREATE TABLE t1 (x INTEGER) STRICT') },
      { version: 30, name: 'broken', up: (d) => d.exec('CREATE TABLE oops (') },
    ];
    expect(() => migrate(db, { path, backupDir: null }, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('t1', 'outbox')`).all()).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = join(dir(), 'e.db');
    const db = openDatabase(path);
    db.pragma('user_version = 990');
    expect(() => migrate(db, { path, backupDir: null })).toThrow(DatabaseFromTheFutureError);
    expect(() => migrate(db, { path, backupDir: null })).toThrow(/newer Shelfbridge \(schema 990/);
    expect(db.pragma('user_version', { simple: true })).toBe(990);
    db.close();
  });

  it('refuses to run on a damaged file and says what to do', () => {
    const base = dir();
    const path = join(base, 'f.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]));
    expect(() => openDatabase(path)).toThrow(DatabaseDamagedError);
    expect(() => openDatabase(path)).toThrow(/restore the newest backup/);
    expect(readdirSync(base)).toContain('f.db');
  });
});
