import { paymentsTotal, type Refund, type RefundFlag } from '../../../shared/kiosk-api.js';
import type { Db } from './connection.js';

/** Refunds as received: header, lines and payments. */
export class RefundsRepo {
  private readonly findStmt;
  private readonly insertStmt;
  private readonly lineStmt;
  private readonly paymentStmt;

  constructor(private readonly db: Db) {
    this.findStmt = db.prepare<[string], { body_hash: string; received_at: string; flags: string }>('SELECT body_hash, received_at, flags FROM refunds WHERE refund_id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO refunds (refund_id, sale_id, kiosk_id, occurred_at, currency, total, paid, body_hash, flags, received_at, source)
       VALUES (@refundId, @saleId, @kioskId, @occurredAt, @currency, @total, @paid, @bodyHash, @flags, @receivedAt, @source)`,
    );
    this.lineStmt = db.prepare('INSERT INTO refund_lines (refund_id, line_no, sku, quantity, amount, restock) VALUES (?, ?, ?, ?, ?, ?)');
    this.paymentStmt = db.prepare('INSERT INTO refund_payments (refund_id, idx, tender, amount, reference) VALUES (?, ?, ?, ?, ?)');
  }

  find(refundId: string): { bodyHash: string; receivedAt: string; flags: RefundFlag[] } | undefined {
    const r = this.findStmt.get(refundId);
    return r && { bodyHash: r.body_hash, receivedAt: r.received_at, flags: JSON.parse(r.flags) as RefundFlag[] };
  }

  insert(refund: Refund, bodyHash: string, flags: readonly RefundFlag[], receivedAt: string, source: 'kiosk' | 'cloudshelf'): void {
    this.insertStmt.run({
      refundId: refund.refundId, saleId: refund.saleId, kioskId: refund.kioskId, occurredAt: refund.occurredAt,
      currency: refund.currency, total: refund.lines.reduce((s, l) => s + l.amount, 0), paid: paymentsTotal(refund.payments),
      bodyHash, flags: JSON.stringify(flags), receivedAt, source,
    });
    refund.lines.forEach((l, i) => this.lineStmt.run(refund.refundId, i, l.sku, l.quantity, l.amount, l.restock ? 1 : 0));
    refund.payments.forEach((p, i) => this.paymentStmt.run(refund.refundId, i, p.tender, p.amount, p.reference ?? null));
  }

  countForSale(saleId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM refunds WHERE sale_id = ?').get(saleId) as { n: number }).n;
  }
}
