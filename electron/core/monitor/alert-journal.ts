import type { Db } from '../db/connection.js';
import type { AlertDeliveriesRepo } from '../db/alert-deliveries-repo.js';
import type { AlertsRepo } from '../db/alerts-repo.js';
import type { Alert, AlertJournal } from './alerts.js';

/**
 * Alerts kept in the database: the history the window shows, and (with a webhook) one message
 * written in the same transaction as each opening and resolution, sent later by WebhookSender.
 */
export class DbAlertJournal implements AlertJournal {
  constructor(
    private readonly db: Db,
    readonly alerts: AlertsRepo,
    readonly deliveries: AlertDeliveriesRepo,
    private readonly webhook: { kick(): void } | null,
  ) {}

  openKeys(): readonly string[] {
    return this.alerts.openAlerts().map((a) => a.key);
  }

  opened(key: string, alert: Alert, now: number): void {
    this.db.transaction(() => {
      const id = this.alerts.open(key, alert.title, alert.body, now);
      if (this.webhook) this.deliveries.enqueue(id, 'opened', now);
    })();
    this.webhook?.kick();
  }

  resolved(key: string, alert: Alert, now: number): void {
    this.db.transaction(() => {
      const id = this.alerts.resolve(key, now);
      if (id !== null && this.webhook) this.deliveries.enqueue(id, 'resolved', now);
    })();
    this.webhook?.kick();
  }
}
