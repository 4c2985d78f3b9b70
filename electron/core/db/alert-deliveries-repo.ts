import type { Db } from './connection.js';

export type AlertEvent = 'opened' | 'resolved';

export interface DeliveryRow {
  id: number;
  alertId: number;
  event: AlertEvent;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  lastError: string | null;
}

interface Raw { id: number; alert_id: number; event: AlertEvent; attempts: number; next_attempt_at: number; delivered_at: number | null; last_error: string | null }
const fromRaw = (r: Raw): DeliveryRow => ({
  id: r.id, alertId: r.alert_id, event: r.event, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, deliveredAt: r.delivered_at, lastError: r.last_error,
});

/** Every read and write of alert_deliveries: one webhook message per alert opening or resolution. */
export class AlertDeliveriesRepo {
  constructor(private readonly db: Db) {}

  /** At most one per alert and event, whatever happens (the unique pair). */
  enqueue(alertId: number, event: AlertEvent, now: number): void {
    this.db.prepare('INSERT OR IGNORE INTO alert_deliveries (alert_id, event, next_attempt_at) VALUES (?, ?, ?)').run(alertId, event, now);
  }

  /** The oldest undelivered message: messages go in order, so a resolution never overtakes its opening. */
  firstWaiting(): DeliveryRow | undefined {
    const r = this.db.prepare<[], Raw>('SELECT * FROM alert_deliveries WHERE delivered_at IS NULL ORDER BY id LIMIT 1').get();
    return r && fromRaw(r);
  }

  delivered(id: number, now: number): void {
    this.db.prepare('UPDATE alert_deliveries SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?').run(now, id);
  }

  failed(id: number, error: string, nextAttemptAt: number): void {
    this.db.prepare('UPDATE alert_deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?').run(error.slice(0, 500), nextAttemptAt, id);
  }

  forAlerts(alertIds: readonly number[]): DeliveryRow[] {
    if (alertIds.length === 0) return [];
    return this.db
      .prepare<number[], Raw>(`SELECT * FROM alert_deliveries WHERE alert_id IN (${alertIds.map(() => '?').join(', ')}) ORDER BY id`)
      .all(...alertIds)
      .map(fromRaw);
  }
}
