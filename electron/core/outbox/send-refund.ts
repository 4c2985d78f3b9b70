import { refundSchema, type Refund } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo, OutboxRow } from '../db/outbox-repo.js';
import { scopedLogger } from '../logging/logger.js';
import type { StoklyClient } from '../stokly/client.js';
import { refundToCreditNote } from '../stokly/credit-note-mapping.js';
import { createCreditNote, findCreditNotesByReference } from '../stokly/credit-notes.js';
import { getSaleOrderLines } from '../stokly/sale-orders.js';
import { resultFromError, type SendResult } from './send-result.js';
import type { SkuResolver } from './sku-resolver.js';

const logger = scopedLogger('send-refund');

export interface RefundSenderDeps {
  client: StoklyClient;
  resolver: SkuResolver;
  outbox: OutboxRepo;
  clock: Clock;
  storeId: string;
  locationId: string;
  tenderMethod(tender: string): number | undefined;
}

/** One refund → one credit note against its sale's order, looked up first when an earlier try's outcome is unknown. */
export async function sendRefund(row: OutboxRow, deps: RefundSenderDeps): Promise<SendResult> {
  let refund: Refund;
  try {
    refund = refundSchema.parse(JSON.parse(row.payload));
  } catch (err) {
    return resultFromError(err, { writeInFlight: false });
  }
  const sale = row.parentRef ? deps.outbox.byRef('sale', row.parentRef) : undefined;
  if (!sale?.remoteId || sale.status !== 'done') {
    return { type: 'retry', error: `sale ${refund.saleId} is not in Stok.ly yet`, outcomeUnknown: row.outcomeUnknown };
  }
  const reference = `${deps.storeId}/${refund.refundId}`;
  let writeInFlight = false;
  try {
    if (row.outcomeUnknown) {
      const existing = await findCreditNotesByReference(deps.client, reference);
      if (existing[0]) {
        deps.outbox.markCreated(row.id, existing[0].creditNoteId, null, deps.clock.now());
        logger.info(`refund ${refund.refundId}: adopted existing credit note ${existing[0].creditNoteId} after an unknown outcome`);
        return { type: 'done' };
      }
    }
    const unmapped = [...new Set(refund.payments.map((p) => p.tender).filter((t) => deps.tenderMethod(t) === undefined))];
    if (unmapped.length) {
      return { type: 'permanent', reason: 'unmapped_tender', error: `tender ${unmapped.map((t) => `"${t}"`).join(', ')} has no Stok.ly payment method in the configuration` };
    }
    const lines = await matchOrderLines(refund, sale.remoteId, sale.ref, deps);
    if ('error' in lines) return { type: 'permanent', reason: 'refund_mismatch', error: lines.error };
    const body = refundToCreditNote(refund, {
      saleOrderId: sale.remoteId, reference, locationId: deps.locationId, lines: lines.matched,
      methods: new Map(refund.payments.map((p) => [p.tender, deps.tenderMethod(p.tender) ?? -1])),
    });
    writeInFlight = true;
    const id = await createCreditNote(deps.client, body);
    deps.outbox.markCreated(row.id, id, null, deps.clock.now());
    logger.info(`refund ${refund.refundId}: credit note ${id} against order ${sale.remoteId}`);
    return { type: 'done' };
  } catch (err) {
    const result = resultFromError(err, { writeInFlight });
    if (result.type === 'retry' || result.type === 'rate_limited') return { ...result, outcomeUnknown: result.outcomeUnknown || row.outcomeUnknown };
    return result;
  }
}

/** Each refund line → a line of the order with that item and enough quantity, each order line used once per refund. */
async function matchOrderLines(
  refund: Refund,
  saleOrderId: string,
  saleId: string,
  deps: RefundSenderDeps,
): Promise<{ matched: Array<{ lineId: string; itemId: string }> } | { error: string }> {
  const resolution = await deps.resolver.resolve(refund.lines.map((l) => l.sku), { saleId });
  const orderLines = await getSaleOrderLines(deps.client, saleOrderId);
  const used = new Set<string>();
  const matched: Array<{ lineId: string; itemId: string }> = [];
  for (const line of refund.lines) {
    const itemId = resolution.itemIds.get(line.sku);
    const candidate = orderLines.find((o) => o.referenceId === itemId && o.quantity >= line.quantity && !used.has(o.lineId));
    if (!itemId || !candidate) {
      return { error: `sale ${refund.saleId} (order ${saleOrderId}) has no line for ${line.quantity} × ${line.sku} to refund` };
    }
    used.add(candidate.lineId);
    matched.push({ lineId: candidate.lineId, itemId });
  }
  return { matched };
}
