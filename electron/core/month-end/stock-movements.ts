import type { MovementItem } from '../../../shared/month-end.js';
import type { StockMovementsRepo, MovementRow } from '../db/stock-movements-repo.js';
import { scopedLogger } from '../logging/logger.js';
import type { Alert } from '../monitor/alerts.js';
import { measureMovements } from '../stock/movements.js';

const logger = scopedLogger('stock-movements');

export interface StockMovementsDeps {
  repo: StockMovementsRepo;
  /** Units beyond which one movement raises an alert; 0: never. */
  alertUnits: number;
  notify(alert: Alert): void;
}

/** Movements per SKU over a range: net, how many, the largest; biggest net first. */
export function summarise(rows: readonly MovementRow[]): MovementItem[] {
  const bySku = new Map<string, MovementItem>();
  for (const r of rows) {
    const at = new Date(r.at).toISOString();
    const item = bySku.get(r.sku);
    if (!item) {
      bySku.set(r.sku, { sku: r.sku, name: r.name, net: r.movement, count: 1, largest: r.movement, lastAt: at });
      continue;
    }
    item.net += r.movement;
    item.count += 1;
    if (Math.abs(r.movement) > Math.abs(item.largest)) item.largest = r.movement;
    if (at > item.lastAt) item.lastAt = at;
    if (r.name) item.name = r.name;
  }
  return [...bySku.values()].sort((a, b) =>
    Math.abs(b.net) - Math.abs(a.net) || Math.abs(b.largest) - Math.abs(a.largest) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Records, at every stock pull, the movements the kiosks' sales do not explain. `measure` runs
 * inside the pull's transaction (before it settles sales); `committed` raises the alerts once
 * the pull is stored.
 */
export class StockMovements {
  private pending: MovementRow[] = [];

  constructor(private readonly deps: StockMovementsDeps) {}

  measure(startedAt: number): void {
    const { repo } = this.deps;
    if (!repo.hasBaseline()) {
      // The first pull is the starting point: nothing to compare with.
      repo.startBaseline();
      this.pending = [];
      return;
    }
    const explained = repo.explainedBySettling(startedAt);
    const uncertain = repo.uncertainItems(startedAt);
    const { snapshot, baselines } = repo.candidates(new Set([...explained.keys(), ...uncertain]));
    const result = measureMovements({ at: startedAt, snapshot, baselines, explained, uncertain, describe: (itemId) => repo.describe(itemId) });
    repo.saveBaselines(result.baselines);
    repo.record(result.movements);
    this.pending = result.movements;
  }

  committed(): void {
    const rows = this.pending;
    this.pending = [];
    if (rows.length) logger.info(`${rows.length} stock movement(s) not explained by kiosk sales: ${rows.slice(0, 5).map((r) => `${r.sku} ${r.movement > 0 ? '+' : ''}${r.movement}`).join(', ')}${rows.length > 5 ? ', …' : ''}`);
    const limit = this.deps.alertUnits;
    if (limit === 0) return;
    const big = rows.filter((r) => Math.abs(r.movement) > limit);
    if (big.length === 0) return;
    const list = big.slice(0, 5).map((r) => `${r.sku}${r.name ? ` (${r.name})` : ''} ${r.movement > 0 ? '+' : ''}${r.movement}`).join(', ');
    this.deps.notify({
      title: `Stock moved in Stok.ly: ${big.length} SKU(s) by more than ${limit} units`,
      body: `${list}${big.length > 5 ? ', …' : ''}. Not kiosk sales: check Stock → Movements (a receipt, adjustment, transfer or loss).`,
    });
  }

  rollback(): void {
    this.pending = [];
  }
}
