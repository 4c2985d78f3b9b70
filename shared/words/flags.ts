import type { RefundFlag, SaleFlag } from '../kiosk-api.js';

/**
 * Sale and refund flags in the words retail ops use: a label for buttons and lists, and what
 * it means. Keyed by every flag in the kiosk contract, so a new flag needs words to type-check.
 */
export const flagWords: Record<SaleFlag | RefundFlag, { label: string; meaning: string }> = {
  oversold: { label: 'Oversold', meaning: 'Sold more than Stok.ly had available.' },
  price_mismatch: { label: 'Price differs', meaning: 'The kiosk charged a different price from Stok.ly.' },
  tax_mismatch: { label: 'Tax differs', meaning: 'The kiosk charged different tax from Stok.ly.' },
  unknown_sku: { label: 'Unknown SKU', meaning: 'Stok.ly has no product with this SKU.' },
  inactive_sku: { label: 'Deleted SKU', meaning: 'The product is deleted in Stok.ly.' },
  unmapped_tender: { label: 'Unmapped tender', meaning: 'A payment type has no Stok.ly payment method.' },
  payment_mismatch: { label: 'Payments differ', meaning: 'Payments do not add up to the sale total.' },
  already_received: { label: 'Sent twice', meaning: 'The kiosk sent a sale the agent already had.' },
  missing_delivery: { label: 'No delivery address', meaning: 'A sale with items to ship came without a delivery address.' },
  sale_not_received: { label: 'Sale not received', meaning: 'The refund arrived before (or without) its sale.' },
  refund_exceeds_sale: { label: 'Refund over the sale', meaning: 'The refunds of this sale give back more than it took.' },
};

/** The flags the Stock tab offers first; the first five are the ones retail ops watch. */
export const mainFlags = ['oversold', 'price_mismatch', 'tax_mismatch', 'unknown_sku', 'inactive_sku'] as const satisfies ReadonlyArray<SaleFlag>;

const known = (flag: string): flag is SaleFlag | RefundFlag => Object.hasOwn(flagWords, flag);

export function flagLabel(flag: string): string {
  return known(flag) ? flagWords[flag].label : flag.replace(/_/g, ' ');
}

export function flagMeaning(flag: string): string | null {
  return known(flag) ? flagWords[flag].meaning : null;
}
