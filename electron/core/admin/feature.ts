import type { Status } from '../../../shared/admin-api.js';
import type { CustomerDataView } from '../../../shared/delivery.js';
import type { SyncIssue } from '../db/cloudshelf-sync-issues-repo.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { SyncKind } from '../db/sync-runs-repo.js';
import type { Store } from '../db/store.js';
import type { ExceptionService } from '../exceptions/service.js';
import { listenAt } from '../http/listen.js';
import type { RouteModule } from '../http/typed-app.js';
import type { EventHub } from '../kiosk/event-hub.js';
import type { Signals } from '../signals.js';
import { cloudshelfRoutes } from './routes/cloudshelf.js';
import { adminEventRoutes } from './routes/events.js';
import { exceptionRoutes } from './routes/exceptions.js';
import { flagRoutes } from './routes/flags.js';
import { outboxRoutes } from './routes/outbox.js';
import { salesRoutes } from './routes/sales.js';
import { statusRoutes } from './routes/status.js';
import { syncRoutes } from './routes/sync.js';
import { windowRoutes } from './routes/window.js';
import { buildAdminServer } from './server.js';
import { socketLimits } from '../http/socket-limits.js';
import { isLoopbackHost } from '../config.js';
import { scopedLogger } from '../logging/logger.js';
import { KiosksRepo } from '../db/kiosks-repo.js';

const logger = scopedLogger('admin-api');

export interface AdminApiDeps {
  config: Config;
  store: Store;
  exceptions: ExceptionService;
  signals: Signals;
  /** What the window hears of (Stok.ly online, figures changed). */
  hub: EventHub;
  clock: Clock;
  status(): Status;
  /** Run a sync job now and wait for it. */
  sync(job: SyncKind): Promise<void>;
  /** Cloudshelf's recent push issues, or null when the store has no Cloudshelf. */
  cloudshelfIssues: ((sinceMs: number) => SyncIssue[]) | null;
  /** Reconciliation's and month end's routes, or null when reconciliation is off (they are then 404). */
  reconciliationRoutes: RouteModule[] | null;
  /** Routes other features serve on the admin port (metrics). */
  featureRoutes: RouteModule[];
  token: string;
  /** Built renderer to serve on the admin port (headless mode). */
  uiDir: string | null;
  /** A sale's delivery address, masked (endless aisle). */
  maskedDelivery(saleId: string): string | null;
  /** A sale's customer details as the window may know them (endless aisle). */
  customerData(saleId: string): CustomerDataView | null;
}

/** The admin API for the staff window, listening on 127.0.0.1 behind the admin token. */
export async function startAdminApi(deps: AdminApiDeps): Promise<{ url: string; stop(): Promise<void> }> {
  const { config, store } = deps;
  const { token } = deps;
  if (!isLoopbackHost(config.adminApi.host)) {
    logger.warn(`the staff API listens on ${config.adminApi.host} (adminApi.allowRemote): anyone on that network with the admin token can act on sales`);
  }
  const server = await buildAdminServer({
    token,
    host: config.adminApi.host,
    allowRemote: config.adminApi.allowRemote,
    sockets: socketLimits(config),
    failedAuthPerMinute: config.sockets.failedAuthPerMinute,
    uiDir: deps.uiDir,
    routes: [
      statusRoutes(deps.status),
      outboxRoutes({ outbox: store.outbox, clock: deps.clock, wakeRunner: () => deps.signals.emit('outboxWork') }),
      flagRoutes({ flags: store.flags, audit: store.audit, timeZone: config.reconciliation.timeZone, clock: deps.clock, productName: (sku) => store.salesSearch.productName(sku) }),
      syncRoutes(deps.sync, deps.cloudshelfIssues !== null),
      exceptionRoutes({ exceptions: store.exceptions, service: deps.exceptions, outbox: store.outbox, audit: store.audit, maskedDelivery: deps.maskedDelivery, productName: (sku) => store.salesSearch.productName(sku) }),
      ...(deps.reconciliationRoutes ?? []),
      cloudshelfRoutes(deps.cloudshelfIssues ?? (() => []), () => deps.clock.now()),
      adminEventRoutes(deps.hub),
      windowRoutes({ config, products: store.productSearch, mappings: store.mappings, kiosks: new KiosksRepo(store.db) }),
      salesRoutes({ sales: store.salesSearch, timeZone: config.reconciliation.timeZone, currency: () => store.productSearch.currency(), customerData: deps.customerData }),
      ...deps.featureRoutes,
    ],
  });
  let url: string;
  try {
    url = await listenAt(server, 'adminApi.port', config.adminApi.host, config.adminApi.port);
  } catch (err) {
    await server.close();
    throw err;
  }
  return { url, stop: () => server.close() };
}
