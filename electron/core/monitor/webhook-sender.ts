import type { Clock } from '../clock.js';
import type { AlertDeliveriesRepo } from '../db/alert-deliveries-repo.js';
import type { AlertsRepo } from '../db/alerts-repo.js';
import { scopedLogger } from '../logging/logger.js';
import { retryPolicy, type RetryPolicy } from '../retry-policy.js';
import { webhookMessage, type WebhookFormat } from './webhook-message.js';

const logger = scopedLogger('webhook');

export interface WebhookSenderDeps {
  alerts: AlertsRepo;
  deliveries: AlertDeliveriesRepo;
  clock: Clock;
  storeId: string;
  url: string;
  format: WebhookFormat;
  timeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** The text said when an alert resolves, by alert key. */
  resolvedText(key: string): string;
  random?: () => number;
}

/**
 * Posts alert messages to the webhook, oldest first, one at a time, from the table they were
 * written to with the alert. A failing receiver is retried with backoff; it never holds up a
 * sale (nothing here is on the sales path, and each POST has a timeout).
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  private readonly retry: RetryPolicy;

  constructor(private readonly deps: WebhookSenderDeps) {
    // Never sooner than the base: a receiver that just failed is not asked again at once.
    this.retry = retryPolicy({ baseMs: deps.backoffBaseMs, capMs: deps.backoffCapMs, minMs: deps.backoffBaseMs }, deps.random);
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** A new message was written: try now (or when the current attempt finishes). */
  kick(): void {
    if (this.stopped) return;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async drain(): Promise<void> {
    const { deliveries, alerts, clock } = this.deps;
    while (!this.stopped) {
      const next = deliveries.firstWaiting();
      if (!next) return;
      const now = clock.now();
      if (next.nextAttemptAt > now) {
        this.wakeAt(next.nextAttemptAt - now);
        return;
      }
      const alert = alerts.get(next.alertId);
      if (!alert) {
        deliveries.failed(next.id, 'alert missing', Number.MAX_SAFE_INTEGER);
        continue;
      }
      const message = webhookMessage(this.deps.format, this.deps.storeId, alert, next.event, this.deps.resolvedText(alert.key));
      const error = await this.post(message);
      if (error === null) {
        deliveries.delivered(next.id, clock.now());
        logger.info(`webhook: alert ${alert.id} (${alert.key}) ${next.event} delivered`);
      } else {
        const wait = this.retry.delay(next.attempts);
        deliveries.failed(next.id, error, clock.now() + wait);
        logger.warn(`webhook: alert ${alert.id} ${next.event} not delivered (${error}); trying again in ${Math.ceil(wait / 1000)} s`);
        this.wakeAt(wait);
        return;
      }
    }
  }

  private wakeAt(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, Math.min(ms, 2 ** 31 - 1));
    this.timer.unref();
  }

  /** null when the receiver took it (2xx), else why not. */
  private async post(message: unknown): Promise<string | null> {
    try {
      const res = await fetch(this.deps.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return cause ?? (err as Error).message;
    }
  }
}
