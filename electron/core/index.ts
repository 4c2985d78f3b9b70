import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Status } from '../../shared/admin-api.js';
import { adminToken } from './admin/token.js';
import { buildAdminServer } from './admin/server.js';
import { outboxRoutes } from './admin/routes/outbox.js';
import { statusRoutes } from './admin/routes/status.js';
import { systemClock, type Clock } from './clock.js';
import { tenderMapping, type Config, type Secrets } from './config.js';
import { openDatabase, type Db } from './db/connection.js';
import { ItemsRepo } from './db/items-repo.js';
import { migrate } from './db/migrate.js';
import { OutboxRepo } from './db/outbox-repo.js';
import { SalesRepo } from './db/sales-repo.js';
import { SaleIngest } from './kiosk/ingest.js';
import { saleFlags } from './kiosk/sale-flags.js';
import { buildKioskServer } from './kiosk/server.js';
import { healthRoutes } from './kiosk/routes/health.js';
import { salesRoutes } from './kiosk/routes/sales.js';
import { configureLogging, scopedLogger } from './logging/logger.js';
import { ConnectivityProbe } from './monitor/connectivity.js';
import { computeHealth } from './monitor/health.js';
import { OutboxRunner } from './outbox/runner.js';
import { sendSale } from './outbox/send-sale.js';
import { SkuResolver } from './outbox/sku-resolver.js';
import { StoklyClient } from './stokly/client.js';
import { agentVersion } from './version.js';

const logger = scopedLogger('agent');

export interface AgentOptions {
  clock?: Clock;
  /** Built renderer to serve on the admin port (headless mode). */
  uiDir?: string | null;
  logConsole?: boolean;
  random?: () => number;
}

export interface Agent {
  readonly config: Config;
  readonly kioskUrl: string;
  readonly adminUrl: string;
  readonly adminToken: string;
  readonly db: Db;
  readonly outbox: OutboxRepo;
  readonly runner: OutboxRunner;
  readonly stokly: StoklyClient;
  status(): Status;
  stop(): Promise<void>;
}

function urlOf(server: FastifyInstance, host: string): string {
  const address = server.server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost}:${address.port}`;
}

/** Composition root: open the database, start the servers and the runner; stop them cleanly. */
export async function startAgent(config: Config, secrets: Secrets, options: AgentOptions = {}): Promise<Agent> {
  const clock = options.clock ?? systemClock;
  const version = agentVersion();
  mkdirSync(config.dataDir, { recursive: true });
  configureLogging({ dataDir: config.dataDir, level: config.logLevel, console: options.logConsole ?? true });

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

  const outbox = new OutboxRepo(db);
  const items = new ItemsRepo(db);
  const sales = new SalesRepo(db);
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
  const resolver = new SkuResolver(stokly, items, clock);
  const tenderMethod = (tender: string): number | undefined => tenderMapping(config, tender)?.method;

  const runner = new OutboxRunner(
    {
      outbox,
      clock,
      ...(options.random ? { random: options.random } : {}),
      send: (row) =>
        sendSale(row, {
          client: stokly, resolver, outbox, clock, tenderMethod,
          storeId: config.storeId, channelId: config.stokly.channelId, locationId: config.stokly.locationId,
        }),
      pauseQueue: (until) => stokly.gate.pauseUntil(until),
      pausedUntil: () => stokly.gate.pausedUntil(),
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
  // Back online: whatever waited for the network goes now rather than at its backoff time.
  stokly.on('online', () => {
    logger.info('Stok.ly reachable');
    runner.wake();
  });
  stokly.on('offline', () => logger.warn('Stok.ly unreachable: sales keep being accepted and wait in the outbox'));

  let accepting = true;
  const ingest = new SaleIngest({
    db, sales, outbox, clock,
    flags: (sale) => saleFlags(sale, { item: (sku) => items.get(sku), tenderMapped: (t) => tenderMethod(t) !== undefined }),
    onCommitted: () => runner.wake(),
  });

  const health = () =>
    computeHealth({
      version,
      counts: outbox.counts(),
      online: stokly.online,
      now: clock.now(),
      stallAfterSeconds: config.outbox.stallAfterSeconds,
      accepting,
      lastStockSyncAt: null,
      lastCatalogSyncAt: null,
    });

  const kioskServer = await buildKioskServer({
    kiosks: config.kioskApi.kiosks,
    requestsPerMinute: config.kioskApi.requestsPerMinute,
    accepting: () => accepting,
    routes: [healthRoutes(health), salesRoutes(ingest)],
  });
  const token = adminToken(config.dataDir, config.adminApi.token);
  let kioskUrl = '';
  const status = (): Status => {
    const counts = outbox.counts();
    const paused = stokly.gate.pausedUntil();
    const lastContact = stokly.lastContact;
    return {
      storeId: config.storeId,
      version,
      health: health(),
      counts: { pending: counts.pending, sending: counts.sending, done: counts.done, exception: counts.exception, voided: counts.voided },
      stokly: {
        online: stokly.online,
        lastContactAt: lastContact === null ? null : new Date(lastContact).toISOString(),
        pausedUntil: paused === null ? null : new Date(paused).toISOString(),
      },
      kioskApi: { url: kioskUrl },
      now: new Date(clock.now()).toISOString(),
    };
  };
  const adminServer = await buildAdminServer({
    token,
    uiDir: options.uiDir ?? null,
    routes: [statusRoutes(status), outboxRoutes({ outbox, clock, wakeRunner: () => runner.wake() })],
  });

  try {
    await kioskServer.listen({ host: config.kioskApi.host, port: config.kioskApi.port });
    await adminServer.listen({ host: config.adminApi.host, port: config.adminApi.port });
  } catch (err) {
    await kioskServer.close();
    await adminServer.close();
    db.close();
    throw err;
  }
  kioskUrl = urlOf(kioskServer, config.kioskApi.host);
  const adminUrl = urlOf(adminServer, config.adminApi.host);

  const probe = new ConnectivityProbe(stokly, config.stokly.locationId, clock);
  runner.start();
  probe.start();
  logger.info(`Shelfbridge ${version} for store ${config.storeId}: kiosk API ${kioskUrl}, admin ${adminUrl}, data ${config.dataDir}`);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      accepting = false;
      logger.info('stopping: no new sales accepted; finishing what is in flight');
      probe.stop();
      // close() waits for requests in flight, each answered only after its commit.
      await kioskServer.close();
      await runner.stop();
      await adminServer.close();
      db.close();
      logger.info('stopped cleanly');
    })();
    return stopping;
  };

  return { config, kioskUrl, adminUrl, adminToken: token, db, outbox, runner, stokly, status, stop };
}
