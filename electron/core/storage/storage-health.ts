import { scopedLogger } from '../logging/logger.js';

const logger = scopedLogger('storage');

/** SQLite and file-system codes that say "the disk or the lock", not "a bug": they pass by themselves. */
const TRANSIENT = /^(SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|PROTOCOL|READONLY)(_\w+)?|ENOSPC|EDQUOT|EIO|EROFS|EBUSY|EAGAIN)$/;

export function storageErrorCode(err: unknown): string {
  return (err as { code?: unknown } | null)?.code?.toString() ?? 'unknown';
}

/** True when the error is the disk or a lock (full, busy, I/O), worth waiting out rather than crashing. */
export function isTransientStorageError(err: unknown): boolean {
  return TRANSIENT.test(storageErrorCode(err));
}

/** A reason in words for /health and the log. */
export function describeStorageError(err: unknown): string {
  const code = storageErrorCode(err);
  if (/FULL|ENOSPC|EDQUOT/.test(code)) return `the disk is full (${code})`;
  if (/BUSY|LOCKED/.test(code)) return `the database is locked by another program (${code})`;
  if (/IOERR|EIO/.test(code)) return `the disk reports an I/O error (${code})`;
  if (/READONLY|EROFS/.test(code)) return `the disk is read-only (${code})`;
  return `${code}: ${(err as Error | null)?.message ?? String(err)}`;
}

/**
 * Whether the agent can store a sale right now: down from the first failed store until the
 * next one succeeds. Each timer-driven step reports here too, and logs once per episode
 * (a locked disk would otherwise write a line every poll).
 */
export class StorageHealth {
  private failure: { reason: string; since: number } | null = null;
  private readonly episodes = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The last attempt to store a kiosk document failed. */
  storeFailed(err: unknown): void {
    const reason = describeStorageError(err);
    if (!this.failure) logger.error(`cannot store sales: ${reason}; kiosks are answered 503 and keep their sales`);
    this.failure = { reason, since: this.failure?.since ?? this.now() };
  }

  /** A document was stored: sales are being taken again. */
  storeSucceeded(): void {
    if (!this.failure) return;
    logger.info(`storing sales again after ${Math.round((this.now() - this.failure.since) / 1000)} s (${this.failure.reason})`);
    this.failure = null;
  }

  /** Why sales cannot be stored now, or null when they can. */
  get downReason(): string | null {
    return this.failure ? `sales cannot be stored: ${this.failure.reason}` : null;
  }

  /** A timer-driven step (outbox poll, a status read) failed: log once per episode; the caller retries. */
  stepFailed(step: string, err: unknown): void {
    const reason = describeStorageError(err);
    if (this.episodes.get(step) === reason) return;
    this.episodes.set(step, reason);
    logger.error(`${step} failed: ${reason}; retrying`);
  }

  stepSucceeded(step: string): void {
    if (this.episodes.delete(step)) logger.info(`${step} works again`);
  }
}
