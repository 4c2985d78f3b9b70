import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { createPrivateFile, privateDir, privateFile } from '../storage/private-files.js';

export type Db = Database.Database;

export class DatabaseDamagedError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(
      `The database ${path} is damaged (${detail}). Shelfbridge will not run on it, so that no sale is lost ` +
        'or corrupted further. Stop the agent, keep a copy of the file, and restore the newest backup from ' +
        'the backups folder beside it (see docs/operations.md, "Damaged database").',
    );
    this.name = 'DatabaseDamagedError';
  }
}

/**
 * Opens the store database with the durability this agent promises: WAL with synchronous=FULL
 * (better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss).
 */
export function openDatabase(path: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (path !== ':memory:') {
    privateDir(dirname(path));
    // SQLite gives the WAL and shared-memory files the database file's mode: 0600 here is 0600 there.
    createPrivateFile(path);
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Installs from before this rule had them world-readable.
    if (path !== ':memory:') for (const suffix of ['-wal', '-shm']) privateFile(`${path}${suffix}`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseDamagedError(path, String(check));
  } catch (err) {
    db.close();
    if (err instanceof DatabaseDamagedError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new DatabaseDamagedError(path, (err as Error).message);
    throw err;
  }
  return db;
}
