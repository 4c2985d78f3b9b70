import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { EventHub } from '../kiosk/event-hub.js';
import type { Scheduler } from '../schedule.js';
import type { Signals } from '../signals.js';
import type { StoklyClient } from '../stokly/client.js';
import { pullCatalog } from './catalog-pull.js';

export interface CatalogueFeatureDeps {
  config: Config;
  store: Store;
  stokly: StoklyClient;
  hub: EventHub;
  scheduler: Scheduler;
  signals: Signals;
  clock: Clock;
}

/** The product master pulled from Stok.ly on a schedule; kiosks hear of each changed product. */
export function startCatalogue(deps: CatalogueFeatureDeps): { stop(): void } {
  const { config, store } = deps;
  deps.scheduler.every('catalog', config.sync.catalogIntervalSeconds, async () => {
    const result = await pullCatalog({
      client: deps.stokly, catalog: store.catalog, runs: store.runs, clock: deps.clock,
      rules: config.catalog, fullResyncHours: config.sync.catalogFullResyncHours,
    });
    for (const sku of result.changedSkus) deps.hub.publish({ event: 'product', data: { sku } });
    deps.signals.emit('cataloguePulled', result.changedSkus);
  });
  return { stop: () => {} };
}
