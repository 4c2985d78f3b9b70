import type { Status } from '../../../shared/admin-api.js';
import type { Health } from '../../../shared/kiosk-api.js';
import { isoOrNull as iso } from '../../../shared/time.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { OutboxCounts } from '../db/outbox-repo.js';
import type { Store } from '../db/store.js';
import type { RouteModule } from '../http/typed-app.js';
import type { Signals } from '../signals.js';
import type { StoklyClient, StoklyRequestTiming } from '../stokly/client.js';
import type { Alert } from './alerts.js';
import { ConnectivityProbe } from './connectivity.js';
import { computeHealth } from './health.js';
import { AgentMetrics, type ReconciliationFigures } from './metrics.js';
import { startMonitoring } from './monitoring.js';
import { statusAnswer } from './status.js';

export type HealthReporter = (counts?: OutboxCounts | null) => Health;

/** The kiosk-facing health, from the outbox, Stok.ly's reachability, the last pulls and whether sales are taken. */
export function healthReporter(deps: { config: Config; store: Store; stokly: StoklyClient; clock: Clock; version: string; accepting(): boolean }): HealthReporter {
  const { store } = deps;
  // /health answers even when the database cannot be read: that is when it matters most.
  const readOr = <T>(read: () => T, fallback: T): T => {
    try {
      const value = read();
      store.storage.stepSucceeded('health');
      return value;
    } catch (err) {
      store.storage.stepFailed('health', err);
      return fallback;
    }
  };
  return (counts = readOr<OutboxCounts | null>(() => store.outbox.counts(), null)) =>
    computeHealth({
      version: deps.version,
      counts,
      online: deps.stokly.online,
      now: deps.clock.now(),
      stallAfterSeconds: deps.config.outbox.stallAfterSeconds,
      accepting: deps.accepting(),
      storageDown: store.storage.downReason,
      lastStockSyncAt: readOr(() => iso(store.runs.get('stock').lastSuccessAt), null),
      lastCatalogSyncAt: readOr(() => iso(store.runs.get('catalog').lastSuccessAt), null),
    });
}

export interface MetricsFeatureDeps {
  config: Config;
  version: string;
  stokly: StoklyClient;
  signals: Signals;
}

/** The Prometheus metrics: started first, so the first Stok.ly request and send are counted. */
export function startMetrics(deps: MetricsFeatureDeps): { metrics: AgentMetrics; stop(): void } {
  const metrics = new AgentMetrics({ version: deps.version, storeId: deps.config.storeId });
  const observe = (timing: StoklyRequestTiming): void => metrics.observeStoklyRequest(timing);
  deps.stokly.on('request', observe);
  const unsubscribe = [
    deps.signals.on('sent', (_row, result) => metrics.countSend(result.type)),
    deps.signals.on('cloudshelfPushed', (report) => metrics.countPushReport(report)),
  ];
  return {
    metrics,
    stop: () => {
      deps.stokly.off('request', observe);
      unsubscribe.forEach((off) => off());
    },
  };
}

export interface MonitorFeatureDeps {
  config: Config;
  store: Store;
  stokly: StoklyClient;
  clock: Clock;
  version: string;
  metrics: AgentMetrics;
  adminToken: string;
  health: HealthReporter;
  kioskUrl: string;
  /** Open Cloudshelf push issues; null without Cloudshelf. */
  cloudshelfIssues(): number | null;
  /** The last week's reconciliation, or null when reconciliation is off. */
  reconciliationFigures: (() => ReconciliationFigures) | null;
  /** Desktop notifications (the Electron shell); headless, alerts are log lines only. */
  onAlert(alert: Alert): void;
  /** Secrets not in the configuration (Stok.ly, Cloudshelf keys): kept out of support bundles. */
  extraSecrets: readonly string[];
}

export interface MonitorFeature {
  status(): Status;
  /** For the admin server: /metrics behind the admin token. */
  adminRoutes: RouteModule[];
  /** The LAN metrics listener's URL, if metrics.host/port is configured. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

const NO_RECONCILIATION: ReconciliationFigures = { daysByStatus: { provisional: 0, balanced: 0, variance: 0 }, latestClosedVariance: null };

/** The status answer, the alerts and metrics read from it, and the probe that keeps "online" true to life. */
export async function startMonitor(deps: MonitorFeatureDeps): Promise<MonitorFeature> {
  const { config, store, stokly, clock } = deps;
  const status = (): Status => {
    // One count of the outbox serves both (the window polls this every few seconds).
    const counts = store.outbox.counts();
    return statusAnswer({
      storeId: config.storeId,
      version: deps.version,
      now: clock.now(),
      kioskUrl: deps.kioskUrl,
      counts,
      waitingForSale: store.outbox.countWaitingForSale(),
      health: deps.health(counts),
      stokly: { online: stokly.online, lastContact: stokly.lastContact, pausedUntil: stokly.gate.pausedUntil() },
      runs: { stock: store.runs.get('stock'), catalog: store.runs.get('catalog'), cloudshelf: config.cloudshelf ? store.runs.get('cloudshelf') : null },
      flags: store.flags.counts(),
      openExceptions: store.exceptions.countOpen(),
      cloudshelfIssues: deps.cloudshelfIssues() ?? 0,
    });
  };
  const monitoring = await startMonitoring({
    config, db: store.db, exceptions: store.exceptions, version: deps.version, extraSecrets: deps.extraSecrets, clock, metrics: deps.metrics, adminToken: deps.adminToken, status, onAlert: deps.onAlert,
    sources: {
      outbox: () => {
        const h = deps.health();
        return { pending: h.backlog.pending, exceptions: h.backlog.exceptions, oldestPendingAgeSeconds: h.backlog.oldestPendingAgeSeconds };
      },
      stoklyUp: () => stokly.online,
      lastSuccessAt: (job) => store.runs.get(job).lastSuccessAt,
      cloudshelfIssuesOpen: deps.cloudshelfIssues,
      reconciliation: deps.reconciliationFigures ?? (() => NO_RECONCILIATION),
    },
  });
  const probe = new ConnectivityProbe(stokly, config.stokly.locationId, clock);
  probe.start();
  monitoring.start();
  return {
    status,
    adminRoutes: monitoring.adminRoutes,
    metricsUrl: monitoring.metricsUrl,
    stop: async () => {
      probe.stop();
      await monitoring.stop();
    },
  };
}
