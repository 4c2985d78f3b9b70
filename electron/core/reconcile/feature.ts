import { reconciliationRoutes } from '../admin/routes/reconciliation.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { RouteModule } from '../http/typed-app.js';
import type { ReconciliationFigures } from '../monitor/metrics.js';
import { reconciliationFigures } from '../monitor/reconciliation-figures.js';
import type { Scheduler } from '../schedule.js';
import type { StoklyClient } from '../stokly/client.js';
import type { TenderResolver } from '../tenders.js';
import { Reconciler } from './reconciler.js';
import { scheduleReconciliation } from './schedule.js';

export interface ReconciliationFeatureDeps {
  config: Config;
  store: Store;
  stokly: StoklyClient;
  tenders: TenderResolver;
  scheduler: Scheduler;
  clock: Clock;
}

export interface ReconciliationFeature {
  reconciler: Reconciler;
  /** The admin API's reconciliation routes (reports, CSV, versions). */
  adminRoutes: RouteModule[];
  /** The last week's reports as metrics see them. */
  figures(): ReconciliationFigures;
  stop(): void;
}

/**
 * The daily reconciliation of the kiosk side against Stok.ly, built by a sweep after each day
 * ends. Loaded only when reconciliation.enabled (see index.ts).
 */
export function startReconciliation(deps: ReconciliationFeatureDeps): ReconciliationFeature {
  // Tenders mapped from the staff window count too, under their ledger label.
  const reconciler = new Reconciler({ db: deps.store.db, client: deps.stokly, config: deps.config, clock: deps.clock, tenderMapping: deps.tenders.mapping });
  scheduleReconciliation(deps.scheduler, reconciler);
  return { reconciler, adminRoutes: [reconciliationRoutes(reconciler)], figures: () => reconciliationFigures(reconciler), stop: () => {} };
}
