import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PushReport } from '../cloudshelf/push.js';
import type { SendResult } from '../outbox/send-result.js';
import type { StoklyRequestTiming } from '../stokly/client.js';

/** Figures the gauges read at scrape time (each scrape reads the database once per figure). */
export interface MetricSources {
  outbox(): { pending: number; exceptions: number; oldestPendingAgeSeconds: number };
  stoklyUp(): boolean;
  /** Epoch ms of the last successful pull, or null if never. */
  lastSuccessAt(job: 'stock' | 'catalog' | 'cloudshelf'): number | null;
  alertsOpen(): number;
  /** Cloudshelf entities Cloudshelf refused and not since accepted; null without Cloudshelf. */
  cloudshelfIssuesOpen(): number | null;
  reconciliation(): ReconciliationFigures;
}

export interface ReconciliationFigures {
  /** Reports of the last seven trading days by status (latest version of each day). */
  daysByStatus: Record<'provisional' | 'balanced' | 'variance', number>;
  /** Stok.ly minus kiosk, minor units, of the latest closed day's report; null if none. */
  latestClosedVariance: number | null;
}

type PushKind = 'product' | 'variant' | 'stock_level';

/**
 * The agent's Prometheus metrics, in a registry of its own (several agents share one test
 * process). Labels stay bounded: results, outcomes, kinds, never a sale id or SKU.
 */
export class AgentMetrics {
  readonly registry = new Registry();
  private readonly sends: Counter<'result'>;
  private readonly stoklyRequests: Histogram<'outcome'>;
  private readonly pushed: Counter<'kind' | 'result'>;
  private watching = false;

  constructor(info: { version: string; storeId: string }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'shelfbridge_build_info', help: 'The running agent: version and store (always 1).', labelNames: ['version', 'store'], registers })
      .set({ version: info.version, store: info.storeId }, 1);
    this.sends = new Counter({ name: 'shelfbridge_sends_total', help: 'Sends of sales and refunds to Stok.ly by result.', labelNames: ['result'], registers });
    for (const result of ['done', 'retry', 'rate_limited', 'permanent'] satisfies Array<SendResult['type']>) this.sends.inc({ result }, 0);
    this.stoklyRequests = new Histogram({
      name: 'shelfbridge_stokly_request_duration_seconds',
      help: 'Time to an answer from Stok.ly (or to giving up), by outcome.',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers,
    });
    this.pushed = new Counter({
      name: 'shelfbridge_cloudshelf_pushed_total',
      help: 'Entities pushed to Cloudshelf by kind and whether Cloudshelf accepted them.',
      labelNames: ['kind', 'result'],
      registers,
    });
  }

  countSend(result: SendResult['type']): void {
    this.sends.inc({ result });
  }

  observeStoklyRequest(timing: StoklyRequestTiming): void {
    this.stoklyRequests.observe({ outcome: timing.outcome }, timing.seconds);
  }

  countPush(kind: PushKind, accepted: number, rejected: number): void {
    if (accepted) this.pushed.inc({ kind, result: 'accepted' }, accepted);
    if (rejected) this.pushed.inc({ kind, result: 'rejected' }, rejected);
  }

  countPushReport(report: Pick<PushReport, 'products' | 'variants' | 'stockLevels'>): void {
    this.countPush('product', report.products.accepted, report.products.rejected);
    this.countPush('variant', report.variants.accepted, report.variants.rejected);
    this.countPush('stock_level', report.stockLevels.accepted, report.stockLevels.rejected);
  }

  /** The gauges, read from the agent at each scrape. Call once, when the agent's parts exist. */
  watch(src: MetricSources): void {
    if (this.watching) throw new Error('metrics already watch an agent');
    this.watching = true;
    const registers = [this.registry];
    const seconds = (ms: number | null): number => (ms === null ? 0 : ms / 1000);
    const gauge = (name: string, help: string, read: () => number): void => {
      new Gauge({ name, help, registers, collect() { this.set(read()); } });
    };
    gauge('shelfbridge_outbox_pending', 'Sales and refunds accepted from kiosks, not yet in Stok.ly.', () => src.outbox().pending);
    gauge('shelfbridge_outbox_oldest_pending_age_seconds', 'Age of the oldest sale that should be reaching Stok.ly (refunds waiting for their sale excluded); 0 if none.', () => src.outbox().oldestPendingAgeSeconds);
    gauge('shelfbridge_outbox_exceptions', 'Sales and refunds waiting for a person (Needs attention).', () => src.outbox().exceptions);
    gauge('shelfbridge_stokly_up', '1 if the last request reached Stok.ly, else 0.', () => (src.stoklyUp() ? 1 : 0));
    gauge('shelfbridge_stock_last_success_timestamp_seconds', 'When the last stock pull succeeded (Unix time; 0 if never).', () => seconds(src.lastSuccessAt('stock')));
    gauge('shelfbridge_catalog_last_success_timestamp_seconds', 'When the last catalogue pull succeeded (Unix time; 0 if never).', () => seconds(src.lastSuccessAt('catalog')));
    gauge('shelfbridge_alerts_open', 'Alerts open now (the same ones the webhook and the window report).', () => src.alertsOpen());
    if (src.cloudshelfIssuesOpen() !== null) {
      gauge('shelfbridge_cloudshelf_push_last_success_timestamp_seconds', 'When the last Cloudshelf push succeeded (Unix time; 0 if never).', () => seconds(src.lastSuccessAt('cloudshelf')));
      gauge('shelfbridge_cloudshelf_issues_open', 'Products, variants or stock levels Cloudshelf refused and has not since accepted.', () => src.cloudshelfIssuesOpen() ?? 0);
    }
    new Gauge({
      name: 'shelfbridge_reconciliation_reports',
      help: 'Trading days of the last week, counted by the status of their latest reconciliation report.',
      labelNames: ['status'],
      registers,
      collect() {
        for (const [status, n] of Object.entries(src.reconciliation().daysByStatus)) this.set({ status }, n);
      },
    });
    gauge('shelfbridge_reconciliation_latest_variance_minor_units', 'Stok.ly minus kiosk takings of the latest closed day, in minor units (0 if balanced or none).', () => src.reconciliation().latestClosedVariance ?? 0);
  }

  /** Prometheus text exposition format. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
