import { majorToMinor } from '../../../shared/money.js';
import type { StoklyItem } from '../stokly/schemas.js';
import type { CatalogProduct } from './types.js';

export interface PriceRules {
  /** Whether Stok.ly's salePrice already includes tax (an account setting). */
  salePriceIncludesTax: boolean;
  /** Tax class id → percent. */
  taxRates: Readonly<Record<string, number>>;
}

export const ITEM_STATUS_DELETED = 1;

/**
 * The kiosk price includes tax, in minor units. Null (shown to staff) rather than a guess when
 * the tax class has no configured rate or the amount is not whole minor units.
 */
export function kioskPrice(item: StoklyItem, rules: PriceRules): { price: number | null; rate: number | null } {
  const rate = item.taxClassId ? (rules.taxRates[item.taxClassId] ?? null) : null;
  if (!item.salePrice) return { price: null, rate };
  let minor: number;
  try {
    minor = majorToMinor(item.salePrice.amount, item.salePrice.currency);
  } catch {
    return { price: null, rate };
  }
  if (rules.salePriceIncludesTax) return { price: minor, rate };
  if (rate === null) return { price: null, rate };
  return { price: Math.round((minor * (100 + rate)) / 100), rate };
}

export function toCatalogProduct(item: StoklyItem, rules: PriceRules): CatalogProduct {
  const { price, rate } = kioskPrice(item, rules);
  return {
    itemId: item.itemId,
    sku: item.sku,
    name: item.name ?? item.sku,
    barcodes: item.barcodes ?? [],
    price,
    currency: item.salePrice?.currency ?? '',
    taxClassId: item.taxClassId ?? null,
    taxRatePercent: rate,
    active: item.status !== ITEM_STATUS_DELETED,
    format: item.format ?? 0,
    parentId: item.parentId ?? null,
    updatedAt: item.timeUpdated ?? null,
  };
}
