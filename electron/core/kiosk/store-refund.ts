import { paymentsTotal, type AcceptedRefund, type Refund, type RefundFlag } from '../../../shared/kiosk-api.js';
import type { Clock } from '../clock.js';
import type { OutboxRepo } from '../db/outbox-repo.js';
import type { RefundsRepo } from '../db/refunds-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import { fingerprint } from './canonical.js';
import { priorOutcome, type IngestOutcome } from './ingest.js';
import { refundExcess } from './refund-limits.js';

export type { AcceptedRefund };

export interface StoreRefundDeps {
  refunds: RefundsRepo;
  sales: SalesRepo;
  outbox: OutboxRepo;
  clock: Clock;
  tenderMapped(tender: string): boolean;
  /** Hold the refund's outbox row for a person (1.1: a refund beyond its sale waits for an audited approval). */
  hold?(outboxId: number, refundId: string, detail: string): void;
  /** The id was first used by another kiosk (1.1: raised for a person; the kiosk gets a plain 409). */
  collision?(refundId: string, firstKioskId: string, kioskId: string): void;
}

/**
 * One refund inside the ingest transaction. Its outbox row names the sale it waits for (the
 * posted twin if the sale arrived twice); a refund whose sale is not here yet is held.
 */
export function storeRefund(refund: Refund, deps: StoreRefundDeps, source: 'kiosk' | 'cloudshelf' = 'kiosk'): IngestOutcome<AcceptedRefund> {
  const { body, hash } = fingerprint(refund);
  const existing = deps.refunds.find(refund.refundId);
  if (existing && existing.kioskId !== refund.kioskId && source === 'kiosk') deps.collision?.(refund.refundId, existing.kioskId, refund.kioskId);
  const prior = priorOutcome(hash, existing, (receivedAt) => ({ refundId: refund.refundId, status: 'accepted' as const, receivedAt, flags: existing?.flags ?? [] }));
  if (prior) return prior;
  const now = deps.clock.now();
  const receivedAt = new Date(now).toISOString();
  const flags: RefundFlag[] = [];
  const saleId = deps.sales.effectiveSaleId(refund.saleId);
  if (!saleId) flags.push('sale_not_received');
  if (refund.payments.some((p) => !deps.tenderMapped(p.tender))) flags.push('unmapped_tender');
  if (paymentsTotal(refund.payments) !== refund.lines.reduce((s, l) => s + l.amount, 0)) flags.push('payment_mismatch');
  const excess = refundExcess(refund, deps);
  if (excess) flags.push('refund_exceeds_sale');
  deps.refunds.insert(refund, hash, flags, receivedAt, source);
  const outboxId = deps.outbox.insert('refund', refund.refundId, body, now, saleId ?? refund.saleId);
  if (excess) deps.hold?.(outboxId, refund.refundId, `refund ${refund.refundId} of sale ${refund.saleId}: ${excess}`);
  return { type: 'accepted', receipt: { refundId: refund.refundId, status: 'accepted', receivedAt, flags } };
}
