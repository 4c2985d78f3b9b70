import { z } from 'zod';
import { productPageSchema, type Product } from '../../../../shared/kiosk-api.js';
import type { CatalogRepo } from '../../db/catalog-repo.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { kioskErrors } from '../responses.js';

const PAGE_SIZE = 500;

/** `GET /v1/products?cursor=`: the product master from Stok.ly, prices in minor units incl. tax. */
export function productRoutes(catalog: CatalogRepo): RouteModule {
  return (app) => {
    app.get('/v1/products', { schema: { querystring: z.strictObject({ cursor: z.string().optional() }), response: { 200: productPageSchema, ...errorResponses(400), ...kioskErrors } } }, async (request) => {
      const rows = catalog.kioskProductRows(decodeCursor(request.query.cursor) ?? '', PAGE_SIZE);
      const items: Product[] = [];
      let last: string | null = null;
      for (const r of rows.slice(0, PAGE_SIZE)) {
        if (r.sku === last) continue;
        last = r.sku;
        items.push({
          sku: r.sku, barcode: r.barcodes[0] ?? null, name: r.name, price: r.price, taxCode: r.taxClassId,
          currency: r.currency, active: r.active, updatedAt: r.updatedAt,
        });
      }
      return { items, nextCursor: rows.length > PAGE_SIZE && last !== null ? encodeCursor(last) : null };
    });
  };
}
