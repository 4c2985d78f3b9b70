import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import { listenAt } from '../http/listen.js';
import type { HealthReporter } from '../monitor/feature.js';
import type { AvailabilityService } from '../stock/availability.js';
import type { StoklyClient } from '../stokly/client.js';
import type { EventHub } from './event-hub.js';
import type { Intake } from './intake.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { productRoutes } from './routes/products.js';
import { refundRoutes } from './routes/refunds.js';
import { salesRoutes } from './routes/sales.js';
import { stockRoutes } from './routes/stock.js';
import { buildKioskServer } from './server.js';
import { KioskDirectory } from './directory.js';
import { KiosksRepo } from '../db/kiosks-repo.js';
import { kioskRoutes } from '../admin/routes/kiosks.js';
import type { RouteModule } from '../http/typed-app.js';
import { socketLimits } from '../http/socket-limits.js';

export interface KioskApiDeps {
  config: Config;
  store: Store;
  intake: Intake;
  availability: AvailabilityService;
  hub: EventHub;
  stokly: StoklyClient;
  health: HealthReporter;
  clock: Clock;
}

/** The kiosk LAN API (docs/kiosk-api.md), listening; kiosks hear when Stok.ly comes and goes. */
export async function startKioskApi(deps: KioskApiDeps): Promise<{ url: string; adminRoutes: RouteModule[]; stop(): Promise<void> }> {
  const { config, intake, hub, stokly } = deps;
  const fromKiosks = intake.from('kiosk');
  // The file's kiosks and those enrolled from the staff window (no restart either way).
  const kiosks = new KioskDirectory({
    configKiosks: config.kioskApi.kiosks, repo: new KiosksRepo(deps.store.db), sales: deps.store.sales, audit: deps.store.audit, clock: deps.clock,
    timeZone: config.reconciliation.timeZone, onRevoked: (id) => hub.closeKiosk(id),
  });
  const server = await buildKioskServer({
    identify: (authorization) => kiosks.identify(authorization),
    requestsPerMinute: config.kioskApi.requestsPerMinute,
    sockets: socketLimits(config),
    failedAuthPerMinute: config.sockets.failedAuthPerMinute,
    accepting: intake.accepting,
    routes: [
      healthRoutes(() => deps.health()),
      salesRoutes(fromKiosks.sale),
      refundRoutes(fromKiosks.refund),
      stockRoutes(deps.availability, () => deps.clock.now()),
      productRoutes(deps.store.catalog),
      eventRoutes(hub, () => stokly.online),
    ],
  });
  const online = (): void => hub.publish({ event: 'status', data: { online: true } });
  const offline = (): void => hub.publish({ event: 'status', data: { online: false } });
  let url: string;
  try {
    url = await listenAt(server, 'kioskApi.port', config.kioskApi.host, config.kioskApi.port);
  } catch (err) {
    await server.close();
    throw err;
  }
  stokly.on('online', online);
  stokly.on('offline', offline);
  return {
    url,
    adminRoutes: [kioskRoutes(kiosks)],
    stop: async () => {
      stokly.off('online', online);
      stokly.off('offline', offline);
      // close() waits for requests in flight, each answered only after its commit.
      await server.close();
    },
  };
}
