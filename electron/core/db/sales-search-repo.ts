import type { SaleDetail, SaleState, SaleSummary, TimelineEntry } from '../../../shared/sales-api.js';
import type { OutboxStatus } from './outbox-repo.js';
import type { Db } from './connection.js';
import { statementCache } from './statement-cache.js';
import { SalesTextSearch, type SaleScope, type TextMatchPage } from './sales-text-search.js';

/**
 * The Sales tab's reads (read-only, across the sale's tables): a page of sales matching a
 * search, newest first, and one sale's whole story. The kiosk and day walk received_at (or the
 * kiosk's index); typed text is found through its own indexes (sales-text-search.ts).
 */

export interface SalesFilter extends SaleScope {
  /** Sale id or its start, SKU or its start, Stok.ly order number or Cloudshelf order id. */
  text: string | null;
  /** An amount in minor units, when the text reads as one (only with `text`). */
  amount: number | null;
}

interface SummaryRow {
  sale_id: string;
  kiosk_id: string;
  occurred_at: string;
  received_at: string;
  currency: string;
  total: number;
  flags: string;
  duplicate_of: string | null;
  status: OutboxStatus | null;
  remote_ref: string | null;
  remote_id: string | null;
  line_count: number;
  first_sku: string | null;
  refunds: number;
}

const summaryColumns = `s.sale_id, s.kiosk_id, s.occurred_at, s.received_at, s.currency, s.total, s.flags, s.duplicate_of,
  o.status, o.remote_ref, o.remote_id,
  (SELECT COUNT(*) FROM sale_lines l WHERE l.sale_id = s.sale_id) AS line_count,
  (SELECT l.sku FROM sale_lines l WHERE l.sale_id = s.sale_id ORDER BY l.line_no LIMIT 1) AS first_sku,
  (SELECT COUNT(*) FROM refunds r WHERE r.sale_id = s.sale_id) AS refunds
  FROM sales s LEFT JOIN outbox o ON o.kind = 'sale' AND o.ref = s.sale_id`;

const stateOf = (status: OutboxStatus | null, duplicateOf: string | null): SaleState => {
  if (duplicateOf !== null) return 'duplicate';
  switch (status) {
    case 'done': return 'sent';
    case 'sending': return 'sending';
    case 'exception': return 'attention';
    case 'voided': return 'voided';
    default: return 'waiting';
  }
};

const iso = (ms: number): string => new Date(ms).toISOString();

export class SalesSearchRepo {
  private readonly nameStmt;
  private readonly oneStmt;
  private readonly textSearch;
  /** The list's few SQL shapes (filters × direction), each compiled once. */
  private readonly prepared;

  constructor(private readonly db: Db) {
    this.textSearch = new SalesTextSearch(db);
    this.prepared = statementCache(db, 32);
    // A kiosk SKU's product: the active product with that SKU, else the one a person mapped it to.
    this.nameStmt = db.prepare<{ sku: string }, { name: string }>(
      `SELECT name FROM (
         SELECT name, 0 AS pref, active FROM products WHERE sku = @sku
         UNION ALL SELECT p.name, 1, p.active FROM sku_aliases a JOIN products p ON p.item_id = a.item_id WHERE a.kiosk_sku = @sku
       ) ORDER BY active DESC, pref LIMIT 1`,
    );
    this.oneStmt = db.prepare<[string], SummaryRow>(`SELECT ${summaryColumns} WHERE s.sale_id = ?`);
  }

  /** The product name for a kiosk SKU; null when the product master has none. */
  productName(sku: string): string | null {
    return this.nameStmt.get({ sku })?.name ?? null;
  }

  /** One page, newest received first; `total` counts every match (a typed search stops at 1,000: `totalCapped`). */
  search(filter: SalesFilter, limit: number, offset: number): { items: SaleSummary[]; total: number; totalCapped: boolean; more: boolean } {
    const page = filter.text !== null
      ? this.textSearch.page({ text: filter.text, amount: filter.amount }, filter, limit, offset)
      : this.list(filter, limit, offset);
    const rows = page.ids.map((id) => this.oneStmt.get(id)).filter((r): r is SummaryRow => r !== undefined);
    return { items: rows.map((r) => this.toSummary(r)), total: page.total, totalCapped: page.totalCapped, more: page.more };
  }

  /**
   * Every sale, or a kiosk's, or a day's: walks received_at (or the kiosk's index), counted exactly.
   * An OFFSET walks every entry it skips, so a page past the middle is read from the oldest end
   * with the same keys ascending and turned round: the last of 50,000 costs what the first does.
   */
  private list(filter: SalesFilter, limit: number, offset: number): TextMatchPage {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.kioskId !== null) {
      params.kiosk = filter.kioskId;
      where.push('s.kiosk_id = @kiosk');
    }
    if (filter.receivedFrom !== null && filter.receivedTo !== null) {
      params.from = filter.receivedFrom;
      params.to = filter.receivedTo;
      where.push('s.received_at >= @from AND s.received_at < @to');
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // (received_at, sale_id) is unique, so ascending order is exactly newest-first reversed.
    const pageSql = (dir: 'ASC' | 'DESC'): string => `SELECT s.sale_id FROM sales s ${clause} ORDER BY s.received_at ${dir}, s.sale_id ${dir} LIMIT @limit OFFSET @offset`;
    // One read transaction: the count and the page see the same sales, so the count can place the page.
    return this.db.transaction((): TextMatchPage => {
      const total = this.prepared<Record<string, string | number>, number>(`SELECT COUNT(*) FROM sales s ${clause}`).pluck().get(params) ?? 0;
      if (offset * 2 + limit > total) {
        // Newest-first positions [offset, offset + limit) are oldest-first [total − offset − limit, total − offset).
        const end = total - offset;
        if (end <= 0) return { ids: [], total, totalCapped: false, more: false };
        const start = Math.max(0, end - limit);
        const ids = this.prepared<Record<string, string | number>, string>(pageSql('ASC')).pluck().all({ ...params, limit: end - start, offset: start });
        return { ids: ids.reverse(), total, totalCapped: false, more: offset + limit < total };
      }
      // The page's ids first (an index walk), then their columns.
      const ids = this.prepared<Record<string, string | number>, string>(pageSql('DESC')).pluck().all({ ...params, limit: limit + 1, offset });
      return { ids: ids.slice(0, limit), total, totalCapped: false, more: ids.length > limit };
    })();
  }

  /** One sale with its lines, payments and timeline; undefined when no such sale. */
  detail(saleId: string): SaleDetail | undefined {
    const row = this.oneStmt.get(saleId);
    if (!row) return undefined;
    const head = this.db
      .prepare<[string], { source: string; cloudshelf_order_id: string | null }>('SELECT source, cloudshelf_order_id FROM sales WHERE sale_id = ?')
      .get(saleId);
    const lines = this.db
      .prepare<[string], { sku: string; quantity: number; unit_price: number; tax: number; discount: number; fulfilment: string }>(
        'SELECT sku, quantity, unit_price, tax, discount, fulfilment FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
      )
      .all(saleId)
      .map((l) => ({ sku: l.sku, name: this.productName(l.sku), quantity: l.quantity, unitPrice: l.unit_price, tax: l.tax, discount: l.discount, fulfilment: l.fulfilment }));
    const payments = this.db
      .prepare<[string], { tender: string; amount: number; reference: string | null }>('SELECT tender, amount, reference FROM sale_payments WHERE sale_id = ? ORDER BY idx')
      .all(saleId);
    const outbox = this.db
      .prepare<[string], { id: number; attempts: number; done_at: number | null; remote_id: string | null; void_reason: string | null; status: OutboxStatus; updated_at: number }>(
        "SELECT id, attempts, done_at, remote_id, void_reason, status, updated_at FROM outbox WHERE kind = 'sale' AND ref = ?",
      )
      .get(saleId);
    const exceptions = this.db
      .prepare<[string], { id: number; reason: string; detail: string; status: string; created_at: number; resolved_at: number | null; resolved_by: string | null; resolution: string | null }>(
        "SELECT id, reason, detail, status, created_at, resolved_at, resolved_by, resolution FROM exceptions WHERE subject_kind = 'sale' AND subject_ref = ? ORDER BY id",
      )
      .all(saleId);

    const timeline: TimelineEntry[] = [];
    const add = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'at' | 'kind'>): void => {
      timeline.push({ code: null, actor: null, detail: null, ref: null, amount: null, ...e });
    };
    add({ at: row.received_at, kind: 'received', ref: row.kiosk_id, amount: row.total });
    for (const f of this.db
      .prepare<[string], { flag: string; sku: string | null; detail: string; created_at: number }>('SELECT flag, sku, detail, created_at FROM sale_flags WHERE sale_id = ? ORDER BY id')
      .all(saleId)) {
      add({ at: iso(f.created_at), kind: 'flag', code: f.flag, ref: f.sku, detail: f.detail });
    }
    if (outbox) {
      const attempts = this.db
        .prepare<[number], { at: number; outcome: string; message: string | null; remote_id: string | null }>(
          'SELECT at, outcome, message, remote_id FROM outbox_attempts WHERE outbox_id = ? ORDER BY id',
        )
        .all(outbox.id);
      for (const a of attempts) add({ at: iso(a.at), kind: 'attempt', code: a.outcome, detail: a.message, ref: a.remote_id });
      // Sent before attempts were recorded (migration 0160): the row still says when it was done.
      if (attempts.length === 0 && outbox.done_at !== null) add({ at: iso(outbox.done_at), kind: 'collected', ref: row.remote_ref ?? outbox.remote_id });
      if (outbox.status === 'voided') add({ at: iso(outbox.updated_at), kind: 'voided', detail: outbox.void_reason });
    }
    for (const e of exceptions) {
      add({ at: iso(e.created_at), kind: 'exception_opened', code: e.reason, ref: String(e.id), detail: e.detail });
      if (e.resolved_at !== null) add({ at: iso(e.resolved_at), kind: 'exception_closed', code: e.status, ref: String(e.id), actor: e.resolved_by, detail: e.resolution });
    }
    for (const a of this.db
      .prepare<[string], { at: number; actor: string; action: string; detail: string | null }>(
        "SELECT at, actor, action, detail FROM audit_log WHERE subject_kind = 'sale' AND subject_ref = ? ORDER BY id",
      )
      .all(saleId)) {
      add({ at: iso(a.at), kind: 'action', code: a.action, actor: a.actor, detail: a.detail });
    }
    for (const r of this.db
      .prepare<[string], { refund_id: string; total: number; received_at: string; status: OutboxStatus | null }>(
        `SELECT r.refund_id, r.total, r.received_at, o.status FROM refunds r LEFT JOIN outbox o ON o.kind = 'refund' AND o.ref = r.refund_id
          WHERE r.sale_id = ? ORDER BY r.received_at`,
      )
      .all(saleId)) {
      add({ at: r.received_at, kind: 'refund', code: stateOf(r.status, null), ref: r.refund_id, amount: r.total });
    }
    timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

    return {
      summary: this.toSummary(row),
      source: head?.source ?? 'kiosk',
      duplicateOf: row.duplicate_of,
      cloudshelfOrderId: head?.cloudshelf_order_id ?? null,
      lines,
      payments,
      attempts: outbox?.attempts ?? 0,
      openExceptions: exceptions.filter((e) => e.status === 'open').map((e) => ({ id: e.id, reason: e.reason })),
      timeline,
    };
  }

  private toSummary(r: SummaryRow): SaleSummary {
    return {
      saleId: r.sale_id, kioskId: r.kiosk_id, occurredAt: r.occurred_at, receivedAt: r.received_at, currency: r.currency, total: r.total,
      state: stateOf(r.status, r.duplicate_of), orderNumber: r.remote_ref ?? r.remote_id, lineCount: r.line_count,
      firstSku: r.first_sku, firstName: r.first_sku === null ? null : this.productName(r.first_sku),
      flags: JSON.parse(r.flags) as string[], refunds: r.refunds,
    };
  }
}
