import Database from 'better-sqlite3';
import type { Db } from './connection.js';
import { migrations } from './migrations/index.js';

/** A consistent copy of the live database, taken inside one read transaction (WAL readers are not blocked). */
export function vacuumInto(db: Db, path: string): void {
  db.prepare('VACUUM INTO ?').run(path);
}

export interface BackupCheck {
  ok: boolean;
  detail: string;
  schemaVersion: number;
}

/** Opens a backup read-only and runs a full integrity check; also refuses one from a newer build. */
export function checkBackupFile(path: string): BackupCheck {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, detail: `cannot open it: ${(err as Error).message}`, schemaVersion: 0 };
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations.at(-1)?.version ?? 0;
    if (result !== 'ok') return { ok: false, detail: `integrity check failed: ${String(result)}`, schemaVersion };
    if (schemaVersion === 0) return { ok: false, detail: 'it is not a Shelfbridge database (schema version 0)', schemaVersion };
    if (schemaVersion > latest) return { ok: false, detail: `it was written by a newer Shelfbridge (schema ${schemaVersion}; this build knows up to ${latest})`, schemaVersion };
    return { ok: true, detail: 'ok', schemaVersion };
  } catch (err) {
    return { ok: false, detail: (err as Error).message, schemaVersion: 0 };
  } finally {
    db.close();
  }
}
