import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { StockMovements } from '../month-end/stock-movements.js';
import type { EventHub } from '../kiosk/event-hub.js';
import type { Scheduler } from '../schedule.js';
import type { Signals } from '../signals.js';
import type { StoklyClient } from '../stokly/client.js';
import type { EndlessAisle } from '../endless-aisle/index.js';
import { AvailabilityService } from './availability.js';
import { skusRestockedBy, skusSoldBy, skusTakenBy } from './moved-skus.js';
import { StockEvents } from './stock-events.js';
import { pullStock } from './stock-pull.js';

export interface StockFeatureDeps {
  config: Config;
  store: Store;
  stokly: StoklyClient;
  hub: EventHub;
  scheduler: Scheduler;
  signals: Signals;
  clock: Clock;
  /** Month end's stock movements, measured in each pull's snapshot transaction (when month end runs). */
  movements?: StockMovements | undefined;
  /** Endless aisle: the warehouses' figure (`elsewhere`) and their pull, when configured. */
  endlessAisle: Pick<EndlessAisle, 'elsewhere' | 'warehouse'>;
}

/**
 * Store availability: pulled from Stok.ly on a schedule (and at once when it is back online),
 * lowered the moment a sale is accepted, announced to kiosks when it changes.
 */
export function startStock(deps: StockFeatureDeps): { availability: AvailabilityService; stop(): void } {
  const { config, store, signals, scheduler } = deps;
  const availability = new AvailabilityService(store.catalog, store.stock, store.runs, config.stock, config.sync.staleAfterSeconds * 1000, deps.clock, deps.endlessAisle.elsewhere);
  const events = new StockEvents(availability, deps.hub, (skus) => signals.emit('availabilityChanged', skus));
  scheduler.every('stock', config.sync.stockIntervalSeconds, async () => {
    await pullStock({ client: deps.stokly, stock: store.stock, runs: store.runs, clock: deps.clock, locationId: config.stokly.locationId, source: config.stock.source, ...(deps.movements ? { movements: deps.movements } : {}), warehouse: deps.endlessAisle.warehouse });
    events.refresh();
    signals.emit('stockPulled');
  });
  const pullNow = (): void => void scheduler.runNow('stock');
  const unsubscribe = [
    // With endless aisle a ship line moves the warehouses' figure too.
    signals.on('salesStored', (sales) => events.refresh(deps.endlessAisle.elsewhere ? skusSoldBy(sales) : skusTakenBy(sales))),
    signals.on('refundsStored', (refunds) => events.refresh(skusRestockedBy(refunds))),
    signals.on('cataloguePulled', (changed) => {
      if (changed.length) events.refresh();
    }),
  ];
  deps.stokly.on('online', pullNow);
  // Remembers what kiosks would see now, so the first change after start is announced.
  events.refresh();
  return {
    availability,
    stop: () => {
      unsubscribe.forEach((off) => off());
      deps.stokly.off('online', pullNow);
    },
  };
}
