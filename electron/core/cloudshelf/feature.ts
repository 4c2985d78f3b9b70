import type { StockReader } from '../catalog/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import { debounced } from '../debounce.js';
import type { ExceptionService } from '../exceptions/service.js';
import type { Intake } from '../kiosk/intake.js';
import { scopedLogger } from '../logging/logger.js';
import { trackedRun } from '../tracked-run.js';
import type { Scheduler } from '../schedule.js';
import type { Signals } from '../signals.js';
import { retryPolicy } from '../retry-policy.js';
import { CloudshelfClient } from './client.js';
import { OrderIntake } from './order-intake.js';
import { CloudshelfOrdersRepo } from '../db/cloudshelf-orders-repo.js';
import { CloudshelfPusher } from './push.js';

const logger = scopedLogger('cloudshelf');

export interface CloudshelfFeatureDeps {
  config: NonNullable<Config['cloudshelf']>;
  retry: Config['retry']['cloudshelf'];
  apiKey: string;
  store: Store;
  stock: StockReader;
  scheduler: Scheduler;
  signals: Signals;
  intake: Intake;
  exceptions: ExceptionService;
  clock: Clock;
}

export interface CloudshelfFeature {
  pusher: CloudshelfPusher;
  /** Push soon (debounced): after a sale, a pull, a change. */
  pushSoon(): void;
  stop(): void;
}

/**
 * Everything Cloudshelf: the catalogue and stock push (debounced after changes, and on a timer
 * so a failed push is retried and drift is checked on a quiet day), and the order intake poll.
 * Loaded only when the store has a "cloudshelf" section (see index.ts).
 */
export function startCloudshelf(deps: CloudshelfFeatureDeps): CloudshelfFeature {
  const { config, scheduler, clock, store, signals } = deps;
  const runs = store.runs;
  const { maxAttempts, maxRetryAfterMs, ...waits } = deps.retry;
  const client = new CloudshelfClient({ apiUrl: config.apiUrl, apiKey: deps.apiKey, maxAttempts, maxRetryAfterMs, retry: retryPolicy(waits) });
  const pusher = new CloudshelfPusher({
    db: store.db, client, catalog: store.catalog, stock: deps.stock, locationId: config.locationId, clock,
    ...(config.locationName ? { locationName: config.locationName } : {}),
    driftCheckEvery: config.driftCheckEvery,
  });
  scheduler.every('cloudshelf', 300, async () => {
    const report = await trackedRun({ runs, clock }, 'cloudshelf', async () => ({ result: await pusher.push() }));
    signals.emit('cloudshelfPushed', report);
    if (report.products.sent + report.variants.sent + report.stockLevels.sent > 0) {
      logger.info(`push: ${report.products.accepted} product(s), ${report.variants.accepted} variant(s), ${report.stockLevels.accepted} stock level(s) accepted; ${report.openIssues} open issue(s)`);
    }
  }, { runAtStart: false });
  const pushSoon = debounced(config.pushDebounceMs, () => scheduler.runNow('cloudshelf').catch(() => undefined));
  const unsubscribe = [
    signals.on('availabilityChanged', () => pushSoon()),
    signals.on('cataloguePulled', (changed) => {
      if (changed.length) pushSoon();
    }),
  ];

  if (config.orderIntake) {
    const fromCloudshelf = deps.intake.from('cloudshelf');
    const intake = new OrderIntake({
      client,
      orders: new CloudshelfOrdersRepo(store.db),
      sales: store.sales, refunds: store.refunds, outbox: store.outbox, runs, clock,
      byItemId: (itemId) => store.catalog.byItemId(itemId),
      tender: config.orderTender,
      fulfilment: config.orderFulfilment,
      since: config.orderIntakeSince,
      ingestSale: (sale) => fromCloudshelf.sale.submit(sale),
      ingestRefund: (refund) => fromCloudshelf.refund.submit(refund),
      review: (orderId, reason, detail) => deps.exceptions.openReview('cloudshelf_order', orderId, reason, detail),
    });
    scheduler.every('cloudshelf_orders', config.orderPollSeconds, () => intake.poll());
  }
  return {
    pusher,
    pushSoon,
    stop: () => {
      unsubscribe.forEach((off) => off());
      pushSoon.cancel();
    },
  };
}
