import type { Db } from './connection.js';

/** What the intake knows of each Cloudshelf order, and which need Stok.ly's reference written back. */
export class CloudshelfOrdersRepo {
  constructor(private readonly db: Db) {}

  seen(orderId: string, status: string, saleId: string | null, updatedAt: string, now: number): void {
    this.db.prepare(`INSERT INTO cloudshelf_orders (order_id, status, sale_id, updated_at, seen_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, sale_id = COALESCE(excluded.sale_id, sale_id),
                       updated_at = excluded.updated_at, seen_at = excluded.seen_at`).run(orderId, status, saleId, updatedAt, now);
  }

  /** Sales posted to Stok.ly that carry a Cloudshelf order id not yet told Stok.ly's reference. */
  awaitingWriteBack(limit: number): Array<{ orderId: string; saleId: string; remoteId: string }> {
    return this.db
      .prepare<[number], { order_id: string; sale_id: string; remote_id: string }>(
        `SELECT s.cloudshelf_order_id AS order_id, s.sale_id, o.remote_id FROM sales s
           JOIN outbox o ON o.kind = 'sale' AND o.ref = s.sale_id AND o.status = 'done' AND o.remote_id IS NOT NULL
          WHERE s.cloudshelf_order_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM cloudshelf_orders c WHERE c.order_id = s.cloudshelf_order_id AND c.written_back_at IS NOT NULL)
          LIMIT ?`,
      )
      .all(limit)
      .map((r) => ({ orderId: r.order_id, saleId: r.sale_id, remoteId: r.remote_id }));
  }

  writtenBack(orderId: string, saleId: string, thirdPartyId: string, now: number): void {
    this.db.prepare(`INSERT INTO cloudshelf_orders (order_id, status, sale_id, updated_at, seen_at, third_party_id, written_back_at)
                     VALUES (?, 'PAID', ?, '', ?, ?, ?)
                     ON CONFLICT (order_id) DO UPDATE SET third_party_id = excluded.third_party_id, written_back_at = excluded.written_back_at`)
      .run(orderId, saleId, now, thirdPartyId, now);
  }
}
