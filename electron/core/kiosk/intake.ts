import type { AcceptedSale, Refund, Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { ExceptionService } from '../exceptions/service.js';
import type { Signals } from '../signals.js';
import type { AvailabilityService } from '../stock/availability.js';
import type { TenderResolver } from '../tenders.js';
import type { EndlessAisle } from '../endless-aisle/index.js';
import { BatchedIngest } from './ingest.js';
import { priceReviews } from './price-review.js';
import { saleFlags } from './sale-flags.js';
import { storeRefund, type AcceptedRefund } from './store-refund.js';
import { storeSale } from './store-sale.js';
import { refundsBeyondArrivedSale } from './refund-limits.js';

const idCollision = (kind: string, id: string, first: string, second: string): string =>
  `kiosk ${second} sent ${kind} id ${id}, which kiosk ${first} used first; the first is kept, the second was refused (409)`;

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
  /** Endless aisle: personal data sealed, sales to ship held until they have an address. */
  endlessAisle: Pick<EndlessAisle, 'sealPersonal' | 'keyedHash' | 'twinArrived' | 'afterStore'>;
}

/** Where sales and refunds enter the agent: stored with their outbox rows and flags, one commit per batch. */
export function startIntake(deps: IntakeDeps): Intake {
  const { store, signals, clock } = deps;
  let accepting = true;
  // Once a full catalogue pull has succeeded it stays so: asked per sale line, read until then.
  let catalogWasComplete = false;
  const catalogComplete = (): boolean => (catalogWasComplete ||= store.runs.get('catalog').lastFullAt !== null);
  const saleDeps = {
    sales: store.sales, outbox: store.outbox, clock,
    flags: (sale: Sale) =>
      saleFlags(sale, {
        sku: (sku) => store.catalog.skuStatus(sku, { catalogComplete: catalogComplete() }),
        tenderMapped: deps.tenders.isMapped,
        availableAfter: (sku) => deps.availability.rawAvailable(sku),
        elsewhereAfter: (sku) => deps.availability.rawElsewhere(sku),
      }),
    collision: (saleId: string, first: string, second: string) => deps.exceptions.openReview('sale', saleId, 'id_collision', idCollision('sale', saleId, first, second)),
    sealPersonal: deps.endlessAisle.sealPersonal,
    keyedHash: deps.endlessAisle.keyedHash,
    twinArrived: deps.endlessAisle.twinArrived,
    afterStore: (sale: Sale, raised: Parameters<typeof priceReviews>[0]) => {
      deps.endlessAisle.afterStore(sale, raised);
      for (const review of priceReviews(raised)) deps.exceptions.openReview('sale', sale.saleId, review.reason, review.detail, review.facts);
    },
  };
  const refundDeps = {
    refunds: store.refunds, sales: store.sales, outbox: store.outbox, clock, tenderMapped: deps.tenders.isMapped,
    hold: (outboxId: number, refundId: string, detail: string) => deps.exceptions.hold('refund', outboxId, refundId, 'refund_exceeds_sale', detail),
    collision: (refundId: string, first: string, second: string) => deps.exceptions.openReview('refund', refundId, 'id_collision', idCollision('refund', refundId, first, second)),
  };
  // Refunds that came before their sale are checked against it when it arrives.
  const holdRefundsBeyond = (sales: readonly Sale[]): void => {
    const withRefunds = store.refunds.salesWithRefunds(sales.map((s) => s.saleId));
    if (withRefunds.size === 0) return;
    store.db.transaction(() => {
      for (const sale of sales) {
        if (!withRefunds.has(sale.saleId)) continue;
        for (const [refundId, detail] of refundsBeyondArrivedSale(sale.saleId, { sales: store.sales, refunds: store.refunds })) {
          const row = store.outbox.byRef('refund', refundId);
          if (!row || row.status !== 'pending') continue;
          store.refunds.addFlag(refundId, 'refund_exceeds_sale');
          deps.exceptions.hold('refund', row.id, refundId, 'refund_exceeds_sale', `refund ${refundId} of sale ${sale.saleId}: ${detail}`);
        }
      }
    })();
  };
  const build = (source: IntakeSource): Ingests => ({
    sale: new BatchedIngest<Sale, AcceptedSale>(store.db, (sale) => storeSale(sale, saleDeps, source), (sales) => {
      holdRefundsBeyond(sales);
      signals.emit('salesStored', sales);
    }, store.storage),
    refund: new BatchedIngest<Refund, AcceptedRefund>(store.db, (refund) => storeRefund(refund, refundDeps, source), (refunds) => signals.emit('refundsStored', refunds), store.storage),
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
