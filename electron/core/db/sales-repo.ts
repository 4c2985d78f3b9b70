import type { Sale, SaleFlag } from '../../../shared/kiosk-api.js';
import { paymentsTotal, saleTotal } from '../../../shared/kiosk-api.js';
import type { Db } from './connection.js';
import { statementCache } from './statement-cache.js';

export interface StoredSaleReceipt {
  saleId: string;
  bodyHash: string;
  receivedAt: string;
  flags: SaleFlag[];
  kioskId: string;
}

/** Sales as received from kiosks: header, lines and payments. Hot path: statements are prepared once. */
export class SalesRepo {
  private readonly findStmt;
  private readonly insertSaleStmt;
  private readonly insertLineStmt;
  private readonly insertPaymentStmt;
  private readonly setFlagsStmt;
  private readonly byOrderStmt;
  private readonly effectiveStmt;
  private readonly insertFlagStmt;
  private readonly kioskActivityStmt;
  private readonly soldStmt;

  /** Statements built per call (IN lists) are prepared once per text. */
  private readonly prepare: Db['prepare'];

  constructor(private readonly db: Db) {
    this.prepare = statementCache(db);
    // Duplicates (resends under a new id) are not sales; received_at is ISO UTC, so text order is time order.
    this.kioskActivityStmt = db.prepare<[string, string], { today: number; last: string | null }>(
      `SELECT COALESCE(SUM(received_at >= ? AND duplicate_of IS NULL), 0) AS today, MAX(received_at) AS last
         FROM sales WHERE kiosk_id = ?`,
    );
    this.findStmt = db.prepare<[string], { sale_id: string; body_hash: string; received_at: string; flags: string; kiosk_id: string }>(
      'SELECT sale_id, body_hash, received_at, flags, kiosk_id FROM sales WHERE sale_id = ?',
    );
    this.soldStmt = db.prepare<[string], { total: number; sku: string | null; quantity: number | null }>(
      `SELECT s.total, l.sku, l.quantity FROM sales s LEFT JOIN sale_lines l ON l.sale_id = s.sale_id WHERE s.sale_id = ?`,
    );
    this.insertSaleStmt = db.prepare(
      `INSERT INTO sales (sale_id, kiosk_id, occurred_at, currency, total, paid, body_hash, flags, received_at, cloudshelf_order_id, duplicate_of, source)
       VALUES (@saleId, @kioskId, @occurredAt, @currency, @total, @paid, @bodyHash, @flags, @receivedAt, @cloudshelfOrderId, @duplicateOf, @source)`,
    );
    this.insertLineStmt = db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, sku, quantity, unit_price, tax, discount, fulfilment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertPaymentStmt = db.prepare(
      'INSERT INTO sale_payments (sale_id, idx, tender, amount, reference) VALUES (?, ?, ?, ?, ?)',
    );
    this.byOrderStmt = db.prepare<[string], { sale_id: string }>('SELECT sale_id FROM sales WHERE cloudshelf_order_id = ?');
    this.effectiveStmt = db.prepare<[string], { sale_id: string; duplicate_of: string | null }>('SELECT sale_id, duplicate_of FROM sales WHERE sale_id = ?');
    this.setFlagsStmt = db.prepare('UPDATE sales SET flags = ? WHERE sale_id = ?');
    this.insertFlagStmt = db.prepare('INSERT INTO sale_flags (sale_id, flag, sku, detail, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  /** Flags are raised once the sale is stored (so stock figures include it), in the same transaction. */
  setFlags(saleId: string, flags: ReadonlyArray<{ flag: SaleFlag; sku: string | null; detail: string }>, now: number): void {
    this.setFlagsStmt.run(JSON.stringify([...new Set(flags.map((f) => f.flag))]), saleId);
    for (const f of flags) this.insertFlagStmt.run(saleId, f.flag, f.sku, f.detail, now);
  }

  findByCloudshelfOrder(orderId: string): { saleId: string } | undefined {
    const r = this.byOrderStmt.get(orderId);
    return r && { saleId: r.sale_id };
  }

  /** The sale that is posted for this id: itself, or the twin it duplicates. */
  effectiveSaleId(saleId: string): string | undefined {
    const r = this.effectiveStmt.get(saleId);
    return r ? (r.duplicate_of ?? r.sale_id) : undefined;
  }

  find(saleId: string): StoredSaleReceipt | undefined {
    const r = this.findStmt.get(saleId);
    return r && { saleId: r.sale_id, bodyHash: r.body_hash, receivedAt: r.received_at, flags: JSON.parse(r.flags) as SaleFlag[], kioskId: r.kiosk_id };
  }

  /** What a sale took: its total and the units per SKU (the limit for its refunds). */
  sold(saleId: string): { total: number; units: Map<string, number> } | undefined {
    const rows = this.soldStmt.all(saleId);
    const first = rows[0];
    if (!first) return undefined;
    const units = new Map<string, number>();
    for (const r of rows) if (r.sku !== null && r.quantity !== null) units.set(r.sku, (units.get(r.sku) ?? 0) + r.quantity);
    return { total: first.total, units };
  }

  /** Call inside the transaction that also writes the outbox row. */
  insert(sale: Sale, bodyHash: string, receivedAt: string, extra: { duplicateOf: string | null; source: 'kiosk' | 'cloudshelf' }): void {
    this.insertSaleStmt.run({
      saleId: sale.saleId,
      kioskId: sale.kioskId,
      occurredAt: sale.occurredAt,
      currency: sale.currency,
      total: saleTotal(sale),
      paid: paymentsTotal(sale.payments),
      bodyHash,
      flags: '[]',
      receivedAt,
      // The twin keeps the Cloudshelf order id: the unique index belongs to the sale that is posted.
      cloudshelfOrderId: extra.duplicateOf ? null : (sale.cloudshelf?.orderId ?? null),
      duplicateOf: extra.duplicateOf,
      source: extra.source,
    });
    sale.lines.forEach((l, i) =>
      this.insertLineStmt.run(sale.saleId, i, l.sku, l.quantity, l.unitPrice, l.tax, l.discount, l.fulfilment),
    );
    sale.payments.forEach((p, i) => this.insertPaymentStmt.run(sale.saleId, i, p.tender, p.amount, p.reference ?? null));
  }

  /** The distinct SKUs of a sale's lines. */
  lineSkus(saleId: string): string[] {
    return this.prepare<[string], { sku: string }>('SELECT DISTINCT sku FROM sale_lines WHERE sale_id = ?').all(saleId).map((r) => r.sku);
  }

  /** A kiosk's sales received since `todayStartIso`, and its latest sale at all (one walk of the kiosk's index range). */
  kioskActivity(kioskId: string, todayStartIso: string): { salesToday: number; lastSaleAt: string | null } {
    const r = this.kioskActivityStmt.get(todayStartIso, kioskId);
    return { salesToday: r?.today ?? 0, lastSaleAt: r?.last ?? null };
  }
}
