import type { Clock } from '../clock.js';
import type { StockRepo } from '../db/stock-repo.js';
import type { SyncRunsRepo } from '../db/sync-runs-repo.js';
import { scopedLogger } from '../logging/logger.js';
import type { StoklyClient } from '../stokly/client.js';
import { inventoryPages, onHandFrom } from '../stokly/inventory.js';

const logger = scopedLogger('stock-pull');

export interface StockPullResult {
  startedAt: number;
  items: number;
  settledSales: number;
}

/**
 * A full pull of the store location's stock (Stok.ly has no known delta for inventory). The
 * snapshot is replaced only when every page arrived, so a failed pull changes nothing.
 */
export async function pullStock(deps: {
  client: StoklyClient;
  stock: StockRepo;
  runs: SyncRunsRepo;
  clock: Clock;
  locationId: string;
  source: 'location' | 'bins';
  /** Measured in the snapshot's transaction (see StockMovements). */
  movements?: { measure(startedAt: number): void; committed(): void; rollback(): void };
}): Promise<StockPullResult> {
  const startedAt = deps.clock.now();
  deps.runs.started('stock', startedAt);
  try {
    // Folded page by page: 50,000 records are never all held at once.
    const onHand = new Map<string, number>();
    for await (const page of inventoryPages(deps.client, deps.locationId)) {
      for (const [itemId, qty] of onHandFrom(page, deps.source)) onHand.set(itemId, (onHand.get(itemId) ?? 0) + qty);
    }
    let settledSales: number;
    try {
      settledSales = deps.stock.replaceSnapshot(onHand, startedAt, deps.movements && (() => deps.movements?.measure(startedAt)));
    } catch (err) {
      deps.movements?.rollback();
      throw err;
    }
    deps.movements?.committed();
    deps.runs.succeeded('stock', startedAt, deps.clock.now());
    logger.info(`stock pull: ${onHand.size} items at ${deps.locationId}, ${settledSales} sale(s) now included in Stok.ly's figures`);
    return { startedAt, items: onHand.size, settledSales };
  } catch (err) {
    deps.runs.failed('stock', (err as Error).message, deps.clock.now());
    throw err;
  }
}
