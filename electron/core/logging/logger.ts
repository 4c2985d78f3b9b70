import log from 'electron-log/node';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { createPrivateFile, privateDir } from '../storage/private-files.js';
import { jsonLogLine, type LineContext } from './json-line.js';
import { pruneRotated, rotateLogFile, type Retention } from './rotation.js';

export type Logger = ReturnType<typeof log.scope>;
export type LogLevel = 'error' | 'warn' | 'info' | 'verbose' | 'debug';
export type LogFormat = 'text' | 'json';

const TEXT_FORMAT = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}';

/** One named logger per module: `const logger = scopedLogger('outbox')`. */
export function scopedLogger(name: string): Logger {
  return log.scope(name);
}

export interface LoggingOptions {
  dataDir: string;
  level: LogLevel;
  console: boolean;
  /** json: one JSON object per line in the file, for IT's log shipper; the console stays text. */
  format: LogFormat;
  maxFileBytes: number;
  retention: Retention;
  context: LineContext;
}

/**
 * The file is <dataDir>/logs/agent.log, rotated at maxFileBytes into agent.1.log, agent.2.log …
 * SHELFBRIDGE_LOG_CONSOLE=0 silences the console (tests run many agents at once).
 */
export function configureLogging(options: LoggingOptions): void {
  const dir = join(options.dataDir, 'logs');
  const live = join(dir, 'agent.log');
  try {
    privateDir(dir);
    createPrivateFile(live);
    pruneRotated(live, options.retention, Date.now());
  } catch {
    // A full disk must not stop the agent from starting: it waits for the database, logging as it can.
  }
  const file = log.transports.file;
  file.resolvePathFn = () => live;
  // Owner-only for files electron-log creates itself (after rotation).
  file.writeOptions = { ...file.writeOptions, mode: 0o600 };
  file.maxSize = options.maxFileBytes;
  file.archiveLogFn = (oldFile) => {
    try {
      rotateLogFile(oldFile.path, options.retention, Date.now());
    } catch {
      // Could not rotate (disk, permissions): start afresh rather than grow past every limit.
      oldFile.clear();
    }
  };
  file.format = options.format === 'json'
    ? ({ message }) => [jsonLogLine({ date: message.date, level: message.level, scope: message.scope, data: message.data }, options.context)]
    : TEXT_FORMAT;
  file.level = options.level;
  log.transports.console.level = options.console ? options.level : false;
}

export function silenceLogging(): void {
  log.transports.file.level = false;
  log.transports.console.level = false;
}

/** The logging options a configuration asks for. */
export function loggingOptions(config: Pick<Config, 'dataDir' | 'logLevel' | 'logging' | 'storeId'>, extra: { version: string; console: boolean }): LoggingOptions {
  return {
    dataDir: config.dataDir,
    level: config.logLevel,
    console: extra.console,
    format: config.logging.format,
    maxFileBytes: config.logging.maxFileSizeMb * 1024 * 1024,
    retention: { keepFiles: config.logging.keepFiles, keepDays: config.logging.keepDays },
    context: { storeId: config.storeId, version: extra.version },
  };
}
