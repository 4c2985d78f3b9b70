import { paymentsTotal, type Refund, type RefundFlag } from '../../../shared/kiosk-api.js';
import type { Db } from './connection.js';
import { statementCache } from './statement-cache.js';

/** Refunds as received: header, lines and payments. */
export class RefundsRepo {
  private readonly findStmt;
  private readonly insertStmt;
  private readonly lineStmt;
  private readonly paymentStmt;

  /** Statements built per call (IN lists) are prepared once per text. */
  private readonly prepare: Db['prepare'];

  constructor(private readonly db: Db) {
    this.prepare = statementCache(db);
    this.findStmt = db.prepare<[string], { body_hash: string; received_at: string; flags: string; kiosk_id: string }>('SELECT body_hash, received_at, flags, kiosk_id FROM refunds WHERE refund_id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO refunds (refund_id, sale_id, kiosk_id, occurred_at, currency, total, paid, body_hash, flags, received_at, source)
       VALUES (@refundId, @saleId, @kioskId, @occurredAt, @currency, @total, @paid, @bodyHash, @flags, @receivedAt, @source)`,
    );
    this.lineStmt = db.prepare('INSERT INTO refund_lines (refund_id, line_no, sku, quantity, amount, restock) VALUES (?, ?, ?, ?, ?, ?)');
    this.paymentStmt = db.prepare('INSERT INTO refund_payments (refund_id, idx, tender, amount, reference) VALUES (?, ?, ?, ?, ?)');
  }

  find(refundId: string): { bodyHash: string; receivedAt: string; flags: RefundFlag[]; kioskId: string } | undefined {
    const r = this.findStmt.get(refundId);
    return r && { bodyHash: r.body_hash, receivedAt: r.received_at, flags: JSON.parse(r.flags) as RefundFlag[], kioskId: r.kiosk_id };
  }

  /** Which of these sales have any refund stored (most have none: the check per arriving sale stays one look-up). */
  salesWithRefunds(saleIds: readonly string[]): Set<string> {
    if (saleIds.length === 0) return new Set();
    return new Set(
      this.prepare<string[], { sale_id: string }>(`SELECT DISTINCT sale_id FROM refunds WHERE sale_id IN (${saleIds.map(() => '?').join(',')})`)
        .all(...saleIds)
        .map((r) => r.sale_id),
    );
  }

  /** Every refund stored for a sale (any kiosk), oldest first, with its lines. */
  forSale(saleIds: readonly string[]): Array<{ refundId: string; lines: Array<{ sku: string; quantity: number; amount: number }> }> {
    if (saleIds.length === 0) return [];
    const rows = this
      .prepare<string[], { refund_id: string; sku: string; quantity: number; amount: number }>(
        `SELECT r.refund_id, l.sku, l.quantity, l.amount FROM refunds r JOIN refund_lines l ON l.refund_id = r.refund_id
          WHERE r.sale_id IN (${saleIds.map(() => '?').join(',')}) ORDER BY r.received_at, r.rowid, l.line_no`,
      )
      .all(...saleIds);
    const byRefund = new Map<string, Array<{ sku: string; quantity: number; amount: number }>>();
    for (const r of rows) {
      let lines = byRefund.get(r.refund_id);
      if (!lines) byRefund.set(r.refund_id, (lines = []));
      lines.push({ sku: r.sku, quantity: r.quantity, amount: r.amount });
    }
    return [...byRefund].map(([refundId, lines]) => ({ refundId, lines }));
  }

  /** Adds a flag to a stored refund (raised after it was stored, e.g. when its sale arrived). */
  addFlag(refundId: string, flag: RefundFlag): void {
    const current = this.find(refundId);
    if (!current || current.flags.includes(flag)) return;
    this.prepare('UPDATE refunds SET flags = ? WHERE refund_id = ?').run(JSON.stringify([...current.flags, flag]), refundId);
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
    return (this.prepare('SELECT COUNT(*) AS n FROM refunds WHERE sale_id = ?').get(saleId) as { n: number }).n;
  }
}
