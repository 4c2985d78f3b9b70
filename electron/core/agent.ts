import type { Status } from '../../shared/admin-api.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { OutboxRepo } from './db/outbox-repo.js';
import type { SyncKind } from './db/sync-runs-repo.js';
import type { ExceptionService } from './exceptions/service.js';
import type { EventHub } from './kiosk/event-hub.js';
import type { EndlessAisle } from './endless-aisle/index.js';
import type { Alert } from './monitor/alerts.js';
import type { OutboxRunner } from './outbox/runner.js';
import type { Reconciler } from './reconcile/reconciler.js';
import type { Backups } from './backup/daily.js';
import type { AvailabilityService } from './stock/availability.js';
import type { StoklyClient } from './stokly/client.js';

/** What startAgent (index.ts) takes and gives: the shell, headless mode, tests and benches use this. */
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
  /** Null when reconciliation.enabled is false (its code is then never loaded). */
  readonly reconciler: Reconciler | null;
  /** Daily backups; `backupNow()` for tests and support. */
  readonly backups: Backups;
  /** Endless aisle: delivery details, retention, warehouse stock. */
  readonly endlessAisle: EndlessAisle;
  status(): Status;
  /** Run a sync job now and wait for it (on-demand pulls, tests). */
  sync(job: SyncKind): Promise<void>;
  stop(): Promise<void>;
}
