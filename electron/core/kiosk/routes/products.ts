import { z } from 'zod';
import { productPageSchema, type Product } from '../../../../shared/kiosk-api.js';
import type { Db } from '../../db/connection.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { kioskErrors } from '../responses.js';

const PAGE_SIZE = 500;

interface Row {
  sku: string;
  item_id: string;
  name: string;
  barcodes: string;
  price: number | null;
  tax_class_id: string | null;
  currency: string;
  active: number;
  updated_at: string | null;
}

/** `GET /v1/products?cursor=`: the product master from Stok.ly, prices in minor units incl. tax. */
export function productRoutes(db: Db): RouteModule {
  const stmt = db.prepare<[string, number], Row>(
    `SELECT sku, item_id, name, barcodes, price, tax_class_id, currency, active, updated_at FROM products
      WHERE format != 2 AND sku > ? ORDER BY sku, active DESC, item_id LIMIT ?`,
  );
  return (app) => {
    app.get('/v1/products', { schema: { querystring: z.strictObject({ cursor: z.string().optional() }), response: { 200: productPageSchema, ...errorResponses(400), ...kioskErrors } } }, async (request) => {
      const rows = stmt.all(decodeCursor(request.query.cursor) ?? '', PAGE_SIZE + 1);
      const items: Product[] = [];
      let last: string | null = null;
      for (const r of rows.slice(0, PAGE_SIZE)) {
        if (r.sku === last) continue;
        last = r.sku;
        const barcodes = JSON.parse(r.barcodes) as string[];
        items.push({
          sku: r.sku, barcode: barcodes[0] ?? null, name: r.name, price: r.price, taxCode: r.tax_class_id,
          currency: r.currency, active: r.active === 1, updatedAt: r.updated_at,
        });
      }
      return { items, nextCursor: rows.length > PAGE_SIZE && last !== null ? encodeCursor(last) : null };
    });
  };
}
