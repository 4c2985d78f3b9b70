import type { z } from 'zod';
import { saleSchema, type Refund, type Sale } from '../../../shared/kiosk-api.js';
import type { CatalogProduct } from '../catalog/types.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { RefundsRepo } from '../db/refunds-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import type { SyncRunsRepo } from '../db/sync-runs-repo.js';
import type { IngestOutcome } from '../kiosk/ingest.js';
import { scopedLogger } from '../logging/logger.js';
import { trackedRun } from '../tracked-run.js';
import type { CloudshelfClient } from './client.js';
import { ORDERS_PAGE, UPSERT_ORDERS, ordersPageData, upsertOrdersData, type CloudshelfOrder } from './order-documents.js';
import { orderToRefund, orderToSale } from './order-mapping.js';
import type { CloudshelfOrdersRepo } from '../db/cloudshelf-orders-repo.js';

const logger = scopedLogger('cloudshelf-orders');
const PAGE = 50;

export interface IntakeDeps {
  client: Pick<CloudshelfClient, 'request'>;
  orders: CloudshelfOrdersRepo;
  sales: SalesRepo;
  refunds: RefundsRepo;
  outbox: OutboxRepo;
  runs: SyncRunsRepo;
  clock: Clock;
  byItemId(itemId: string): CatalogProduct | undefined;
  tender: string;
  fulfilment: 'ship' | 'store';
  since: string | undefined;
  ingestSale(sale: Sale): Promise<IngestOutcome<unknown>>;
  ingestRefund(refund: Refund): Promise<IngestOutcome<unknown>>;
  /** A person must look (a partial refund with no detail, a refused write-back). */
  review(orderId: string, reason: 'cloudshelf_partial_refund' | 'cloudshelf_rejected', detail: string): void;
}

export interface IntakeReport {
  seen: number;
  salesCreated: number;
  refundsCreated: number;
  writtenBack: number;
}

/**
 * Cloudshelf orders that did not reach us over the LAN: polled newest-updated first down to the
 * last one seen; PAID ones become sales and REFUNDED ones refunds, deduplicated against the LAN
 * by Cloudshelf order id. Once Stok.ly has the order, its reference is written back.
 */
export class OrderIntake {
  constructor(private readonly deps: IntakeDeps) {}

  async poll(): Promise<IntakeReport> {
    return trackedRun(this.deps, 'cloudshelf_orders', async ({ startedAt, previous }) => {
      // First run: start from now (or the configured time), never from the account's whole history.
      const watermark = previous.watermark ?? this.deps.since ?? new Date(startedAt).toISOString();
      const fresh = await this.ordersUpdatedSince(watermark);
      const report: IntakeReport = { seen: fresh.length, salesCreated: 0, refundsCreated: 0, writtenBack: 0 };
      let newest = watermark;
      for (const order of fresh.reverse()) {
        await this.take(order, report);
        if (order.updatedAt > newest) newest = order.updatedAt;
      }
      report.writtenBack = await this.writeBack();
      if (report.salesCreated + report.refundsCreated + report.writtenBack > 0) {
        logger.info(`Cloudshelf orders: ${report.seen} seen, ${report.salesCreated} sale(s) and ${report.refundsCreated} refund(s) taken, ${report.writtenBack} reference(s) written back`);
      }
      return { result: report, watermark: newest };
    });
  }

  private async ordersUpdatedSince(watermark: string): Promise<CloudshelfOrder[]> {
    const out: CloudshelfOrder[] = [];
    let after: string | null = null;
    for (;;) {
      const data: z.infer<typeof ordersPageData> = await this.deps.client.request('orders', ORDERS_PAGE, { first: PAGE, after, sortBy: { updatedAt: 'DESC' } }, ordersPageData);
      for (const { node } of data.orders.edges) {
        // `<` not `<=`: an order updated in the watermark's own millisecond is looked at again (harmless).
        if (node.updatedAt < watermark) return out;
        out.push(node);
      }
      if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) return out;
      after = data.orders.pageInfo.endCursor;
    }
  }

  private async take(order: CloudshelfOrder, report: IntakeReport): Promise<void> {
    const now = this.deps.clock.now();
    if (order.status !== 'PAID' && order.status !== 'REFUNDED' && order.status !== 'PARTIALLY_REFUNDED') {
      this.deps.orders.seen(order.id, order.status, null, order.updatedAt, now);
      return;
    }
    const sale = await this.ensureSale(order, report);
    this.deps.orders.seen(order.id, order.status, sale?.saleId ?? null, order.updatedAt, now);
    if (!sale || order.status === 'PAID') return;
    if (this.deps.refunds.countForSale(sale.saleId) > 0) return; // the kiosk sent the refund itself
    if (order.status === 'PARTIALLY_REFUNDED') {
      this.deps.review(order.id, 'cloudshelf_partial_refund', `Cloudshelf order ${order.id} (sale ${sale.saleId}) is partially refunded, but no refund with its lines arrived from the kiosk`);
      return;
    }
    const outcome = await this.deps.ingestRefund(orderToRefund(order, sale, this.deps.tender));
    if (outcome.type === 'accepted') report.refundsCreated++;
  }

  /** The sale for this order: the one already here (LAN or an earlier poll), or a new one. */
  private async ensureSale(order: CloudshelfOrder, report: IntakeReport): Promise<Sale | null> {
    const existing = this.deps.sales.findByCloudshelfOrder(order.id);
    if (existing) return this.storedSale(existing.saleId);
    const sale = orderToSale(order, { byItemId: this.deps.byItemId, tender: this.deps.tender, fulfilment: this.deps.fulfilment });
    const outcome = await this.deps.ingestSale(sale);
    if (outcome.type === 'accepted') report.salesCreated++;
    if (outcome.type === 'conflict') return this.storedSale(sale.saleId);
    return sale;
  }

  private storedSale(saleId: string): Sale | null {
    const row = this.deps.outbox.byRef('sale', saleId);
    return row ? saleSchema.parse(JSON.parse(row.payload)) : null;
  }

  private async writeBack(): Promise<number> {
    const due = this.deps.orders.awaitingWriteBack(100);
    if (due.length === 0) return 0;
    const data = await this.deps.client.request('upsertOrders', UPSERT_ORDERS, {
      input: due.map((d) => ({ id: d.orderId, thirdPartyId: d.remoteId })),
    }, upsertOrdersData);
    const accepted = new Set(data.upsertOrders.orders.map((o) => o.id));
    const now = this.deps.clock.now();
    let written = 0;
    for (const d of due) {
      if (accepted.has(d.orderId)) {
        this.deps.orders.writtenBack(d.orderId, d.saleId, d.remoteId, now);
        written++;
      }
    }
    for (const e of data.upsertOrders.userErrors) {
      // Cloudshelf names the input in the message ("input[3].id: …"); otherwise the item is about the call.
      const index = Number(/input\[(\d+)\]/.exec(e.message)?.[1] ?? -1);
      const orderId = due[index]?.orderId ?? 'upsertOrders';
      this.deps.review(orderId, 'cloudshelf_rejected', `Cloudshelf refused Stok.ly's reference for order ${orderId}: ${e.code} ${e.message}`);
    }
    return written;
  }
}
