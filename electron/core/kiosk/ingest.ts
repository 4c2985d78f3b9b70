import type { AcceptedSale, Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import type { RaisedFlag } from './sale-flags.js';

export type IngestOutcome =
  | { type: 'accepted'; receipt: AcceptedSale }
  | { type: 'duplicate'; receipt: AcceptedSale }
  | { type: 'conflict'; receivedAt: string };

interface Waiting {
  sale: Sale;
  resolve(outcome: IngestOutcome): void;
  reject(err: unknown): void;
}

export interface SaleIngestDeps {
  db: Db;
  sales: SalesRepo;
  outbox: OutboxRepo;
  /** Called after the sale is written, inside its transaction. */
  flags(sale: Sale): RaisedFlag[];
  clock: Clock;
  /** After the commit: wake the runner, update stock. */
  onCommitted(sales: readonly Sale[]): void;
}

/**
 * Stores kiosk sales with their outbox rows. Requests that arrive together are committed
 * together (one fsync for many), and each is answered only after that commit returned.
 */
export class SaleIngest {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly deps: SaleIngestDeps) {}

  submit(sale: Sale): Promise<IngestOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sale, resolve, reject });
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
    const { db } = this.deps;
    const outcomes: Array<IngestOutcome | Error> = [];
    const created: Sale[] = [];
    try {
      db.transaction(() => {
        for (const w of batch) {
          try {
            // A savepoint each: one bad document cannot take the batch down with it.
            const outcome = db.transaction(() => this.store(w.sale))();
            if (outcome.type === 'accepted') created.push(w.sale);
            outcomes.push(outcome);
          } catch (err) {
            outcomes.push(err as Error);
          }
        }
      }).immediate();
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error || outcome === undefined) w.reject(outcome ?? new Error('no outcome'));
      else w.resolve(outcome);
    });
    if (created.length) this.deps.onCommitted(created);
  }

  private store(sale: Sale): IngestOutcome {
    const body = canonicalJson(sale);
    const hash = sha256Hex(body);
    const existing = this.deps.sales.find(sale.saleId);
    if (existing) {
      if (existing.bodyHash !== hash) return { type: 'conflict', receivedAt: existing.receivedAt };
      return { type: 'duplicate', receipt: { saleId: sale.saleId, status: 'accepted', receivedAt: existing.receivedAt, flags: existing.flags } };
    }
    const now = this.deps.clock.now();
    const receivedAt = new Date(now).toISOString();
    this.deps.sales.insert(sale, hash, receivedAt);
    this.deps.outbox.insert('sale', sale.saleId, body, now);
    const raised = this.deps.flags(sale);
    this.deps.sales.setFlags(sale.saleId, raised, now);
    const flags = [...new Set(raised.map((f) => f.flag))];
    return { type: 'accepted', receipt: { saleId: sale.saleId, status: 'accepted', receivedAt, flags } };
  }
}
