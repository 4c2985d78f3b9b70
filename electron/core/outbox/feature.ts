import type { PriceRules } from '../catalog/item-mapping.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { Signals } from '../signals.js';
import type { StoklyClient } from '../stokly/client.js';
import type { TenderResolver } from '../tenders.js';
import type { DeliveryPreparer } from '../endless-aisle/delivery-order.js';
import { OutboxRunner } from './runner.js';
import { sendRefund } from './send-refund.js';
import { sendSale } from './send-sale.js';
import { SkuResolver } from './sku-resolver.js';

export interface OutboxFeatureDeps {
  config: Config;
  store: Store;
  stokly: StoklyClient;
  tenders: TenderResolver;
  signals: Signals;
  clock: Clock;
  random?: (() => number) | undefined;
  /** Endless aisle: address and Stok.ly customer for sales with `ship` lines. */
  delivery: DeliveryPreparer;
}

/**
 * The outbox runner: posts each stored sale and refund to Stok.ly exactly once. Started last by
 * the composition root, once the APIs listen, so a second agent on a busy port sends nothing.
 */
export function startOutbox(deps: OutboxFeatureDeps): { runner: OutboxRunner; stop(): Promise<void> } {
  const { config, store, stokly, clock } = deps;
  const resolver = new SkuResolver(stokly, store.catalog, config.catalog satisfies PriceRules, clock, store.mappings);
  const senderDeps = { client: stokly, resolver, outbox: store.outbox, clock, tenderMethod: deps.tenders.method, storeId: config.storeId, locationId: config.stokly.locationId };
  const runner = new OutboxRunner(
    {
      outbox: store.outbox,
      clock,
      ...(deps.random ? { random: deps.random } : {}),
      send: (row) => (row.kind === 'sale' ? sendSale(row, { ...senderDeps, channelId: config.stokly.channelId, delivery: deps.delivery }) : sendRefund(row, senderDeps)),
      onResult: (row, result) => deps.signals.emit('sent', row, result),
      pauseQueue: (until) => stokly.gate.pauseUntil(until),
      pausedUntil: () => stokly.gate.pausedUntil(),
      offline: () => stokly.offline,
      storage: store.storage,
    },
    {
      concurrency: config.outbox.concurrency,
      backoffBaseMs: config.outbox.backoffBaseMs,
      backoffCapMs: config.outbox.backoffCapMs,
      offlineCanaryCapMs: config.retry.offlineCanaryCapMs,
      unknownOutcomeGraceMs: config.outbox.unknownOutcomeGraceMs,
      pollIntervalMs: config.outbox.pollIntervalMs,
      rateLimitPauseMs: config.stokly.rateLimitPauseSeconds * 1000,
    },
  );
  const wake = (): void => runner.wake();
  // Back online: whatever waited for the network goes now.
  const reconnected = (): void => runner.reconnected();
  const unsubscribe = [deps.signals.on('outboxWork', wake), deps.signals.on('salesStored', wake), deps.signals.on('refundsStored', wake)];
  stokly.on('online', reconnected);
  runner.start();
  return {
    runner,
    stop: async () => {
      unsubscribe.forEach((off) => off());
      stokly.off('online', reconnected);
      await runner.stop();
    },
  };
}
