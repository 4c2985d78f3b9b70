import type { WarehouseStockRepo } from '../db/warehouse-stock-repo.js';

/**
 * Endless aisle: what the warehouse locations can still promise, per the kiosk contract 1.1 —
 * their onHand at the last pull − `ship` quantities accepted here not yet in that figure − buffer.
 */
export class ElsewhereStock {
  constructor(private readonly repo: WarehouseStockRepo, private readonly buffer: number) {}

  /** Without the floor at zero (below zero means oversold); `pending` when already read in bulk. */
  raw(itemId: string, sku: string, pending?: ReadonlyMap<string, number>): number {
    const shipPending = pending ? (pending.get(sku) ?? 0) : this.repo.pendingForSku(sku);
    return this.repo.onHand(itemId) - shipPending - this.buffer;
  }

  pendingBySku(): Map<string, number> {
    return this.repo.pendingBySku();
  }
}
