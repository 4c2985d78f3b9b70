import log from 'electron-log/node';
import { join } from 'node:path';
import { createPrivateFile, privateDir } from '../storage/private-files.js';

export type Logger = ReturnType<typeof log.scope>;
export type LogLevel = 'error' | 'warn' | 'info' | 'verbose' | 'debug';

/** One named logger per module: `const logger = scopedLogger('outbox')`. */
export function scopedLogger(name: string): Logger {
  return log.scope(name);
}

/**
 * Files rotate under <dataDir>/logs (5 MB, one old file kept by electron-log).
 * SHELFBRIDGE_LOG_CONSOLE=0 silences the console (tests run many agents at once).
 */
export function configureLogging(options: { dataDir: string; level: LogLevel; console: boolean }): void {
  const dir = join(options.dataDir, 'logs');
  try {
    privateDir(dir);
    createPrivateFile(join(dir, 'agent.log'));
  } catch {
    // A full disk must not stop the agent from starting: it waits for the database, logging as it can.
  }
  log.transports.file.resolvePathFn = () => join(dir, 'agent.log');
  // Owner-only for files electron-log creates itself (after rotation).
  log.transports.file.writeOptions = { ...log.transports.file.writeOptions, mode: 0o600 };
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.level = options.level;
  log.transports.console.level = options.console ? options.level : false;
}

export function silenceLogging(): void {
  log.transports.file.level = false;
  log.transports.console.level = false;
}
