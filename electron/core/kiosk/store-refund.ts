import { paymentsTotal, type AcceptedRefund, type Refund, type RefundFlag } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { RefundsRepo } from '../db/refunds-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import { fingerprint } from './canonical.js';
import { priorOutcome, type IngestOutcome } from './ingest.js';

export type { AcceptedRefund };

export interface StoreRefundDeps {
  refunds: RefundsRepo;
  sales: SalesRepo;
  outbox: OutboxRepo;
  clock: Clock;
  tenderMapped(tender: string): boolean;
}

/**
 * One refund inside the ingest transaction. Its outbox row names the sale it waits for (the
 * posted twin if the sale arrived twice); a refund whose sale is not here yet is held.
 */
export function storeRefund(refund: Refund, deps: StoreRefundDeps, source: 'kiosk' | 'cloudshelf' = 'kiosk'): IngestOutcome<AcceptedRefund> {
  const { body, hash } = fingerprint(refund);
  const existing = deps.refunds.find(refund.refundId);
  const prior = priorOutcome(hash, existing, (receivedAt) => ({ refundId: refund.refundId, status: 'accepted' as const, receivedAt, flags: existing?.flags ?? [] }));
  if (prior) return prior;
  const now = deps.clock.now();
  const receivedAt = new Date(now).toISOString();
  const flags: RefundFlag[] = [];
  const saleId = deps.sales.effectiveSaleId(refund.saleId);
  if (!saleId) flags.push('sale_not_received');
  if (refund.payments.some((p) => !deps.tenderMapped(p.tender))) flags.push('unmapped_tender');
  if (paymentsTotal(refund.payments) !== refund.lines.reduce((s, l) => s + l.amount, 0)) flags.push('payment_mismatch');
  deps.refunds.insert(refund, hash, flags, receivedAt, source);
  deps.outbox.insert('refund', refund.refundId, body, now, saleId ?? refund.saleId);
  return { type: 'accepted', receipt: { refundId: refund.refundId, status: 'accepted', receivedAt, flags } };
}
