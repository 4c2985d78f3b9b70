import { join } from 'node:path';
import type { Config } from '../config.js';
import { scopedLogger } from '../logging/logger.js';
import { AuditRepo } from './audit-repo.js';
import { CatalogRepo } from './catalog-repo.js';
import { openDatabase, type Db } from './connection.js';
import { ExceptionsRepo } from './exceptions-repo.js';
import { FlagsRepo } from './flags-repo.js';
import { MappingsRepo } from './mappings-repo.js';
import { migrate } from './migrate.js';
import { OutboxRepo } from './outbox-repo.js';
import { ProductSearchRepo } from './product-search-repo.js';
import { RefundsRepo } from './refunds-repo.js';
import { SalesRepo } from './sales-repo.js';
import { SalesSearchRepo } from './sales-search-repo.js';
import { StockRepo } from './stock-repo.js';
import { SyncRunsRepo } from './sync-runs-repo.js';
import { StorageProbeRepo } from './storage-probe-repo.js';
import { StorageHealth } from '../storage/storage-health.js';
import { watchStorage } from '../storage/storage-watch.js';

const logger = scopedLogger('db');

/** The store database and the one repository that owns each of its tables. */
export interface Store {
  db: Db;
  outbox: OutboxRepo;
  sales: SalesRepo;
  refunds: RefundsRepo;
  catalog: CatalogRepo;
  /** The staff window's product picker (the FTS index kept by triggers on products). */
  productSearch: ProductSearchRepo;
  /** The staff window's Sales tab (read-only, across the sale's tables). */
  salesSearch: SalesSearchRepo;
  stock: StockRepo;
  runs: SyncRunsRepo;
  flags: FlagsRepo;
  mappings: MappingsRepo;
  exceptions: ExceptionsRepo;
  audit: AuditRepo;
  /** Whether a sale can be stored right now; every timer-driven database step reports here. */
  storage: StorageHealth;
  /** Closes the database: last, once every feature has stopped. */
  stop(): void;
}

/** Opens `<dataDir>/shelfbridge.db`, migrates it (with a backup first) and builds the repositories. */
export function openStore(config: Pick<Config, 'dataDir' | 'database'>, now: () => number = Date.now): Store {
  const path = join(config.dataDir, 'shelfbridge.db');
  const db = openDatabase(path, { busyTimeoutMs: config.database.busyTimeoutMs });
  try {
    const migrated = migrate(db, { path, backupDir: join(config.dataDir, 'backups') });
    if (migrated.to !== migrated.from) {
      logger.info(`database schema ${migrated.from} → ${migrated.to}${migrated.backupPath ? `, backup at ${migrated.backupPath}` : ''}`);
    }
  } catch (err) {
    db.close();
    throw err;
  }
  const storage = new StorageHealth(now);
  // While sales cannot be stored, a tiny write every few seconds notices when that is over.
  const probe = new StorageProbeRepo(db);
  const watch = watchStorage(storage, (at) => probe.touch(at), now);
  return {
    db,
    storage,
    outbox: new OutboxRepo(db),
    sales: new SalesRepo(db),
    refunds: new RefundsRepo(db),
    catalog: new CatalogRepo(db),
    productSearch: new ProductSearchRepo(db),
    salesSearch: new SalesSearchRepo(db),
    stock: new StockRepo(db),
    runs: new SyncRunsRepo(db),
    flags: new FlagsRepo(db),
    mappings: new MappingsRepo(db),
    exceptions: new ExceptionsRepo(db),
    audit: new AuditRepo(db),
    stop: () => {
      watch.stop();
      db.close();
    },
  };
}
