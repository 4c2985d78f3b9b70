import { skuExceptionReasons } from '../../../shared/exceptions.js';
import type { Clock } from '../clock.js';
import type { CatalogRepo } from '../db/catalog-repo.js';
import type { Db } from '../db/connection.js';
import type { OutboxRepo } from '../db/outbox-repo.js';

/**
 * After a catalogue pull: sales waiting because of a SKU whose every SKU now resolves to one
 * active product go back to the queue by themselves. Returns the retried outbox ids.
 */
export function retryResolvedSkuExceptions(db: Db, outbox: OutboxRepo, catalog: CatalogRepo, clock: Clock): number[] {
  const rows = db
    .prepare<string[], { id: number; ref: string }>(
      `SELECT id, ref FROM outbox WHERE kind = 'sale' AND status = 'exception' AND exception_reason IN (${skuExceptionReasons.map(() => '?').join(',')})`,
    )
    .all(...skuExceptionReasons);
  const skusOf = db.prepare<[string], { sku: string }>('SELECT DISTINCT sku FROM sale_lines WHERE sale_id = ?');
  const retried: number[] = [];
  for (const row of rows) {
    const resolvable = skusOf.all(row.ref).every((l) => catalog.skuStatus(l.sku, false).kind === 'active');
    if (resolvable && outbox.retryNow(row.id, clock.now())) retried.push(row.id);
  }
  return retried;
}
