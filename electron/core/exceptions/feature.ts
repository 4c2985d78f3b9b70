import type { Delivery } from '../../../shared/delivery.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { Scheduler } from '../schedule.js';
import type { Signals } from '../signals.js';
import type { StoklyClient } from '../stokly/client.js';
import { findItemById } from '../stokly/items.js';
import type { TenderResolver } from '../tenders.js';
import { scopedLogger } from '../logging/logger.js';
import { ExceptionService } from './service.js';

const logger = scopedLogger('exceptions');

export interface ExceptionsFeatureDeps {
  config: Config;
  store: Store;
  stokly: StoklyClient;
  tenders: TenderResolver;
  scheduler: Scheduler;
  signals: Signals;
  clock: Clock;
  /** Endless aisle: seals the address a person entered; returns it masked. */
  setDelivery(saleId: string, delivery: Delivery): string;
}

/**
 * The exception queue and what re-opens its items by itself: a tender mapped, a refund's sale
 * arriving, a catalogue pull that makes a waiting sale's SKUs resolvable, the refund wait.
 */
export function startExceptions(deps: ExceptionsFeatureDeps): { service: ExceptionService; stop(): void } {
  const { store, signals, clock } = deps;
  const service = new ExceptionService({
    exceptions: store.exceptions, outbox: store.outbox, mappings: store.mappings, audit: store.audit, clock,
    itemExists: async (itemId) => store.catalog.byItemId(itemId) !== undefined || (await findItemById(deps.stokly, itemId)) !== null,
    tenderMapped: deps.tenders.isMapped,
    wakeRunner: () => signals.emit('outboxWork'),
    refundWaitForSaleMs: deps.config.refunds.waitForSaleMinutes * 60_000,
    setDelivery: deps.setDelivery,
  });
  const unsubscribe = [
    signals.on('sent', (row, result) => service.onSendResult(row, result)),
    signals.on('salesStored', (sales) => {
      for (const sale of sales) service.saleArrived(sale.saleId);
    }),
    signals.on('cataloguePulled', () => {
      const retried = service.retryResolvedSkus((sku) => store.catalog.skuStatus(sku, { catalogComplete: false }).kind === 'active', (saleId) => store.sales.lineSkus(saleId));
      if (retried) logger.info(`${retried} sale(s) waiting on a SKU can now be posted: retrying`);
    }),
  ];
  deps.scheduler.every('refund-wait', 60, async () => service.checkWaitingRefunds());
  service.retryUnmappedTenders();
  return { service, stop: () => unsubscribe.forEach((off) => off()) };
}
