import type { Availability, StockReader } from '../catalog/types.js';
import type { Clock } from '../clock.js';
import type { CatalogRepo } from '../db/catalog-repo.js';
import type { StockRepo } from '../db/stock-repo.js';
import type { SyncRunsRepo } from '../db/sync-runs-repo.js';
import type { ElsewhereStock } from './elsewhere.js';

export interface BufferRules {
  buffer: number;
  bufferBySku: Readonly<Record<string, number>>;
}

/**
 * available = max(0, onHand − pendingSales − buffer), per the kiosk contract. Stok.ly is the
 * only source of onHand; pendingSales are sales taken here that its figure does not include yet.
 */
export class AvailabilityService implements StockReader {
  constructor(
    private readonly catalog: CatalogRepo,
    private readonly stock: StockRepo,
    private readonly runs: SyncRunsRepo,
    private readonly rules: BufferRules,
    private readonly staleAfterMs: number,
    private readonly clock: Clock,
    private readonly elsewhere: ElsewhereStock | null = null,
  ) {}

  bufferFor(sku: string): number {
    return this.rules.bufferBySku[sku] ?? this.rules.buffer;
  }

  private freshness(): { lastSyncedAt: string | null; stale: boolean } {
    const last = this.runs.get('stock').lastSuccessAt;
    return {
      lastSyncedAt: last === null ? null : new Date(last).toISOString(),
      stale: last === null || this.clock.now() - last > this.staleAfterMs,
    };
  }

  private build(
    sku: string, itemId: string | null, onHand: number, pending: number, fresh: { lastSyncedAt: string | null; stale: boolean },
    shipPending?: ReadonlyMap<string, number>,
  ): Availability {
    const buffer = this.bufferFor(sku);
    const known = itemId !== null;
    const elsewhere = this.elsewhere
      ? { elsewhere: { available: itemId === null ? 0 : Math.max(0, this.elsewhere.raw(itemId, sku, shipPending)), ...fresh } }
      : {};
    return {
      sku, itemId, known,
      available: known ? Math.max(0, onHand - pending - buffer) : 0,
      onHand, pendingSales: pending, buffer, ...fresh, ...elsewhere,
    };
  }

  /** The warehouses' figure without the floor at zero (below zero means oversold), or null if not known. */
  rawElsewhere(sku: string): number | null {
    if (!this.elsewhere) return null;
    const status = this.catalog.skuStatus(sku, { catalogComplete: true });
    if (status.kind !== 'active') return null;
    if (this.runs.get('stock').lastSuccessAt === null) return null;
    return this.elsewhere.raw(status.product.itemId, sku);
  }

  forSkus(skus: readonly string[]): Availability[] {
    // A few SKUs (a sale's lines): one indexed query each; many: one pass over what is pending.
    const pending = skus.length <= 8 ? new Map(skus.map((s) => [s, this.stock.pendingForSku(s)])) : this.stock.pendingBySku();
    const shipPending = skus.length <= 8 ? undefined : this.elsewhere?.pendingBySku();
    const fresh = this.freshness();
    // One query for all of them; per SKU the active product wins (rows come active first).
    const rows = new Map<string, { itemId: string; onHand: number | null }>();
    for (const r of this.catalog.stockRowsForSkus([...new Set(skus)])) if (!rows.has(r.sku)) rows.set(r.sku, r);
    return skus.map((sku) => {
      const row = rows.get(sku);
      return this.build(sku, row?.itemId ?? null, row?.onHand ?? 0, pending.get(sku) ?? 0, fresh, shipPending);
    });
  }

  /** Every stock-holding product (variable parents hold none), ordered by SKU. */
  all(): Availability[] {
    return this.page(null, Number.MAX_SAFE_INTEGER).items;
  }

  page(afterSku: string | null, limit: number): { items: Availability[]; nextCursor: string | null } {
    const rows = this.catalog.stockRowsAfter(afterSku ?? '', limit);
    const pending = this.stock.pendingBySku();
    const shipPending = this.elsewhere?.pendingBySku();
    const fresh = this.freshness();
    const items: Availability[] = [];
    let last: string | null = null;
    for (const r of rows.slice(0, limit)) {
      if (r.sku === last) continue; // one entry per SKU: the active product wins
      items.push(this.build(r.sku, r.itemId, r.onHand ?? 0, pending.get(r.sku) ?? 0, fresh, shipPending));
      last = r.sku;
    }
    return { items, nextCursor: rows.length > limit && last !== null ? last : null };
  }

  /** onHand − pending − buffer without the floor at zero: below zero means oversold. */
  rawAvailable(sku: string): number | null {
    const status = this.catalog.skuStatus(sku, { catalogComplete: true });
    if (status.kind !== 'active') return null;
    if (this.runs.get('stock').lastSuccessAt === null) return null;
    const onHand = this.stock.onHand(status.product.itemId) ?? 0;
    return onHand - this.stock.pendingForSku(sku) - this.bufferFor(sku);
  }
}
