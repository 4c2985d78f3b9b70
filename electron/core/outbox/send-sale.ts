import { saleSchema, type Sale } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo, OutboxRow } from '../db/outbox-repo.js';
import { scopedLogger } from '../logging/logger.js';
import type { StoklyClient } from '../stokly/client.js';
import { saleToOrder, sourceReferenceId } from '../stokly/sale-order-mapping.js';
import { collectItems, createSaleOrder, findSaleOrdersByReference, getSaleOrderLines, isLineCollected } from '../stokly/sale-orders.js';
import type { StoklySaleOrderLine } from '../stokly/schemas.js';
import { resultFromError, type SendResult } from './send-result.js';
import type { SkuResolver } from './sku-resolver.js';
import type { DeliveryPreparer } from '../endless-aisle/delivery-order.js';

const logger = scopedLogger('send-sale');

export interface SaleSenderDeps {
  client: StoklyClient;
  resolver: SkuResolver;
  outbox: OutboxRepo;
  clock: Clock;
  storeId: string;
  channelId: string;
  locationId: string;
  tenderMethod(tender: string): number | undefined;
  /** Address and Stok.ly customer for sales with `ship` lines. */
  delivery: DeliveryPreparer;
}

/**
 * One sale → one Stok.ly sale order, then the in-store collection of its `store` lines. The
 * row records the step reached, so a crash between the two neither repeats nor skips one.
 */
export async function sendSale(row: OutboxRow, deps: SaleSenderDeps): Promise<SendResult> {
  let remoteId = row.remoteId;
  let outcomeUnknown = row.outcomeUnknown;
  let writeInFlight = false;
  let sale: Sale;
  try {
    sale = saleSchema.parse(JSON.parse(row.payload));
  } catch (err) {
    return resultFromError(err, { writeInFlight: false });
  }
  try {
    if (row.step === 'create') {
      const reference = sourceReferenceId(deps.storeId, sale.saleId);
      if (outcomeUnknown) {
        // An earlier try may have created the order: look before posting again.
        const existing = await findSaleOrdersByReference(deps.client, reference);
        if (existing.length > 1) logger.error(`sale ${sale.saleId}: ${existing.length} orders carry ${reference}; adopting the first`);
        const found = existing[0];
        if (found) {
          logger.info(`sale ${sale.saleId}: adopted existing order ${found.saleOrderId} after an unknown outcome`);
          // Recorded before it counts: if the database refuses, the next try looks it up again.
          deps.outbox.markCreated(row.id, found.saleOrderId, found.niceId == null ? null : String(found.niceId), deps.clock.now());
          remoteId = found.saleOrderId;
        }
        outcomeUnknown = false;
      }
      if (!remoteId) {
        const blocked = await blockingProblem(sale, deps);
        if (blocked) return blocked;
        const resolution = await deps.resolver.resolve(sale.lines.map((l) => l.sku), { saleId: sale.saleId });
        const skuProblem = skuProblemResult(sale, resolution);
        if (skuProblem) return skuProblem;
        const methods = new Map(sale.payments.map((p) => [p.tender, deps.tenderMethod(p.tender) ?? -1]));
        let delivery;
        if (sale.lines.some((l) => l.fulfilment === 'ship')) {
          const prepared = await deps.delivery.prepare(sale);
          if (prepared.type === 'hold') return prepared.result;
          delivery = prepared.delivery;
        }
        const body = saleToOrder(sale, { storeId: deps.storeId, channelId: deps.channelId, itemIds: resolution.itemIds, methods, delivery });
        const create = async (): Promise<string> => {
          writeInFlight = true;
          const id = await createSaleOrder(deps.client, body);
          // Still "in flight" until recorded: a database that refuses this write (locked, full)
          // must lead to a look-up before any repeat, never to a second order.
          deps.outbox.markCreated(row.id, id, null, deps.clock.now());
          writeInFlight = false;
          return id;
        };
        // A delivery order and a warehouse stock pull never overlap (see OrderGate).
        remoteId = delivery ? await deps.delivery.gate.run(create) : await create();
        logger.info(`sale ${sale.saleId}: order ${remoteId} created`);
      }
    }
    if (!remoteId) throw new Error(`sale ${sale.saleId} is at step ${row.step} without a Stok.ly order id`);
    return await collectStoreLines(sale, remoteId, deps);
  } catch (caught) {
    const thrown = resultFromError(caught, { writeInFlight });
    // Kept on the row, shown to staff and logged: never with the customer's details in it.
    const result = thrown.type !== 'done' && sale.lines.some((l) => l.fulfilment === 'ship')
      ? { ...thrown, error: deps.delivery.redact(sale.saleId, thrown.error) }
      : thrown;
    if (result.type === 'retry' || result.type === 'rate_limited') {
      return { ...result, outcomeUnknown: result.outcomeUnknown || (outcomeUnknown && !remoteId) };
    }
    return result;
  }
}

async function blockingProblem(sale: Sale, deps: SaleSenderDeps): Promise<SendResult | null> {
  const unmapped = [...new Set(sale.payments.map((p) => p.tender).filter((t) => deps.tenderMethod(t) === undefined))];
  if (unmapped.length === 0) return null;
  return {
    type: 'permanent',
    reason: 'unmapped_tender',
    error: `tender ${unmapped.map((t) => `"${t}"`).join(', ')} has no Stok.ly payment method in the configuration`,
  };
}

function skuProblemResult(sale: Sale, r: { unknown: string[]; inactive: string[]; ambiguous: string[] }): SendResult | null {
  if (r.unknown.length) return { type: 'permanent', reason: 'unknown_sku', error: `Stok.ly has no item with SKU ${r.unknown.join(', ')} (sale ${sale.saleId})` };
  if (r.inactive.length) return { type: 'permanent', reason: 'inactive_sku', error: `SKU ${r.inactive.join(', ')} is deleted in Stok.ly (sale ${sale.saleId})` };
  if (r.ambiguous.length) return { type: 'permanent', reason: 'ambiguous_sku', error: `several active Stok.ly items have SKU ${r.ambiguous.join(', ')} (sale ${sale.saleId})` };
  return null;
}

/**
 * Records the hand-over of the `store` lines at the store's location. The order's lines are
 * read first, so lines already collected (by an earlier try whose answer was lost) are skipped.
 */
async function collectStoreLines(sale: Sale, remoteId: string, deps: SaleSenderDeps): Promise<SendResult> {
  const storeLines = sale.lines.filter((l) => l.fulfilment === 'store');
  if (storeLines.length === 0) return { type: 'done' };
  const resolution = await deps.resolver.resolve(storeLines.map((l) => l.sku), { saleId: sale.saleId });
  const orderLines = await getSaleOrderLines(deps.client, remoteId);
  const unused = new Set<StoklySaleOrderLine>(orderLines);
  const toCollect: Array<{ lineId: string; quantity: number }> = [];
  for (const line of storeLines) {
    const itemId = resolution.itemIds.get(line.sku);
    const match = [...unused].find(
      (o) => o.referenceId === itemId && o.quantity === line.quantity && (o.fulfilmentType ?? 'none') === 'none',
    );
    if (!match) {
      return {
        type: 'permanent',
        reason: 'order_mismatch',
        error: `order ${remoteId} in Stok.ly has no open line for ${line.quantity} × ${line.sku} to collect`,
      };
    }
    unused.delete(match);
    if (!isLineCollected(match)) toCollect.push({ lineId: match.lineId, quantity: match.quantity });
  }
  if (toCollect.length) await collectItems(deps.client, remoteId, deps.locationId, toCollect);
  return { type: 'done' };
}
