import type { Refund, Sale } from '../../../shared/kiosk-api.js';
import type { CatalogReader, StockReader } from '../catalog/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { RefundsRepo } from '../db/refunds-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import type { SyncRunsRepo } from '../db/sync-runs-repo.js';
import { debounced } from '../debounce.js';
import type { IngestOutcome } from '../kiosk/ingest.js';
import { scopedLogger } from '../logging/logger.js';
import type { Scheduler } from '../schedule.js';
import { CloudshelfClient } from './client.js';
import { OrderIntake } from './order-intake.js';
import { CloudshelfOrdersRepo } from './orders-repo.js';
import { CloudshelfPusher, type PushReport } from './push.js';

const logger = scopedLogger('cloudshelf');

export interface CloudshelfWiringDeps {
  config: NonNullable<Config['cloudshelf']>;
  apiKey: string;
  db: Db;
  catalog: CatalogReader;
  stock: StockReader;
  scheduler: Scheduler;
  runs: SyncRunsRepo;
  clock: Clock;
  sales: SalesRepo;
  refunds: RefundsRepo;
  outbox: OutboxRepo;
  /** Store a polled order's sale / refund as the kiosk ingest does (source 'cloudshelf'). */
  ingestSale(sale: Sale): Promise<IngestOutcome<unknown>>;
  ingestRefund(refund: Refund): Promise<IngestOutcome<unknown>>;
  review(orderId: string, reason: 'cloudshelf_partial_refund' | 'cloudshelf_rejected', detail: string): void;
  /** After each push (metrics). */
  onPushed?(report: PushReport): void;
}

export interface CloudshelfWiring {
  pusher: CloudshelfPusher;
  /** Push soon (debounced): after a sale, a pull, a change. */
  pushSoon(): void;
  stop(): void;
}

/**
 * Everything Cloudshelf: the catalogue and stock push (debounced after changes, and on a timer
 * so a failed push is retried and drift is checked on a quiet day), and the order intake poll.
 */
export function wireCloudshelf(deps: CloudshelfWiringDeps): CloudshelfWiring {
  const { config, scheduler, runs, clock } = deps;
  const client = new CloudshelfClient({ apiUrl: config.apiUrl, apiKey: deps.apiKey });
  const pusher = new CloudshelfPusher({
    db: deps.db, client, catalog: deps.catalog, stock: deps.stock, locationId: config.locationId, clock,
    ...(config.locationName ? { locationName: config.locationName } : {}),
    driftCheckEvery: config.driftCheckEvery,
  });
  scheduler.every('cloudshelf', 300, async () => {
    const started = clock.now();
    runs.started('cloudshelf', started);
    try {
      const report = await pusher.push();
      runs.succeeded('cloudshelf', started, clock.now());
      deps.onPushed?.(report);
      if (report.products.sent + report.variants.sent + report.stockLevels.sent > 0) {
        logger.info(`push: ${report.products.accepted} product(s), ${report.variants.accepted} variant(s), ${report.stockLevels.accepted} stock level(s) accepted; ${report.openIssues} open issue(s)`);
      }
    } catch (err) {
      runs.failed('cloudshelf', (err as Error).message, clock.now());
      throw err;
    }
  }, { runAtStart: false });
  const pushSoon = debounced(config.pushDebounceMs, () => scheduler.runNow('cloudshelf').catch(() => undefined));

  if (config.orderIntake) {
    const intake = new OrderIntake({
      client,
      orders: new CloudshelfOrdersRepo(deps.db),
      sales: deps.sales, refunds: deps.refunds, outbox: deps.outbox, runs, clock,
      byItemId: (itemId) => deps.catalog.byItemId(itemId),
      tender: config.orderTender,
      fulfilment: config.orderFulfilment,
      since: config.orderIntakeSince,
      ingestSale: deps.ingestSale,
      ingestRefund: deps.ingestRefund,
      review: deps.review,
    });
    scheduler.every('cloudshelf_orders', config.orderPollSeconds, () => intake.poll());
  }
  return { pusher, pushSoon, stop: () => pushSoon.cancel() };
}
