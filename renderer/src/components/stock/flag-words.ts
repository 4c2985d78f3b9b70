/** Sale flags in words retail ops use; the first five are the ones this view is about. */
export const mainFlags = ['oversold', 'price_mismatch', 'tax_mismatch', 'unknown_sku', 'inactive_sku'] as const;

const words: Record<string, { label: string; meaning: string }> = {
  oversold: { label: 'Oversold', meaning: 'Sold more than Stok.ly had available.' },
  price_mismatch: { label: 'Price differs', meaning: 'The kiosk charged a different price from Stok.ly.' },
  tax_mismatch: { label: 'Tax differs', meaning: 'The kiosk charged different tax from Stok.ly.' },
  unknown_sku: { label: 'Unknown SKU', meaning: 'Stok.ly has no product with this SKU.' },
  inactive_sku: { label: 'Deleted SKU', meaning: 'The product is deleted in Stok.ly.' },
  unmapped_tender: { label: 'Unmapped tender', meaning: 'A payment type has no Stok.ly payment method.' },
  payment_mismatch: { label: 'Payments differ', meaning: 'Payments do not add up to the sale total.' },
  already_received: { label: 'Sent twice', meaning: 'The kiosk sent a sale the agent already had.' },
};

export function flagLabel(flag: string): string {
  return words[flag]?.label ?? flag.replace(/_/g, ' ');
}

export function flagMeaning(flag: string): string | null {
  return words[flag]?.meaning ?? null;
}
