import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Status } from '../../shared/admin-api.js';
import { adminEventRoutes } from './admin/routes/events.js';
import { windowRoutes } from './admin/routes/window.js';
import { ProductSearchRepo } from './db/product-search-repo.js';
import { flagRoutes } from './admin/routes/flags.js';
import { outboxRoutes } from './admin/routes/outbox.js';
import { statusRoutes } from './admin/routes/status.js';
import { syncRoutes } from './admin/routes/sync.js';
import { buildAdminServer } from './admin/server.js';
import { listenOn } from './http/listen.js';
import { adminToken } from './admin/token.js';
import { pullCatalog } from './catalog/catalog-pull.js';
import type { PriceRules } from './catalog/item-mapping.js';
import { systemClock, type Clock } from './clock.js';
import { tenderMapping, type Config, type Secrets } from './config.js';
import { CatalogRepo } from './db/catalog-repo.js';
import { openDatabase, type Db } from './db/connection.js';
import { FlagsRepo } from './db/flags-repo.js';
import { migrate } from './db/migrate.js';
import { OutboxRepo } from './db/outbox-repo.js';
import { SalesRepo } from './db/sales-repo.js';
import { StockRepo } from './db/stock-repo.js';
import { SyncRunsRepo, type SyncKind } from './db/sync-runs-repo.js';
import { EventHub } from './kiosk/event-hub.js';
import { BatchedIngest } from './kiosk/ingest.js';
import { refundRoutes } from './kiosk/routes/refunds.js';
import { storeRefund, type AcceptedRefund } from './kiosk/store-refund.js';
import { storeSale } from './kiosk/store-sale.js';
import { AuditRepo } from './db/audit-repo.js';
import { ExceptionsRepo } from './db/exceptions-repo.js';
import { MappingsRepo } from './db/mappings-repo.js';
import { RefundsRepo } from './db/refunds-repo.js';
import { ExceptionService } from './exceptions/service.js';
import { exceptionRoutes } from './admin/routes/exceptions.js';
import { wireCloudshelf } from './cloudshelf/wiring.js';
import { cloudshelfRoutes } from './admin/routes/cloudshelf.js';
import { sendRefund } from './outbox/send-refund.js';
import { findItemById } from './stokly/items.js';
import type { AcceptedSale, Refund, Sale } from '../../shared/kiosk-api.js';
import { eventRoutes } from './kiosk/routes/events.js';
import { healthRoutes } from './kiosk/routes/health.js';
import { productRoutes } from './kiosk/routes/products.js';
import { salesRoutes } from './kiosk/routes/sales.js';
import { stockRoutes } from './kiosk/routes/stock.js';
import { saleFlags } from './kiosk/sale-flags.js';
import { buildKioskServer } from './kiosk/server.js';
import { configureLogging, scopedLogger } from './logging/logger.js';
import { ConnectivityProbe } from './monitor/connectivity.js';
import { computeHealth } from './monitor/health.js';
import { reconciliationRoutes } from './admin/routes/reconciliation.js';
import { Reconciler } from './reconcile/reconciler.js';
import { startMonthEnd } from './month-end/index.js';
import { scheduleReconciliation } from './reconcile/schedule.js';
import type { Alert } from './monitor/alerts.js';
import { AgentMetrics } from './monitor/metrics.js';
import { startMonitoring } from './monitor/monitoring.js';
import { reconciliationFigures } from './monitor/reconciliation-figures.js';
import { retryResolvedSkuExceptions } from './outbox/auto-retry.js';
import { OutboxRunner } from './outbox/runner.js';
import { sendSale } from './outbox/send-sale.js';
import { SkuResolver } from './outbox/sku-resolver.js';
import { Scheduler } from './schedule.js';
import { AvailabilityService } from './stock/availability.js';
import { StockEvents } from './stock/stock-events.js';
import { pullStock } from './stock/stock-pull.js';
import { StoklyClient, type StoklyRequestTiming } from './stokly/client.js';
import { agentVersion } from './version.js';
import { isoOrNull as iso } from '../../shared/time.js';

const logger = scopedLogger('agent');

export interface AgentOptions {
  clock?: Clock;
  /** Built renderer to serve on the admin port (headless mode). */
  uiDir?: string | null;
  logConsole?: boolean;
  random?: () => number;
  /** Desktop notifications (the Electron shell); headless, alerts are log lines only. */
  onAlert?: (alert: Alert) => void;
}

export interface Agent {
  readonly config: Config;
  readonly kioskUrl: string;
  readonly adminUrl: string;
  readonly adminToken: string;
  /** The LAN metrics listener (metrics.host/port), or null. */
  readonly metricsUrl: string | null;
  readonly db: Db;
  readonly outbox: OutboxRepo;
  readonly runner: OutboxRunner;
  readonly stokly: StoklyClient;
  readonly availability: AvailabilityService;
  readonly events: EventHub;
  readonly exceptions: ExceptionService;
  readonly reconciler: Reconciler;
  status(): Status;
  /** Run a sync job now and wait for it (on-demand pulls, tests). */
  sync(job: SyncKind): Promise<void>;
  stop(): Promise<void>;
}

function urlOf(server: FastifyInstance, host: string): string {
  const address = server.server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost}:${address.port}`;
}


function openStoreDatabase(config: Config): Db {
  const dbPath = join(config.dataDir, 'shelfbridge.db');
  const db = openDatabase(dbPath, { busyTimeoutMs: config.database.busyTimeoutMs });
  try {
    const migrated = migrate(db, { path: dbPath, backupDir: join(config.dataDir, 'backups') });
    if (migrated.to !== migrated.from) {
      logger.info(`database schema ${migrated.from} → ${migrated.to}${migrated.backupPath ? `, backup at ${migrated.backupPath}` : ''}`);
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Composition root: open the database, start the servers, the runner and the schedules; stop them cleanly. */
export async function startAgent(config: Config, secrets: Secrets, options: AgentOptions = {}): Promise<Agent> {
  const clock = options.clock ?? systemClock;
  const version = agentVersion();
  mkdirSync(config.dataDir, { recursive: true });
  configureLogging({ dataDir: config.dataDir, level: config.logLevel, console: options.logConsole ?? true });
  const db = openStoreDatabase(config);

  const outbox = new OutboxRepo(db);
  const catalog = new CatalogRepo(db);
  const sales = new SalesRepo(db);
  const stock = new StockRepo(db);
  const runs = new SyncRunsRepo(db);
  const flags = new FlagsRepo(db);
  const stokly = new StoklyClient({
    baseUrl: config.stokly.baseUrl,
    accountKey: config.stokly.accountKey,
    clientId: config.stokly.clientId,
    secretKey: secrets.stoklySecretKey,
    requestTimeoutMs: config.stokly.requestTimeoutMs,
    maxRequestsPerMinute: config.stokly.maxRequestsPerMinute,
    rateLimitPauseSeconds: config.stokly.rateLimitPauseSeconds,
    clock,
  });
  const metrics = new AgentMetrics({ version, storeId: config.storeId });
  stokly.on('request', (timing: StoklyRequestTiming) => metrics.observeStoklyRequest(timing));
  const priceRules: PriceRules = config.catalog;
  const mappings = new MappingsRepo(db);
  const refunds = new RefundsRepo(db);
  const exceptions = new ExceptionsRepo(db);
  const audit = new AuditRepo(db);
  const resolver = new SkuResolver(stokly, catalog, priceRules, clock, mappings);
  // The configuration is IT's; a tender mapped from the staff window fills a gap, never overrides it.
  const tenderMethod = (tender: string): number | undefined => tenderMapping(config, tender)?.method ?? mappings.tender(tender)?.method;
  const availability = new AvailabilityService(db, catalog, stock, runs, config.stock, config.sync.staleAfterSeconds * 1000, clock);
  const hub = new EventHub();
  const scheduler = new Scheduler();
  // Cloudshelf is wired once the ingest it feeds exists (below); changes before that need no push.
  let pushSoon = (): void => {};
  const stockEvents = new StockEvents(availability, hub, () => pushSoon());
  let wake = (): void => {};
  const exceptionService = new ExceptionService({
    exceptions, outbox, mappings, audit, clock,
    itemExists: async (itemId) => catalog.byItemId(itemId) !== undefined || (await findItemById(stokly, itemId)) !== null,
    tenderMapped: (t) => tenderMethod(t) !== undefined,
    wakeRunner: () => wake(),
    refundWaitForSaleMs: config.refunds.waitForSaleMinutes * 60_000,
  });

  const runner = new OutboxRunner(
    {
      outbox,
      clock,
      ...(options.random ? { random: options.random } : {}),
      send: (row) =>
        row.kind === 'sale'
          ? sendSale(row, {
              client: stokly, resolver, outbox, clock, tenderMethod,
              storeId: config.storeId, channelId: config.stokly.channelId, locationId: config.stokly.locationId,
            })
          : sendRefund(row, { client: stokly, resolver, outbox, clock, tenderMethod, storeId: config.storeId, locationId: config.stokly.locationId }),
      onResult: (row, result) => {
        metrics.countSend(result.type);
        exceptionService.onSendResult(row, result);
      },
      pauseQueue: (until) => stokly.gate.pauseUntil(until),
      pausedUntil: () => stokly.gate.pausedUntil(),
      offline: () => stokly.offline,
    },
    {
      concurrency: config.outbox.concurrency,
      backoffBaseMs: config.outbox.backoffBaseMs,
      backoffCapMs: config.outbox.backoffCapMs,
      unknownOutcomeGraceMs: config.outbox.unknownOutcomeGraceMs,
      pollIntervalMs: config.outbox.pollIntervalMs,
      rateLimitPauseMs: config.stokly.rateLimitPauseSeconds * 1000,
    },
  );

  wake = () => runner.wake();

  let accepting = true;
  const catalogComplete = (): boolean => runs.get('catalog').lastFullAt !== null;
  const saleDeps = {
    sales, outbox, clock,
    flags: (sale: Sale) =>
      saleFlags(sale, {
        sku: (sku) => catalog.skuStatus(sku, catalogComplete()),
        tenderMapped: (t) => tenderMethod(t) !== undefined,
        availableAfter: (sku) => availability.rawAvailable(sku),
      }),
    afterStore: (sale: Sale, raised: ReadonlyArray<{ flag: string; detail: string; sku: string | null }>) => {
      for (const f of raised.filter((r) => r.flag === 'price_mismatch')) exceptionService.openReview('sale', sale.saleId, 'price_mismatch', `${f.sku ?? ''}: ${f.detail}`);
    },
  };
  const salesCommitted = (accepted: readonly Sale[]): void => {
    runner.wake();
    for (const sale of accepted) exceptionService.saleArrived(sale.saleId);
    // Availability drops the moment a store sale is accepted.
    stockEvents.refresh([...new Set(accepted.flatMap((s) => s.lines.filter((l) => l.fulfilment === 'store').map((l) => l.sku)))]);
  };
  const refundsCommitted = (accepted: readonly Refund[]): void => {
    runner.wake();
    stockEvents.refresh([...new Set(accepted.flatMap((r) => r.lines.filter((l) => l.restock).map((l) => l.sku)))]);
  };
  const refundDeps = { refunds, sales, outbox, clock, tenderMapped: (t: string) => tenderMethod(t) !== undefined };
  const saleIngest = new BatchedIngest<Sale, AcceptedSale>(db, (sale) => storeSale(sale, saleDeps), salesCommitted);
  const refundIngest = new BatchedIngest<Refund, AcceptedRefund>(db, (refund) => storeRefund(refund, refundDeps), refundsCommitted);
  // Orders polled from Cloudshelf go through the same stores, marked as such.
  const csSaleIngest = new BatchedIngest<Sale, AcceptedSale>(db, (sale) => storeSale(sale, saleDeps, 'cloudshelf'), salesCommitted);
  const csRefundIngest = new BatchedIngest<Refund, AcceptedRefund>(db, (refund) => storeRefund(refund, refundDeps, 'cloudshelf'), refundsCommitted);

  const reconciler = new Reconciler({
    db, client: stokly, config, clock,
    // Tenders mapped from the staff window count too, under their ledger label.
    tenderMapping: (t) => {
      const fromConfig = tenderMapping(config, t);
      if (fromConfig) return fromConfig;
      const mapped = mappings.tender(t);
      return mapped ? { method: mapped.method, ledger: mapped.ledger ?? t } : undefined;
    },
  });
  // Before the stock schedule: its first pull (at once) measures stock movements.
  const monthEnd = startMonthEnd({
    db, reconciler, audit, exceptions, clock, storeId: config.storeId,
    movementAlertUnits: config.stock.movementAlertUnits, remindAfterHour: config.checks.remindAfterHour,
    status: () => status(), notify: (alert) => options.onAlert?.(alert),
  });

  scheduler.every('catalog', config.sync.catalogIntervalSeconds, async () => {
    const result = await pullCatalog({ client: stokly, catalog, runs, clock, rules: priceRules, fullResyncHours: config.sync.catalogFullResyncHours });
    for (const sku of result.changedSkus) hub.publish({ event: 'product', data: { sku } });
    const retried = retryResolvedSkuExceptions(db, outbox, catalog, clock);
    if (retried.length) {
      logger.info(`${retried.length} sale(s) waiting on a SKU can now be posted: retrying`);
      runner.wake();
    }
    if (result.changedSkus.length) {
      stockEvents.refresh();
      pushSoon();
    }
  });
  scheduler.every('stock', config.sync.stockIntervalSeconds, async () => {
    await pullStock({ client: stokly, stock, runs, clock, locationId: config.stokly.locationId, source: config.stock.source, movements: monthEnd.movements });
    stockEvents.refresh();
  });

  const cloudshelf = config.cloudshelf && secrets.cloudshelfApiKey
    ? wireCloudshelf({
        config: config.cloudshelf, apiKey: secrets.cloudshelfApiKey, db, catalog, stock: availability, scheduler, runs, clock,
        sales, refunds, outbox,
        ingestSale: (sale) => csSaleIngest.submit(sale),
        ingestRefund: (refund) => csRefundIngest.submit(refund),
        review: (orderId, reason, detail) => exceptionService.openReview('cloudshelf_order', orderId, reason, detail),
        onPushed: (report) => metrics.countPushReport(report),
      })
    : null;
  if (cloudshelf) pushSoon = cloudshelf.pushSoon;
  scheduler.every('refund-wait', 60, async () => exceptionService.checkWaitingRefunds());
  scheduleReconciliation(scheduler, reconciler);
  exceptionService.retryUnmappedTenders();

  // Back online: whatever waited for the network goes now, and stock is fetched at once.
  stokly.on('online', () => {
    logger.info('Stok.ly reachable');
    hub.publish({ event: 'status', data: { online: true } });
    runner.reconnected();
    void scheduler.runNow('stock');
  });
  stokly.on('offline', () => {
    logger.warn('Stok.ly unreachable: sales keep being accepted and wait in the outbox');
    hub.publish({ event: 'status', data: { online: false } });
  });

  const health = (counts = outbox.counts()) =>
    computeHealth({
      version,
      counts,
      online: stokly.online,
      now: clock.now(),
      stallAfterSeconds: config.outbox.stallAfterSeconds,
      accepting,
      lastStockSyncAt: iso(runs.get('stock').lastSuccessAt),
      lastCatalogSyncAt: iso(runs.get('catalog').lastSuccessAt),
    });

  const kioskServer = await buildKioskServer({
    kiosks: config.kioskApi.kiosks,
    requestsPerMinute: config.kioskApi.requestsPerMinute,
    accepting: () => accepting,
    routes: [
      healthRoutes(health),
      salesRoutes(saleIngest),
      refundRoutes(refundIngest),
      stockRoutes(availability, () => clock.now()),
      productRoutes(db),
      eventRoutes(hub, () => stokly.online),
    ],
  });
  const token = adminToken(config.dataDir, config.adminApi.token);
  let kioskUrl = '';
  const syncStatus = (kind: SyncKind) => {
    const r = runs.get(kind);
    return { lastSuccessAt: iso(r.lastSuccessAt), lastError: r.lastError, lastErrorAt: iso(r.lastErrorAt) };
  };
  const status = (): Status => {
    const counts = outbox.counts();
    return {
      storeId: config.storeId,
      version,
      // One count of the outbox serves both (the window polls this every few seconds).
      health: health(counts),
      counts: { pending: counts.pending, sending: counts.sending, done: counts.done, exception: counts.exception, voided: counts.voided },
      stokly: { online: stokly.online, lastContactAt: iso(stokly.lastContact), pausedUntil: iso(stokly.gate.pausedUntil()) },
      kioskApi: { url: kioskUrl },
      sync: { stock: syncStatus('stock'), catalog: syncStatus('catalog'), cloudshelf: config.cloudshelf ? syncStatus('cloudshelf') : null },
      flags: flags.counts(),
      exceptions: { open: exceptions.countOpen(), cloudshelfIssues: cloudshelf?.pusher.openIssueCount() ?? 0 },
      now: new Date(clock.now()).toISOString(),
    };
  };
  const sync = (job: SyncKind): Promise<void> => scheduler.runNow(job);
  const monitoring = await startMonitoring({
    config, clock, metrics, adminToken: token, status, onAlert: options.onAlert ?? (() => {}),
    sources: {
      outbox: () => {
        const h = health();
        return { pending: h.backlog.pending, exceptions: h.backlog.exceptions, oldestPendingAgeSeconds: h.backlog.oldestPendingAgeSeconds };
      },
      stoklyUp: () => stokly.online,
      lastSuccessAt: (job) => runs.get(job).lastSuccessAt,
      cloudshelfIssuesOpen: () => cloudshelf?.pusher.openIssueCount() ?? null,
      reconciliation: () => reconciliationFigures(reconciler),
    },
  });
  const adminServer = await buildAdminServer({
    token,
    uiDir: options.uiDir ?? null,
    routes: [
      statusRoutes(status),
      outboxRoutes({ outbox, clock, wakeRunner: () => runner.wake() }),
      flagRoutes(flags),
      syncRoutes(sync, cloudshelf !== null),
      exceptionRoutes({ exceptions, service: exceptionService, outbox, audit }),
      reconciliationRoutes(reconciler),
      monthEnd.routes,
      cloudshelfRoutes((since) => cloudshelf?.pusher.listRecentIssues(since) ?? [], () => clock.now()),
      adminEventRoutes(hub),
      ...monitoring.adminRoutes,
      windowRoutes({ config, products: new ProductSearchRepo(db), mappings }),
    ],
  });

  try {
    await listenOn(kioskServer, 'kioskApi.port', config.kioskApi.host, config.kioskApi.port);
    await listenOn(adminServer, 'adminApi.port', config.adminApi.host, config.adminApi.port);
  } catch (err) {
    await kioskServer.close();
    await adminServer.close();
    await monitoring.stop();
    await scheduler.stop();
    db.close();
    throw err;
  }
  kioskUrl = urlOf(kioskServer, config.kioskApi.host);
  const adminUrl = urlOf(adminServer, config.adminApi.host);

  const probe = new ConnectivityProbe(stokly, config.stokly.locationId, clock);
  runner.start();
  probe.start();
  monitoring.start();
  stockEvents.refresh();
  logger.info(`Shelfbridge ${version} for store ${config.storeId}: kiosk API ${kioskUrl}, admin ${adminUrl}, data ${config.dataDir}`);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      accepting = false;
      logger.info('stopping: no new sales accepted; finishing what is in flight');
      probe.stop();
      await monitoring.stop();
      monthEnd.stop();
      cloudshelf?.stop();
      hub.closeAll();
      // close() waits for requests in flight, each answered only after its commit.
      await kioskServer.close();
      await scheduler.stop();
      await runner.stop();
      await adminServer.close();
      db.close();
      logger.info('stopped cleanly');
    })();
    return stopping;
  };

  return { config, kioskUrl, adminUrl, adminToken: token, metricsUrl: monitoring.metricsUrl, db, outbox, runner, stokly, availability, events: hub, exceptions: exceptionService, reconciler, status, sync, stop };
}
