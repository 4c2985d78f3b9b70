import { z } from 'zod';
import type { RaisedFlag } from './sale-flags.js';

export interface PriceReview {
  reason: 'price_mismatch';
  detail: string;
  /** The figures, stored as JSON with the item (exceptions.facts) so the window says them as money. */
  facts: string | null;
}

/** What `exceptions.facts` holds for a price review (migration 0170 reads older rows into it). */
export const storedPriceFactsSchema = z.object({
  sku: z.string(),
  kioskPrice: z.number().int(),
  stoklyPrice: z.number().int(),
  currency: z.string().length(3),
});
export type StoredPriceFacts = z.infer<typeof storedPriceFactsSchema>;

/** A stored item's price figures, or null when it has none or they are not in the known shape. */
export function readPriceFacts(facts: string | null): StoredPriceFacts | null {
  if (facts === null) return null;
  try {
    const parsed = storedPriceFactsSchema.safeParse(JSON.parse(facts));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A sale charged at a price other than Stok.ly's is posted as paid, and a person reviews it:
 * one review per mismatched SKU, naming the SKU and both prices. Other flags are only listed.
 */
export function priceReviews(raised: readonly RaisedFlag[]): PriceReview[] {
  return raised.filter((f) => f.flag === 'price_mismatch').map((f) => ({
    reason: 'price_mismatch',
    detail: `${f.sku ?? ''}: ${f.detail}`,
    facts: f.prices && f.sku !== null
      ? JSON.stringify({ sku: f.sku, kioskPrice: f.prices.kiosk, stoklyPrice: f.prices.stokly, currency: f.prices.currency } satisfies StoredPriceFacts)
      : null,
  }));
}
