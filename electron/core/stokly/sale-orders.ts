import { z } from 'zod';
import type { StoklyClient } from './client.js';
import { eq } from './filter.js';
import { createdSchema, listEnvelope, saleOrderLineSchema, saleOrderSchema, type StoklySaleOrder, type StoklySaleOrderLine } from './schemas.js';
import type { SaleOrderBody } from './sale-order-mapping.js';

/**
 * ASSUMED: the status Stok.ly gives a sale-order line once all of it is collected. The
 * reference lists `status` on lines without its values; this is the one place to change.
 */
export const COLLECTED_LINE_STATUS = 'collected';

export function isLineCollected(line: StoklySaleOrderLine): boolean {
  return line.status === COLLECTED_LINE_STATUS;
}

export async function createSaleOrder(client: StoklyClient, body: SaleOrderBody): Promise<string> {
  const res = await client.post('/v2/saleorders', body, createdSchema);
  return res.data.id;
}

/** The orders carrying this reference, oldest first (there should be at most one). */
export async function findSaleOrdersByReference(client: StoklyClient, reference: string): Promise<StoklySaleOrder[]> {
  const res = await client.get('/v2/saleorders', listEnvelope(saleOrderSchema), {
    filter: eq('sourceReferenceId', reference),
    query: { sortField: 'createdAt', sortDirection: 'ASC', page: 0, size: 10 },
  });
  return res.data;
}

export async function getSaleOrderLines(client: StoklyClient, saleOrderId: string): Promise<StoklySaleOrderLine[]> {
  const lines: StoklySaleOrderLine[] = [];
  for await (const page of client.pages(`/v2/saleorders/${encodeURIComponent(saleOrderId)}/items`, saleOrderLineSchema)) {
    lines.push(...page);
  }
  return lines;
}

export async function collectItems(
  client: StoklyClient,
  saleOrderId: string,
  locationId: string,
  items: Array<{ lineId: string; quantity: number }>,
): Promise<void> {
  // The answer's body is not known beyond 2xx and nothing is read from it; the lines are
  // re-read before any repeat, so a 2xx with any JSON body is success.
  await client.post(`/v2/saleorders/${encodeURIComponent(saleOrderId)}/collect-items`, { locationId, items }, z.unknown());
}
