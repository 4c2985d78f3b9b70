import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo } from '../../electron/core/db/outbox-repo.js';
import { RefundsRepo } from '../../electron/core/db/refunds-repo.js';
import { SalesRepo } from '../../electron/core/db/sales-repo.js';
import { StockRepo } from '../../electron/core/db/stock-repo.js';
import type { Refund, Sale } from '../../shared/kiosk-api.js';

/** The definition, computed the slow way from the rows themselves. */
function pendingFromRows(db: ReturnType<typeof openDatabase>): Map<string, number> {
  const rows = db.prepare(`
    SELECT sku, SUM(qty) AS qty FROM (
      SELECT l.sku AS sku, l.quantity AS qty FROM outbox o JOIN sale_lines l ON l.sale_id = o.ref
       WHERE o.stock_settled = 0 AND o.kind = 'sale' AND o.status != 'voided' AND l.fulfilment = 'store'
      UNION ALL
      SELECT r.sku, -r.quantity FROM outbox o JOIN refund_lines r ON r.refund_id = o.ref
       WHERE o.stock_settled = 0 AND o.kind = 'refund' AND o.status != 'voided' AND r.restock = 1
    ) GROUP BY sku HAVING SUM(qty) != 0`).all() as Array<{ sku: string; qty: number }>;
  return new Map(rows.map((r) => [r.sku, r.qty]));
}

function prng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('pending stock running totals', () => {
  it('equal the definition through random sales, refunds, collections, pulls and voids', () => {
    const db = openDatabase(':memory:');
    migrate(db, { path: ':memory:', backupDir: null });
    const sales = new SalesRepo(db);
    const refunds = new RefundsRepo(db);
    const outbox = new OutboxRepo(db);
    const stock = new StockRepo(db);
    const rand = prng(7);
    const skus = ['A', 'B', 'C', 'D'];
    const saleIds: string[] = [];
    let clock = 1_000;
    for (let step = 0; step < 600; step++) {
      clock += 10;
      const roll = rand();
      if (roll < 0.45) {
        const id = `s${step}`;
        const sale: Sale = {
          saleId: id, kioskId: 'k', occurredAt: '2026-11-26T10:00:00+00:00', currency: 'GBP',
          lines: [0, 1].map(() => ({ sku: skus[Math.floor(rand() * 4)]!, quantity: 1 + Math.floor(rand() * 3), unitPrice: 100, tax: 0, discount: 0, fulfilment: rand() < 0.8 ? 'store' as const : 'ship' as const })).slice(0, 1 + Math.floor(rand() * 2)),
          payments: [],
        };
        db.transaction(() => {
          sales.insert(sale, 'h', 't', { duplicateOf: null, source: 'kiosk' });
          outbox.insert('sale', id, JSON.stringify(sale), clock);
        })();
        saleIds.push(id);
      } else if (roll < 0.6 && saleIds.length) {
        const saleId = saleIds[Math.floor(rand() * saleIds.length)]!;
        const refund: Refund = { refundId: `r${step}`, saleId, kioskId: 'k', occurredAt: '2026-11-26T11:00:00+00:00', currency: 'GBP',
          lines: [{ sku: skus[Math.floor(rand() * 4)]!, quantity: 1, amount: 100, restock: rand() < 0.7 }], payments: [] };
        db.transaction(() => {
          refunds.insert(refund, 'h', [], 't', 'kiosk');
          outbox.insert('refund', refund.refundId, JSON.stringify(refund), clock, saleId);
        })();
      } else if (roll < 0.85) {
        const row = outbox.claimDue(clock, 1)[0];
        if (row) outbox.markDone(row.id, clock);
      } else if (roll < 0.95) {
        stock.replaceSnapshot(new Map(), clock);
      } else {
        const pending = outbox.page({ status: 'pending', limit: 1, offset: 0 }).rows[0];
        if (pending) outbox.markVoided(pending.id, 'test', clock);
      }
      expect(stock.pendingBySku()).toEqual(pendingFromRows(db));
    }
    for (const sku of skus) expect(stock.pendingForSku(sku)).toBe(pendingFromRows(db).get(sku) ?? 0);
  });
});
