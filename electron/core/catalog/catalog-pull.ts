import type { Clock } from '../clock.js';
import type { CatalogRepo } from '../db/catalog-repo.js';
import type { SyncRunsRepo } from '../db/sync-runs-repo.js';
import { scopedLogger } from '../logging/logger.js';
import { trackedRun } from '../tracked-run.js';
import type { StoklyClient } from '../stokly/client.js';
import { gte } from '../stokly/filter.js';
import { itemSchema } from '../stokly/schemas.js';
import { toCatalogProduct, type PriceRules } from './item-mapping.js';
import type { CatalogProduct } from './types.js';

const logger = scopedLogger('catalog-pull');

export interface CatalogPullResult {
  full: boolean;
  received: number;
  changedSkus: string[];
  deactivated: number;
}

function sameProduct(a: CatalogProduct, b: CatalogProduct): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The product master from `GET /v0/items`: a full pull first (and every `fullResyncHours`),
 * otherwise only items whose timeUpdated is at or after the last one seen. `>=` re-reads the
 * boundary item rather than risk missing one updated in the same millisecond.
 */
export async function pullCatalog(deps: {
  client: StoklyClient;
  catalog: CatalogRepo;
  runs: SyncRunsRepo;
  clock: Clock;
  rules: PriceRules;
  fullResyncHours: number;
  forceFull?: boolean;
}): Promise<CatalogPullResult> {
  return trackedRun(deps, 'catalog', async ({ startedAt, previous }) => {
    const full = deps.forceFull === true || previous.watermark === null || previous.lastFullAt === null ||
      startedAt - previous.lastFullAt > deps.fullResyncHours * 3_600_000;
    let watermark = previous.watermark;
    let received = 0;
    const changedSkus: string[] = [];
    const pages = deps.client.pages('/v0/items', itemSchema, {
      ...(full || !previous.watermark ? {} : { filter: gte('timeUpdated', previous.watermark) }),
      query: { sortField: 'timeUpdated', sortDirection: 'ASC' },
    });
    for await (const page of pages) {
      // Never before the run started, even if the clock stepped back: deactivation below relies on it.
      const now = Math.max(deps.clock.now(), startedAt);
      const products = page.map((item) => toCatalogProduct(item, deps.rules));
      // One read for the page, one write transaction: a 50,000-item pull is 50 of these.
      const known = deps.catalog.byItemIds(products.map((p) => p.itemId));
      deps.catalog.transaction(() => {
        for (const p of products) {
          const before = known.get(p.itemId);
          if (!before || !sameProduct(before, p)) changedSkus.push(p.sku);
          deps.catalog.upsert(p, now);
        }
      });
      for (const item of page) if (item.timeUpdated && (!watermark || item.timeUpdated > watermark)) watermark = item.timeUpdated;
      received += page.length;
    }
    // Items gone from a full list were removed in Stok.ly: kept, but inactive, never dropped.
    const deactivated = full ? deps.catalog.deactivateNotPulledSince(startedAt, deps.clock.now()) : [];
    changedSkus.push(...deactivated);
    logger.info(`catalogue pull (${full ? 'full' : 'incremental'}): ${received} item(s) read, ${changedSkus.length} changed`);
    return { result: { full, received, changedSkus: [...new Set(changedSkus)], deactivated: deactivated.length }, watermark, full };
  });
}
