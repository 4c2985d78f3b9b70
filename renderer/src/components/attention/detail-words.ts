import type { PriceReview } from '../../../../shared/admin-api.js';
import type { ExceptionDetail } from '../../api/exceptions-api.js';
import { formatAmount } from '../../format.js';

/**
 * A price review in words, as money in the sale's currency: "The kiosk charged £25.00 for
 * SKU-1 (Blue tee); Stok.ly's price is £72.00 (incl. tax). Difference £47.00 per unit."
 */
export function priceReviewSentence(p: PriceReview): string {
  const money = (minor: number): string => formatAmount(minor, p.currency);
  const product = p.productName ? ` (${p.productName})` : '';
  return `The kiosk charged ${money(p.kioskPrice)} for ${p.sku}${product}; Stok.ly's price is ${money(p.stoklyPrice)} (incl. tax). `
    + `Difference ${money(Math.abs(p.stoklyPrice - p.kioskPrice))} per unit.`;
}

/** The quote box's title: Stok.ly's words only when they are Stok.ly's answer to an attempt to send. */
export function detailHeading(item: Pick<ExceptionDetail, 'detailSource'>): string {
  return item.detailSource === 'stokly' ? 'What Stok.ly said' : 'What the agent found';
}
