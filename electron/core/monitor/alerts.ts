import type { Status } from '../../../shared/admin-api.js';
import { scopedLogger } from '../logging/logger.js';

const logger = scopedLogger('alerts');

export interface Alert {
  title: string;
  body: string;
}

interface Condition {
  key: string;
  active(s: Status, now: number): boolean;
  alert(s: Status, now: number): Alert;
  /** Said when it is over. */
  resolved: string;
}

/** Where opened and resolved alerts are kept (history, webhook messages), so a restart re-opens nothing. */
export interface AlertJournal {
  openKeys(): readonly string[];
  opened(key: string, alert: Alert, now: number): void;
  resolved(key: string, alert: Alert, now: number): void;
}

export interface AlertOptions {
  journal?: AlertJournal;
  /** Stok.ly unreachable this long is an alert (absent: not watched). */
  stoklyDownAfterMs?: number;
}

/** What is said when each alert is over (the window, the desktop, the webhook). */
const RESOLVED = {
  stalled: 'Sales are reaching Stok.ly again.',
  stockStale: 'Stock figures are up to date again.',
  stoklyUnreachable: 'Stok.ly answers again.',
} as const;
export const RESOLVED_TEXT: Readonly<Record<string, string>> = {
  stalled: RESOLVED.stalled,
  'stock-stale': RESOLVED.stockStale,
  'stokly-unreachable': RESOLVED.stoklyUnreachable,
};

const minutes = (ms: number): number => Math.max(1, Math.round(ms / 60_000));

/**
 * Watches the agent's status and raises an alert when something goes wrong (once, when it
 * starts) and when it is back to normal, so staff see a notification instead of finding out
 * at month end. Headless, the alert is a log line.
 */
export class AlertMonitor {
  private readonly activeKeys = new Set<string>();
  private lastOpenExceptions = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly conditions: Condition[];

  constructor(
    private readonly status: () => Status,
    private readonly notify: (alert: Alert) => void,
    private readonly clock: { now(): number },
    private readonly staleStockAfterMs: number,
    private readonly stallAfterMs: number,
    private readonly options: AlertOptions = {},
  ) {
    const startedAt = clock.now();
    for (const key of options.journal?.openKeys() ?? []) this.activeKeys.add(key);
    const downAfterMs = options.stoklyDownAfterMs;
    this.conditions = [
      {
        key: 'stalled',
        // Refunds held for their sale are not a stall: neither counted nor timed.
        active: (s) => s.health.backlog.pending - s.waitingForSale > 0 && s.health.backlog.oldestPendingAgeSeconds * 1000 > this.stallAfterMs,
        alert: (s) => ({
          title: 'Sales are not reaching Stok.ly',
          body: `${s.health.backlog.pending - s.waitingForSale} sale(s) waiting, the oldest for ${minutes(s.health.backlog.oldestPendingAgeSeconds * 1000)} min. They are safe here and will be sent when Stok.ly is reachable.`,
        }),
        resolved: RESOLVED.stalled,
      },
      {
        key: 'stock-stale',
        active: (s, now) => s.sync.stock.lastSuccessAt !== null && now - Date.parse(s.sync.stock.lastSuccessAt) > this.staleStockAfterMs,
        alert: (s, now) => ({
          title: 'Kiosk stock figures are getting old',
          body: `The last stock update from Stok.ly was ${minutes(now - Date.parse(s.sync.stock.lastSuccessAt ?? ''))} min ago${s.sync.stock.lastError ? `: ${s.sync.stock.lastError}` : ''}.`,
        }),
        resolved: RESOLVED.stockStale,
      },
      ...(downAfterMs === undefined ? [] : [{
        key: 'stokly-unreachable',
        active: (s: Status, now: number) => !s.stokly.online && now - (s.stokly.lastContactAt ? Date.parse(s.stokly.lastContactAt) : startedAt) > downAfterMs,
        alert: (s: Status, now: number) => ({
          title: 'Stok.ly cannot be reached',
          body: `No answer from Stok.ly for ${minutes(now - (s.stokly.lastContactAt ? Date.parse(s.stokly.lastContactAt) : startedAt))} min. Sales keep being taken and wait here; check the store's internet connection.`,
        }),
        resolved: RESOLVED.stoklyUnreachable,
      }]),
    ];
  }

  /** Conditions open now (stalled, stock stale…). */
  openCount(): number {
    return this.activeKeys.size;
  }

  start(intervalMs = 30_000): void {
    let failing = false;
    this.timer = setInterval(() => {
      try {
        this.check();
        failing = false;
      } catch (err) {
        // The status could not be read (database locked, disk full): /health says so; try next time.
        if (!failing) logger.warn(`alert check failed: ${(err as Error).message}; retrying`);
        failing = true;
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  check(): Alert[] {
    const s = this.status();
    const now = this.clock.now();
    const raised: Alert[] = [];
    for (const c of this.conditions) {
      const on = c.active(s, now);
      if (on && !this.activeKeys.has(c.key)) {
        this.activeKeys.add(c.key);
        const alert = c.alert(s, now);
        this.options.journal?.opened(c.key, alert, now);
        raised.push(alert);
      } else if (!on && this.activeKeys.delete(c.key)) {
        const alert = { title: 'Back to normal', body: c.resolved };
        this.options.journal?.resolved(c.key, alert, now);
        raised.push(alert);
      }
    }
    const open = s.exceptions.open;
    if (open > this.lastOpenExceptions) {
      raised.push({ title: `${open} item(s) need you`, body: 'Open Shelfbridge → Needs attention: each says why and what fixes it.' });
    }
    this.lastOpenExceptions = open;
    for (const a of raised) {
      logger.warn(`${a.title}: ${a.body}`);
      this.notify(a);
    }
    return raised;
  }
}
