import type { Clock } from '../clock.js';
import type { StockRepo } from '../db/stock-repo.js';
import type { SyncRunsRepo } from '../db/sync-runs-repo.js';
import type { WarehouseStockRepo } from '../db/warehouse-stock-repo.js';
import type { OrderGate } from '../endless-aisle/order-gate.js';
import { scopedLogger } from '../logging/logger.js';
import { trackedRun } from '../tracked-run.js';
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
  /** Endless aisle: the locations that can ship, pulled in the same run. */
  warehouse?: { repo: WarehouseStockRepo; locationIds: readonly string[]; gate: OrderGate } | undefined;
}): Promise<StockPullResult> {
  // No delivery order is created while the warehouses are read (see OrderGate).
  return deps.warehouse ? deps.warehouse.gate.run(() => pull(deps)) : pull(deps);
}

function pull(deps: Parameters<typeof pullStock>[0]): Promise<StockPullResult> {
  return trackedRun(deps, 'stock', async ({ startedAt }) => {
    const onHand = await pullLocation(deps.client, deps.locationId, deps.source);
    // Every page of every location first: a failed pull changes neither figure.
    const warehouseOnHand = new Map<string, number>();
    for (const locationId of deps.warehouse?.locationIds ?? []) {
      for (const [itemId, qty] of await pullLocation(deps.client, locationId, deps.source)) {
        warehouseOnHand.set(itemId, (warehouseOnHand.get(itemId) ?? 0) + qty);
      }
    }
    let settledSales: number;
    try {
      settledSales = deps.stock.replaceSnapshot(onHand, startedAt, deps.movements && (() => deps.movements?.measure(startedAt)));
    } catch (err) {
      deps.movements?.rollback();
      throw err;
    }
    deps.movements?.committed();
    if (deps.warehouse) {
      const settledShips = deps.warehouse.repo.replaceSnapshot(warehouseOnHand, startedAt);
      logger.info(`stock pull: ${warehouseOnHand.size} items at ${deps.warehouse.locationIds.length} fulfilment location(s), ${settledShips} sale(s) now included in their figures`);
    }
    logger.info(`stock pull: ${onHand.size} items at ${deps.locationId}, ${settledSales} sale(s) now included in Stok.ly's figures`);
    return { result: { startedAt, items: onHand.size, settledSales } };
  });
}

async function pullLocation(client: StoklyClient, locationId: string, source: 'location' | 'bins'): Promise<Map<string, number>> {
  // Folded page by page: 50,000 records are never all held at once.
  const onHand = new Map<string, number>();
  for await (const page of inventoryPages(client, locationId)) {
    for (const [itemId, qty] of onHandFrom(page, source)) onHand.set(itemId, (onHand.get(itemId) ?? 0) + qty);
  }
  return onHand;
}
