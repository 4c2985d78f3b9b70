import type { AcceptedSale, Refund, Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { ExceptionService } from '../exceptions/service.js';
import type { Signals } from '../signals.js';
import type { AvailabilityService } from '../stock/availability.js';
import type { TenderResolver } from '../tenders.js';
import { BatchedIngest } from './ingest.js';
import { priceReviews } from './price-review.js';
import { saleFlags } from './sale-flags.js';
import { storeRefund, type AcceptedRefund } from './store-refund.js';
import { storeSale } from './store-sale.js';

export type IntakeSource = 'kiosk' | 'cloudshelf';

export interface Ingests {
  sale: BatchedIngest<Sale, AcceptedSale>;
  refund: BatchedIngest<Refund, AcceptedRefund>;
}

export interface Intake {
  /** The ingests of one source; Cloudshelf orders go through the same stores, marked as such. */
  from(source: IntakeSource): Ingests;
  /** False once the agent is stopping: kiosks are told 503 and keep their sales. */
  accepting(): boolean;
  stop(): void;
}

export interface IntakeDeps {
  store: Store;
  availability: AvailabilityService;
  exceptions: ExceptionService;
  tenders: TenderResolver;
  signals: Signals;
  clock: Clock;
}

/** Where sales and refunds enter the agent: stored with their outbox rows and flags, one commit per batch. */
export function startIntake(deps: IntakeDeps): Intake {
  const { store, signals, clock } = deps;
  let accepting = true;
  const catalogComplete = (): boolean => store.runs.get('catalog').lastFullAt !== null;
  const saleDeps = {
    sales: store.sales, outbox: store.outbox, clock,
    flags: (sale: Sale) =>
      saleFlags(sale, {
        sku: (sku) => store.catalog.skuStatus(sku, catalogComplete()),
        tenderMapped: deps.tenders.isMapped,
        availableAfter: (sku) => deps.availability.rawAvailable(sku),
      }),
    afterStore: (sale: Sale, raised: Parameters<typeof priceReviews>[0]) => {
      for (const review of priceReviews(raised)) deps.exceptions.openReview('sale', sale.saleId, review.reason, review.detail);
    },
  };
  const refundDeps = { refunds: store.refunds, sales: store.sales, outbox: store.outbox, clock, tenderMapped: deps.tenders.isMapped };
  const build = (source: IntakeSource): Ingests => ({
    sale: new BatchedIngest<Sale, AcceptedSale>(store.db, (sale) => storeSale(sale, saleDeps, source), (sales) => signals.emit('salesStored', sales)),
    refund: new BatchedIngest<Refund, AcceptedRefund>(store.db, (refund) => storeRefund(refund, refundDeps, source), (refunds) => signals.emit('refundsStored', refunds)),
  });
  const bySource = new Map<IntakeSource, Ingests>();
  return {
    from: (source) => {
      let ingests = bySource.get(source);
      if (!ingests) bySource.set(source, (ingests = build(source)));
      return ingests;
    },
    accepting: () => accepting,
    stop: () => {
      accepting = false;
    },
  };
}
