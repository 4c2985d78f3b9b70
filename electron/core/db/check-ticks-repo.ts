import type { Db } from './connection.js';

export interface CheckTick {
  checkId: string;
  period: string;
  by: string;
  note: string | null;
  at: number;
}

/** Ticks of the handbook's checks (migration 0130), append-only: the latest per check and period counts. */
export class CheckTicksRepo {
  constructor(private readonly db: Db) {}

  add(t: CheckTick): void {
    this.db
      .prepare('INSERT INTO check_ticks (check_id, period, ticked_by, note, ticked_at) VALUES (?, ?, ?, ?, ?)')
      .run(t.checkId, t.period, t.by, t.note, t.at);
  }

  /** The latest tick of each check for these periods (a day and its month). */
  latestFor(periods: readonly string[]): CheckTick[] {
    if (periods.length === 0) return [];
    const rows = this.db
      .prepare<string[], { check_id: string; period: string; ticked_by: string; note: string | null; ticked_at: number }>(
        `SELECT t.* FROM check_ticks t
          WHERE t.period IN (${periods.map(() => '?').join(', ')})
            AND t.id = (SELECT MAX(x.id) FROM check_ticks x WHERE x.period = t.period AND x.check_id = t.check_id)`,
      )
      .all(...periods);
    return rows.map((r) => ({ checkId: r.check_id, period: r.period, by: r.ticked_by, note: r.note, at: r.ticked_at }));
  }
}
