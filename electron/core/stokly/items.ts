import type { StoklyClient } from './client.js';
import { eq } from './filter.js';
import { StoklyHttpError } from './errors.js';
import { itemSchema, listEnvelope, recordEnvelope, type StoklyItem } from './schemas.js';

/** `GET /v0/items?filter=[sku]=={X}`: every item carrying the SKU, deleted ones included. */
export async function findItemsBySku(client: StoklyClient, sku: string): Promise<StoklyItem[]> {
  const res = await client.get('/v0/items', listEnvelope(itemSchema), { filter: eq('sku', sku), query: { page: 0, size: 10 } });
  // The filter is an exact match on Stok.ly's side; keep only exact matches in case it is not.
  return res.data.filter((i) => i.sku === sku);
}



/** `GET /v0/items/{itemId}`: null when Stok.ly has no such item. */
export async function findItemById(client: StoklyClient, itemId: string): Promise<StoklyItem | null> {
  try {
    return (await client.get(`/v0/items/${encodeURIComponent(itemId)}`, recordEnvelope(itemSchema))).data;
  } catch (err) {
    if (err instanceof StoklyHttpError && err.status === 404) return null;
    throw err;
  }
}
