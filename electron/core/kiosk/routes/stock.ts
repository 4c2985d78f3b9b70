import { z } from 'zod';
import { stockPageSchema, type StockItem } from '../../../../shared/kiosk-api.js';
import type { Availability } from '../../catalog/types.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import type { AvailabilityService } from '../../stock/availability.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { kioskErrors } from '../responses.js';

export const MAX_SKUS_PER_CALL = 200;

const querySchema = z.strictObject({
  sku: z.union([z.string().min(1), z.array(z.string().min(1))]).optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
    .refine((v) => v === undefined || v.length <= MAX_SKUS_PER_CALL, `at most ${MAX_SKUS_PER_CALL} SKUs a call`),
  cursor: z.string().optional(),
});

/** The contract's item: `known` appears only for SKUs the master does not have. */
function toItem(a: Availability): StockItem {
  return {
    sku: a.sku, available: a.available, onHand: a.onHand, pendingSales: a.pendingSales, buffer: a.buffer,
    lastSyncedAt: a.lastSyncedAt, stale: a.stale, ...(a.known ? {} : { known: false }),
    ...(a.elsewhere ? { elsewhere: a.elsewhere } : {}),
  };
}

/** `GET /v1/stock?sku=A&sku=B`, or every SKU paged with `?cursor=`. */
export function stockRoutes(availability: AvailabilityService, now: () => number): RouteModule {
  return (app) => {
    app.get('/v1/stock', { schema: { querystring: querySchema, response: { 200: stockPageSchema, ...errorResponses(400), ...kioskErrors } } }, async (request) => {
      const asOf = new Date(now()).toISOString();
      const { sku, cursor } = request.query;
      if (sku) return { asOf, items: availability.forSkus(sku).map(toItem), nextCursor: null };
      const page = availability.page(decodeCursor(cursor), MAX_SKUS_PER_CALL);
      return { asOf, items: page.items.map(toItem), nextCursor: page.nextCursor === null ? null : encodeCursor(page.nextCursor) };
    });
  };
}
