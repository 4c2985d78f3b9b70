import type { Status } from '../../shared/admin-api.js';
import { startAdminApi } from './admin/feature.js';
import { AgentMarker } from './backup/agent-lock.js';
import { startBackups } from './backup/daily.js';
import { adminToken } from './admin/token.js';
import type { Agent, AgentOptions } from './agent.js';
import { startCatalogue } from './catalog/feature.js';
import { startEndlessAisle } from './endless-aisle/index.js';
import { systemClock } from './clock.js';
import type { Config, Secrets } from './config.js';
import { openStore } from './db/store.js';
import { openWhenPossible } from './storage/open-when-possible.js';
import { privateDir } from './storage/private-files.js';
import type { SyncKind } from './db/sync-runs-repo.js';
import { startExceptions } from './exceptions/feature.js';
import { RunningFeatures } from './features/running.js';
import { EventHub } from './kiosk/event-hub.js';
import { startKioskApi } from './kiosk/feature.js';
import { startIntake } from './kiosk/intake.js';
import { configureLogging, loggingOptions, scopedLogger } from './logging/logger.js';
import { healthReporter, startMetrics, startMonitor } from './monitor/feature.js';
import { startOutbox } from './outbox/feature.js';
import { Scheduler } from './schedule.js';
import { Signals } from './signals.js';
import { startStock } from './stock/feature.js';
import { startStokly } from './stokly/feature.js';
import { tenderResolver } from './tenders.js';
import { agentVersion } from './version.js';

export type { Agent, AgentOptions } from './agent.js';

const logger = scopedLogger('agent');

/** Composition root: the features in the order they need each other; stopped in reverse. */
export async function startAgent(config: Config, secrets: Secrets, options: AgentOptions = {}): Promise<Agent> {
  // Optional features are imported only when configured, and before anything starts running.
  const [cloudshelfModule, reconciliationModule, monthEndModule] = await Promise.all([
    config.cloudshelf && secrets.cloudshelfApiKey ? import('./cloudshelf/feature.js') : null,
    config.reconciliation.enabled ? import('./reconcile/feature.js') : null,
    config.reconciliation.enabled ? import('./month-end/index.js') : null,
  ]);
  const onAlert = options.onAlert ?? ((): void => {});
  const clock = options.clock ?? systemClock;
  const version = agentVersion();
  privateDir(config.dataDir);
  configureLogging(loggingOptions(config, { version, console: options.logConsole ?? true }));
  const running = new RunningFeatures();
  // First in, last out: `restore` sees the agent as running until its database is closed.
  const marker = running.add(new AgentMarker(config.dataDir));
  // A full disk or a locked database at start: wait and retry rather than exit into a restart loop.
  const store = running.add(await openWhenPossible(() => openStore(config, () => clock.now())));
  const scheduler = running.add(new Scheduler());
  const signals = new Signals();
  const hub = new EventHub();
  const tenders = tenderResolver(config, store.mappings);
  try {
    const stokly = running.add(startStokly({ config, secrets, clock })).client;
    const base = { config, store, stokly, scheduler, signals, clock };
    const { metrics } = running.add(startMetrics({ config, version, stokly, signals }));
    const endlessAisle = running.add(startEndlessAisle({ ...base, secrets }));
    const exceptions = running.add(startExceptions({ ...base, tenders, setDelivery: endlessAisle.setDelivery })).service;
    const reconciliation = reconciliationModule ? running.add(reconciliationModule.startReconciliation({ ...base, tenders })) : null;
    // Before the stock schedule: its first pull (at once) measures stock movements. The status
    // is read (from the monitor, started below) only when the window asks for the checklist.
    const monthEnd = reconciliation && monthEndModule ? running.add(monthEndModule.startMonthEnd({
      db: store.db, reconciler: reconciliation.reconciler, audit: store.audit, exceptions: store.exceptions, clock, storeId: config.storeId,
      movementAlertUnits: config.stock.movementAlertUnits, remindAfterHour: config.checks.remindAfterHour, status: (): Status => monitor.status(), notify: onAlert,
    })) : null;
    const { availability } = running.add(startStock({ ...base, hub, movements: monthEnd?.movements, endlessAisle }));
    running.add(startCatalogue({ ...base, hub }));
    const intake = running.add(startIntake({ store, availability, exceptions, tenders, signals, clock, endlessAisle }));
    const cloudshelf = cloudshelfModule && config.cloudshelf && secrets.cloudshelfApiKey
      ? running.add(cloudshelfModule.startCloudshelf({ ...base, config: config.cloudshelf, retry: config.retry.cloudshelf, apiKey: secrets.cloudshelfApiKey, stock: availability, intake, exceptions }))
      : null;
    const health = healthReporter({ config, store, stokly, clock, version, accepting: intake.accepting });
    const kiosk = running.add(await startKioskApi({ config, store, intake, availability, hub, stokly, health, clock }));
    const token = adminToken(config.dataDir, config.adminApi.token);
    const monitor = running.add(await startMonitor({
      config, store, stokly, clock, version, metrics, adminToken: token, health, kioskUrl: kiosk.url, onAlert,
      cloudshelfIssues: () => cloudshelf?.pusher.openIssueCount() ?? null, reconciliationFigures: reconciliation?.figures ?? null,
      extraSecrets: [secrets.stoklySecretKey, secrets.cloudshelfApiKey ?? ''],
    }));
    const sync = (job: SyncKind): Promise<void> => scheduler.runNow(job);
    const admin = running.add(await startAdminApi({
      config, store, exceptions, signals, hub, clock, token, status: monitor.status, sync, uiDir: options.uiDir ?? null, featureRoutes: [...monitor.adminRoutes, ...kiosk.adminRoutes],
      maskedDelivery: endlessAisle.maskedDelivery, customerData: endlessAisle.customerData,
      cloudshelfIssues: cloudshelf ? (since) => cloudshelf.pusher.listRecentIssues(since) : null,
      reconciliationRoutes: reconciliation && monthEnd ? [...reconciliation.adminRoutes, monthEnd.routes] : null,
    }));
    const { runner } = running.add(startOutbox({ ...base, tenders, random: options.random, delivery: endlessAisle.delivery }));
    marker.mark();
    const backups = running.add(startBackups({ db: store.db, dataDir: config.dataDir, scheduler, settings: config.backup, clock }));
    logger.info(`Shelfbridge ${version} for store ${config.storeId}: kiosk API ${kiosk.url}, admin ${admin.url}, data ${config.dataDir}`);

    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> => (stopping ??= (async () => {
      intake.stop();
      hub.closeAll(); // event streams (kiosks, window) end, so both servers can close
      logger.info('stopping: no new sales accepted; finishing what is in flight');
      await running.stopAll();
      logger.info('stopped cleanly');
    })());
    return {
      config, kioskUrl: kiosk.url, adminUrl: admin.url, adminToken: token, metricsUrl: monitor.metricsUrl, db: store.db, outbox: store.outbox, runner, stokly,
      availability, events: hub, exceptions, reconciler: reconciliation?.reconciler ?? null, backups, endlessAisle, status: monitor.status, sync, stop,
    };
  } catch (err) {
    await running.stopAll();
    throw err;
  }
}
