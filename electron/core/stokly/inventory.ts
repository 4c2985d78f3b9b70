import { z } from 'zod';
import type { StoklyClient } from './client.js';
import { eq } from './filter.js';

export const UNASSIGNED_BIN_ID = 'UNASSIGNED';

export const inventoryRecordSchema = z.object({
  itemId: z.string(),
  itemSku: z.string().nullish(),
  locationId: z.string(),
  binId: z.string().nullish(),
  onHand: z.number(),
});
export type InventoryRecord = z.infer<typeof inventoryRecordSchema>;

/** Every inventory record of one location, page by page. */
export function inventoryPages(client: StoklyClient, locationId: string, signal?: AbortSignal): AsyncGenerator<InventoryRecord[]> {
  return client.pages('/v1/inventory-records', inventoryRecordSchema, {
    filter: eq('locationId', locationId),
    query: { sortField: 'itemId', sortDirection: 'ASC' },
    ...(signal ? { signal } : {}),
  });
}

/**
 * The store's on-hand per item: the location-level row (binId UNASSIGNED), or the sum of the
 * location's bins, as configured.
 */
export function onHandFrom(records: Iterable<InventoryRecord>, source: 'location' | 'bins'): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    const isLocationRow = (r.binId ?? UNASSIGNED_BIN_ID) === UNASSIGNED_BIN_ID;
    if (source === 'location' ? !isLocationRow : isLocationRow) continue;
    out.set(r.itemId, (out.get(r.itemId) ?? 0) + r.onHand);
  }
  return out;
}
