import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { maskDelivery, type CustomerDataView, type Delivery, type PersonalData } from '../../../shared/delivery.js';
import type { Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { Config, Secrets } from '../config.js';
import type { Store } from '../db/store.js';
import type { Signals } from '../signals.js';
import { PersonalDataRepo } from '../db/personal-data-repo.js';
import { StoklyCustomersRepo } from '../db/stokly-customers-repo.js';
import { WarehouseStockRepo } from '../db/warehouse-stock-repo.js';
import type { RaisedFlag } from '../kiosk/sale-flags.js';
import { scopedLogger } from '../logging/logger.js';
import { loadDataKey } from '../privacy/data-key.js';
import { PersonalStore } from '../privacy/personal-store.js';
import { Retention } from '../privacy/retention.js';
import type { Scheduler } from '../schedule.js';
import { ElsewhereStock } from '../stock/elsewhere.js';
import type { StoklyClient } from '../stokly/client.js';
import { customerKeyFrom } from './customer-key.js';
import { CustomerResolver } from './customer-resolver.js';
import { DeliveryPreparer } from './delivery-order.js';
import { OrderGate } from './order-gate.js';

const logger = scopedLogger('endless-aisle');

export interface EndlessAisleDeps {
  config: Config;
  secrets: Secrets;
  store: Store;
  stokly: StoklyClient;
  clock: Clock;
  scheduler: Scheduler;
  signals: Signals;
}

export type EndlessAisle = ReturnType<typeof startEndlessAisle>;

/**
 * Endless aisle: delivery details sealed at rest and erased after their retention, sales to ship
 * held until they have an address, the Stok.ly customer and shipping on the order, and the
 * warehouses' stock for the kiosks.
 */
export function startEndlessAisle(deps: EndlessAisleDeps) {
  const { config, clock, store } = deps;
  const db = store.db;
  const wakeRunner = (): void => deps.signals.emit('outboxWork');
  const keyFile = config.privacy.keyFile ?? join(config.dataDir, 'keys', 'personal-data.key');
  const loaded = loadDataKey({ fromShell: deps.secrets.personalDataKey, keyFile });
  const repo = new PersonalDataRepo(db);
  const personal = new PersonalStore(repo, loaded.key);
  const lost = personal.lostCount();
  if (loaded.warning || lost > 0) {
    logger.warn(`${loaded.warning ?? 'the personal-data key changed'}${lost ? `; ${lost} sale(s) waiting to be sent lost their delivery details and will wait for staff to enter them` : ''}`);
  }
  const customerKey = customerKeyFrom(`${config.stokly.accountKey}\u0000${deps.secrets.stoklySecretKey}`);
  const gate = new OrderGate();
  const delivery = new DeliveryPreparer({
    gate,
    personal,
    customers: new CustomerResolver({
      client: deps.stokly, repo: new StoklyCustomersRepo(db), clock,
      visibilityGraceMs: config.endlessAisle.customerVisibilitySeconds * 1000,
    }),
    customerKey,
    shippingOption: config.endlessAisle.shippingOption,
  });
  const locationIds = config.endlessAisle.locationIds;
  const warehouseRepo = new WarehouseStockRepo(db);
  const elsewhere = locationIds.length ? new ElsewhereStock(warehouseRepo, config.endlessAisle.buffer) : null;
  const retention = new Retention({ repo, clock, retentionDays: config.privacy.customerDataRetentionDays, backupDir: join(config.dataDir, 'backups') });
  deps.scheduler.every('privacy', 3600, async () => retention.eraseDue(), { runAtStart: true });

  const hold = (saleId: string, detail: string): void => {
    const row = store.outbox.byRef('sale', saleId);
    if (!row || row.status !== 'pending') return;
    const now = clock.now();
    store.outbox.markException(row.id, 'missing_delivery', detail, now);
    store.exceptions.open({ subjectKind: 'sale', subjectRef: saleId, outboxId: row.id, reason: 'missing_delivery', detail, blocking: true, now });
  };

  // An order confirmed in Stok.ly: with a retention of 0 days its details go at once.
  const unsubscribe = deps.signals.on('sent', (row, result) => {
    if (result.type === 'done' && row.kind === 'sale' && config.privacy.customerDataRetentionDays === 0) retention.eraseDue();
  });

  return {
    personal,
    delivery,
    elsewhere,
    warehouse: elsewhere ? { repo: warehouseRepo, locationIds, gate } : undefined,
    retention,
    sealPersonal: (saleId: string, data: PersonalData, now: number) => personal.seal(saleId, data, now),
    keyedHash: (body: string) => `k1:${createHmac('sha256', loaded.key.key).update(body).digest('hex')}`,
    /** Inside the ingest transaction: a sale to ship with no address waits for a person from the start. */
    afterStore(sale: Sale, raised: readonly RaisedFlag[]): void {
      if (raised.some((f) => f.flag === 'missing_delivery')) {
        hold(sale.saleId, `sale ${sale.saleId} has items to ship but no delivery address`);
      }
    },
    /** The same order again (LAN and Cloudshelf): its address completes the one that is posted. */
    twinArrived(_sale: Sale, postedSaleId: string, data: PersonalData | null): void {
      if (!data?.delivery || personal.delivery(postedSaleId)) return;
      const now = clock.now();
      personal.setDelivery(postedSaleId, data.delivery, now);
      const row = store.outbox.byRef('sale', postedSaleId);
      if (row?.status === 'exception' && row.exceptionReason === 'missing_delivery') {
        store.outbox.retryNow(row.id, now);
        store.exceptions.close('sale', postedSaleId, 'resolved', 'system', 'the kiosk sent the delivery address', now);
        store.audit.append({ at: now, actor: 'system', action: 'set_delivery', subjectKind: 'sale', subjectRef: postedSaleId, before: { delivery: null }, after: { delivery: maskDelivery(data.delivery) }, detail: 'address from the kiosk\'s copy of the same order' });
        wakeRunner();
      }
    },
    /** A person entered the address (exception action `set_delivery`). Returns the masked form for the audit log. */
    setDelivery(saleId: string, d: Delivery): string {
      personal.setDelivery(saleId, d, clock.now());
      return maskDelivery(d);
    },
    /** For a sale's story in the window: held (masked), erased or unreadable; null when none were given. */
    customerData(saleId: string): CustomerDataView | null {
      const o = personal.open(saleId);
      switch (o.state) {
        case 'none': return null;
        case 'open': return { state: 'held', maskedDelivery: o.data.delivery ? maskDelivery(o.data.delivery) : null };
        case 'erased': return { state: 'erased', maskedDelivery: null };
        case 'lost': return { state: 'unreadable', maskedDelivery: null };
      }
    },
    maskedDelivery(saleId: string): string | null {
      const d = personal.delivery(saleId);
      return d ? maskDelivery(d) : null;
    },
    stop: () => unsubscribe(),
  };
}
