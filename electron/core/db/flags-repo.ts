import type { FlagState } from '../../../shared/flags-api.js';
import type { Db } from './connection.js';

export interface FlagFilter {
  flag: string | null;
  /** [from, to) in ms, on when the flag was raised. */
  from: number | null;
  to: number | null;
  state: FlagState;
}

export interface FlagRow {
  id: number;
  saleId: string;
  kioskId: string | null;
  flag: string;
  sku: string | null;
  detail: string;
  createdAt: number;
  acknowledged: { by: string; at: number; note: string | null } | null;
}

interface RawFlag {
  id: number;
  sale_id: string;
  kiosk_id: string | null;
  flag: string;
  sku: string | null;
  detail: string;
  created_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  acknowledged_note: string | null;
}

const fromRaw = (r: RawFlag): FlagRow => ({
  id: r.id, saleId: r.sale_id, kioskId: r.kiosk_id, flag: r.flag, sku: r.sku, detail: r.detail, createdAt: r.created_at,
  acknowledged: r.acknowledged_at !== null && r.acknowledged_by !== null ? { by: r.acknowledged_by, at: r.acknowledged_at, note: r.acknowledged_note } : null,
});

/** The WHERE of a filter (by day through sale_flags_by_time, by kind through sale_flags_by_flag). */
function where(f: FlagFilter, withFlag: boolean): { clause: string; params: Record<string, string | number> } {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  if (withFlag && f.flag !== null) {
    parts.push('f.flag = @flag');
    params.flag = f.flag;
  }
  if (f.from !== null && f.to !== null) {
    parts.push('f.created_at >= @from AND f.created_at < @to');
    params.from = f.from;
    params.to = f.to;
  }
  if (f.state === 'open') parts.push('f.acknowledged_at IS NULL');
  if (f.state === 'acknowledged') parts.push('f.acknowledged_at IS NOT NULL');
  return { clause: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Flags raised on accepted sales, for staff lists and counts; acknowledged by a person. */
export class FlagsRepo {
  constructor(private readonly db: Db) {}

  /** All time, every sale (the status' figures). */
  counts(): Record<string, number> {
    const rows = this.db.prepare<[], { flag: string; n: number }>('SELECT flag, COUNT(*) AS n FROM sale_flags GROUP BY flag').all();
    return Object.fromEntries(rows.map((r) => [r.flag, r.n]));
  }

  /** One page, newest first, with the count of every match and the per-kind counts of the same day and state. */
  page(filter: FlagFilter, limit: number, offset: number): { items: FlagRow[]; total: number; more: boolean; counts: Record<string, number> } {
    const listed = where(filter, true);
    const rows = this.db
      .prepare<Record<string, string | number>, RawFlag>(
        `SELECT f.*, s.kiosk_id FROM sale_flags f LEFT JOIN sales s ON s.sale_id = f.sale_id ${listed.clause}
          ORDER BY f.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...listed.params, limit: limit + 1, offset });
    const total = this.db.prepare<Record<string, string | number>, { n: number }>(`SELECT COUNT(*) AS n FROM sale_flags f ${listed.clause}`).get(listed.params)?.n ?? 0;
    const kinds = where(filter, false);
    const counts = Object.fromEntries(
      this.db.prepare<Record<string, string | number>, { flag: string; n: number }>(`SELECT f.flag, COUNT(*) AS n FROM sale_flags f ${kinds.clause} GROUP BY f.flag`)
        .all(kinds.params).map((r) => [r.flag, r.n]),
    );
    return { items: rows.slice(0, limit).map(fromRaw), total, more: rows.length > limit, counts };
  }

  get(id: number): FlagRow | undefined {
    const r = this.db.prepare<[number], RawFlag>('SELECT f.*, s.kiosk_id FROM sale_flags f LEFT JOIN sales s ON s.sale_id = f.sale_id WHERE f.id = ?').get(id);
    return r && fromRaw(r);
  }

  /** Marks a flag looked at; false when it does not exist or was already acknowledged (the first name stays). */
  acknowledge(id: number, by: string, note: string | null, now: number): boolean {
    return this.db
      .prepare('UPDATE sale_flags SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_note = ? WHERE id = ? AND acknowledged_at IS NULL')
      .run(now, by, note, id).changes === 1;
  }
}
