import type { Db } from '../db/connection.js';
import { scopedLogger } from '../logging/logger.js';
import { isTransientStorageError } from '../storage/storage-health.js';

const logger = scopedLogger('ingest');

/** Told whether each commit worked, so /health can say `down` while sales cannot be stored. */
export interface StoreOutcomeListener {
  storeFailed(err: unknown): void;
  storeSucceeded(): void;
}

/** The answer to a stored document: new (201), the same again (200) or changed (409). */
export type IngestOutcome<R> =
  | { type: 'accepted'; receipt: R }
  | { type: 'duplicate'; receipt: R }
  | { type: 'conflict' };

/**
 * The answer for a document id seen before: the original receipt for the same body (200), a
 * conflict for a different one (409); null when the id is new.
 */
export function priorOutcome<R>(
  hash: string,
  existing: { bodyHash: string; receivedAt: string } | undefined,
  receipt: (receivedAt: string) => R,
): IngestOutcome<R> | null {
  if (!existing) return null;
  if (existing.bodyHash !== hash) return { type: 'conflict' };
  return { type: 'duplicate', receipt: receipt(existing.receivedAt) };
}

interface Waiting<T, R> {
  doc: T;
  resolve(outcome: IngestOutcome<R>): void;
  reject(err: unknown): void;
}

/**
 * Stores kiosk documents (sales, refunds) with their outbox rows. Requests that arrive together
 * are committed together — one fsync for many — and each is answered only after that commit
 * returned. `store` runs inside the transaction, one savepoint per document.
 */
export class BatchedIngest<T, R> {
  private queue: Array<Waiting<T, R>> = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly store: (doc: T) => IngestOutcome<R>,
    private readonly onCommitted: (accepted: readonly T[]) => void,
    private readonly listener?: StoreOutcomeListener,
  ) {}

  submit(doc: T): Promise<IngestOutcome<R>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<IngestOutcome<R> | Error> = [];
    const accepted: T[] = [];
    try {
      this.db.transaction(() => {
        for (const w of batch) {
          try {
            // A savepoint each: one bad document cannot take the batch down with it.
            const outcome = this.db.transaction(() => this.store(w.doc))();
            if (outcome.type === 'accepted') accepted.push(w.doc);
            outcomes.push(outcome);
          } catch (err) {
            outcomes.push(err as Error);
          }
        }
      }).immediate();
    } catch (err) {
      this.listener?.storeFailed(err);
      for (const w of batch) w.reject(err);
      return;
    }
    // A document refused by the disk inside its savepoint (full while writing) counts as a failed store too.
    const refused = outcomes.find((o): o is Error => o instanceof Error && isTransientStorageError(o));
    if (refused) this.listener?.storeFailed(refused);
    else this.listener?.storeSucceeded();
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error || outcome === undefined) w.reject(outcome ?? new Error('no outcome'));
      else w.resolve(outcome);
    });
    if (!accepted.length) return;
    try {
      this.onCommitted(accepted);
    } catch (err) {
      // The documents are committed and answered; what follows (wake the runner, refresh stock) catches up on its timers.
      logger.warn(`after storing ${accepted.length} document(s): ${(err as Error).message}`);
    }
  }
}
