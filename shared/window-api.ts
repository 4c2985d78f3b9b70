import { z } from 'zod';

/** Admin API routes that exist for the staff window's pickers, words and Sales tab. */

/** `GET /api/products?q=`: the product master searched by SKU, name or barcode (any part). */
export const productSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const productHitSchema = z.object({
  itemId: z.string(),
  sku: z.string(),
  name: z.string(),
  barcodes: z.array(z.string()),
  /** Kiosk price (tax included) in minor units; null when Stok.ly has none. */
  price: z.number().int().nullable(),
  currency: z.string(),
  /** On hand at the store's location at the last stock pull; null when never pulled. */
  onHand: z.number().int().nullable(),
  active: z.boolean(),
});
export type ProductHit = z.infer<typeof productHitSchema>;

export const productSearchSchema = z.object({
  items: z.array(productHitSchema),
  /** More results after this page. */
  more: z.boolean(),
});
export type ProductSearch = z.infer<typeof productSearchSchema>;

/** `GET /api/store`: what the window needs to speak the store's language. */
export const paymentMethodSchema = z.object({
  method: z.number().int(),
  /** Ledger labels used with this method (configuration first). */
  ledgers: z.array(z.string()),
  /** Kiosk tenders already recorded with it. */
  tenders: z.array(z.string()),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const storeFactsSchema = z.object({
  storeId: z.string(),
  timeZone: z.string(),
  /** The currency the store's products are priced in; null before the first catalogue pull. */
  currency: z.string().nullable(),
  /** Who to call when the agent stays down (configuration `window.supportContact`). */
  supportContact: z.string().nullable(),
  kiosks: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  paymentMethods: z.array(paymentMethodSchema),
});
export type StoreFacts = z.infer<typeof storeFactsSchema>;
