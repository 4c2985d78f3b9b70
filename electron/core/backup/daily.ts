import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import { vacuumInto } from '../db/backup.js';
import type { Db } from '../db/connection.js';
import { scopedLogger } from '../logging/logger.js';
import type { Scheduler } from '../schedule.js';

const logger = scopedLogger('backup');
const DAILY = /^shelfbridge-daily-\d{4}-\d{2}-\d{2}T[\d-]+Z\.db$/;
const DAY_MS = 86_400_000;

export interface BackupSettings {
  /** node-schedule cron expression in the machine's local time. */
  schedule: string;
  /** How many daily backups to keep; older ones are deleted after a new one is taken. */
  keep: number;
}

export interface Backups {
  /** Takes a backup now; resolves with its path. */
  backupNow(): Promise<string>;
  list(): string[];
  /** The schedule stops with the scheduler; nothing else to stop. */
  stop(): void;
}

/** Daily backups, newest last. */
function dailyBackups(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => DAILY.test(f)).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * A daily consistent copy of the database (VACUUM INTO) in <dataDir>/backups, readable only by
 * the agent's user, the oldest beyond `keep` deleted. A PC that is off at the scheduled time
 * takes one at start when the newest is over a day old.
 */
export function startBackups(deps: { db: Db; dataDir: string; scheduler: Scheduler; settings: BackupSettings; clock: Clock }): Backups {
  const dir = join(deps.dataDir, 'backups');

  const backupNow = async (): Promise<string> => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stamp = new Date(deps.clock.now()).toISOString().replace(/[:.]/g, '-');
    const path = join(dir, `shelfbridge-daily-${stamp}.db`);
    vacuumInto(deps.db, path);
    // Sales and customer details: only the agent's user may read them.
    chmodSync(path, 0o600);
    const all = dailyBackups(dir);
    for (const old of all.slice(0, Math.max(0, all.length - deps.settings.keep))) rmSync(old, { force: true });
    logger.info(`backup taken: ${path}`);
    return path;
  };

  deps.scheduler.every('backup', deps.settings.schedule, () => backupNow(), { runAtStart: false });
  const newest = dailyBackups(dir).at(-1);
  if (!newest || deps.clock.now() - statSync(newest).mtimeMs > DAY_MS) void deps.scheduler.runNow('backup');

  return { backupNow, list: () => dailyBackups(dir), stop: () => {} };
}
