import type { RaisedFlag } from './sale-flags.js';

export interface PriceReview {
  reason: 'price_mismatch';
  detail: string;
}

/**
 * A sale charged at a price other than Stok.ly's is posted as paid, and a person reviews it:
 * one review per mismatched SKU, naming the SKU and both prices. Other flags are only listed.
 */
export function priceReviews(raised: readonly RaisedFlag[]): PriceReview[] {
  return raised.filter((f) => f.flag === 'price_mismatch').map((f) => ({ reason: 'price_mismatch', detail: `${f.sku ?? ''}: ${f.detail}` }));
}
