import { chmodSync, copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { checkBackupFile } from '../db/backup.js';
import { runningAgentPid } from './agent-lock.js';

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreResult {
  restoredFrom: string;
  /** The database that was replaced, kept beside it: sales after the backup exist only there. */
  previousKeptAt: string | null;
  schemaVersion: number;
}

/**
 * Replaces <dataDir>/shelfbridge.db with a backup: refused while an agent runs on the
 * directory or when the backup fails its integrity check. The current file (and its WAL) is
 * renamed, never deleted.
 */
export function restoreDatabase(options: { dataDir: string; from: string; now?: Date }): RestoreResult {
  const pid = runningAgentPid(options.dataDir);
  if (pid !== null) {
    throw new RestoreRefused(`An agent is running on ${options.dataDir} (process ${pid}). Stop it first (close the app, or systemctl stop shelfbridge), then restore.`);
  }
  const check = checkBackupFile(options.from);
  if (!check.ok) throw new RestoreRefused(`${options.from} cannot be restored: ${check.detail}. The current database is untouched.`);

  const target = join(options.dataDir, 'shelfbridge.db');
  let previousKeptAt: string | null = null;
  if (existsSync(target)) {
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    previousKeptAt = join(options.dataDir, `shelfbridge-before-restore-${stamp}.db`);
    renameSync(target, previousKeptAt);
    // The WAL belongs to the old file: it moves with it, or SQLite would replay it into the backup.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) renameSync(target + suffix, previousKeptAt + suffix);
    }
  }
  copyFileSync(options.from, target);
  chmodSync(target, 0o600);
  return { restoredFrom: options.from, previousKeptAt, schemaVersion: check.schemaVersion };
}
