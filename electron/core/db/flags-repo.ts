import type { SaleFlagItem } from '../../../shared/admin-api.js';
import type { Db } from './connection.js';

/** Flags raised on accepted sales, for staff lists and counts. */
export class FlagsRepo {
  constructor(private readonly db: Db) {}

  counts(): Record<string, number> {
    const rows = this.db.prepare<[], { flag: string; n: number }>('SELECT flag, COUNT(*) AS n FROM sale_flags GROUP BY flag').all();
    return Object.fromEntries(rows.map((r) => [r.flag, r.n]));
  }

  list(q: { flag?: string | undefined; limit: number; offset: number }): SaleFlagItem[] {
    const where = q.flag ? 'WHERE flag = @flag' : '';
    return this.db
      .prepare<Record<string, unknown>, { id: number; sale_id: string; flag: string; sku: string | null; detail: string; created_at: number }>(
        `SELECT * FROM sale_flags ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ flag: q.flag, limit: q.limit, offset: q.offset })
      .map((r) => ({ id: r.id, saleId: r.sale_id, flag: r.flag, sku: r.sku, detail: r.detail, createdAt: new Date(r.created_at).toISOString() }));
  }
}
