import type { FastifyInstance } from 'fastify';
import type { Status } from '../../../shared/admin-api.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { RouteModule } from '../http/typed-app.js';
import type { Db } from '../db/connection.js';
import { AlertDeliveriesRepo } from '../db/alert-deliveries-repo.js';
import { AlertsRepo } from '../db/alerts-repo.js';
import { DbAlertJournal } from './alert-journal.js';
import { alertList, alertRoutes } from './alert-routes.js';
import { AlertMonitor, RESOLVED_TEXT, type Alert } from './alerts.js';
import { WebhookSender } from './webhook-sender.js';
import type { ExceptionsRepo } from '../db/exceptions-repo.js';
import { StatsRepo } from '../db/stats-repo.js';
import { buildSupportBundle } from './support-bundle.js';
import { supportBundleRoutes } from './support-bundle-routes.js';
import type { AgentMetrics, MetricSources } from './metrics.js';
import { metricsRoutes, startMetricsServer } from './metrics-routes.js';
import { socketLimits } from '../http/socket-limits.js';

export interface MonitoringDeps {
  config: Config;
  db: Db;
  exceptions: ExceptionsRepo;
  version: string;
  /** Secrets held outside the configuration, kept out of the support bundle's logs. */
  extraSecrets: readonly string[];
  clock: Clock;
  metrics: AgentMetrics;
  adminToken: string;
  status: () => Status;
  sources: Omit<MetricSources, 'alertsOpen'>;
  /** Desktop notifications (the Electron shell). */
  onAlert: (alert: Alert) => void;
}

export interface Monitoring {
  /** For the admin server: /metrics behind the admin token. */
  adminRoutes: RouteModule[];
  /** The LAN metrics listener's URL, if metrics.host/port is configured. */
  metricsUrl: string | null;
  /** Checks the alert conditions now (tests; the timer does it every alerts.checkIntervalSeconds). */
  checkAlerts(): Alert[];
  /** Starts watching for alerts and sending webhook messages (once the agent serves). */
  start(): void;
  stop(): Promise<void>;
}

/** Metrics for Prometheus and the agent's own alerts: what head office sees of this store. */
export async function startMonitoring(deps: MonitoringDeps): Promise<Monitoring> {
  const { config } = deps;
  const alertsRepo = new AlertsRepo(deps.db);
  const deliveries = new AlertDeliveriesRepo(deps.db);
  const hook = config.alerts.webhook;
  const sender = hook
    ? new WebhookSender({
        alerts: alertsRepo, deliveries, clock: deps.clock, storeId: config.storeId,
        url: hook.url, format: hook.format, timeoutMs: hook.timeoutMs, backoffBaseMs: hook.backoffBaseMs, backoffCapMs: hook.backoffCapMs,
        resolvedText: (key) => RESOLVED_TEXT[key] ?? 'Back to normal.',
      })
    : null;
  const journal = new DbAlertJournal(deps.db, alertsRepo, deliveries, sender);
  const alerts = new AlertMonitor(deps.status, deps.onAlert, deps.clock, config.sync.staleAfterSeconds * 1000, config.outbox.stallAfterSeconds * 1000, {
    journal,
    stoklyDownAfterMs: config.alerts.stoklyDownAfterSeconds * 1000,
  });
  deps.metrics.watch({ ...deps.sources, alertsOpen: () => alerts.openCount() });
  let server: FastifyInstance | null = null;
  let metricsUrl: string | null = null;
  if (config.metrics) {
    server = await startMetricsServer(deps.metrics, { ...config.metrics, sockets: socketLimits(config), failedAuthPerMinute: config.sockets.failedAuthPerMinute });
    const address = server.server.address();
    const host = config.metrics.host === '0.0.0.0' || config.metrics.host === '::' ? '127.0.0.1' : config.metrics.host;
    if (address && typeof address === 'object') metricsUrl = `http://${host}:${address.port}/metrics`;
  }
  return {
    adminRoutes: [
      metricsRoutes(deps.metrics, deps.adminToken),
      alertRoutes((limit) => alertList(alertsRepo, deliveries, { webhookConfigured: sender !== null, limit })),
      supportBundleRoutes(
        () => buildSupportBundle({
          config, version: deps.version, status: deps.status, alerts: alertsRepo, exceptions: deps.exceptions, stats: new StatsRepo(deps.db),
          extraSecrets: [deps.adminToken, ...deps.extraSecrets], now: () => deps.clock.now(),
        }),
        () => `shelfbridge-support-${config.storeId}-${new Date(deps.clock.now()).toISOString().replace(/[:.]/g, '-')}.zip`,
      ),
    ],
    metricsUrl,
    checkAlerts: () => alerts.check(),
    start: () => {
      alerts.start(config.alerts.checkIntervalSeconds * 1000);
      sender?.start();
    },
    stop: async () => {
      alerts.stop();
      await sender?.stop();
      await server?.close();
    },
  };
}
