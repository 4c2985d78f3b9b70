import { taxRatePercent } from '../stokly/seed.js';

/** What a kiosk knows of a product: its SKU, the price shown (incl. tax) and the tax in it. */
export interface KioskProduct {
  sku: string;
  unitPrice: number;
  unitTax: number;
}

/** Kiosk prices from Stok.ly items (ex-VAT decimal + tax class), as the screens would show them. */
export function kioskProducts(
  items: ReadonlyArray<{ sku: string; status: number; format: number; taxClassId: string; salePrice: { amount: number } }>,
): KioskProduct[] {
  return items
    .filter((i) => i.status === 0 && i.format !== 2)
    .map((i) => {
      const rate = taxRatePercent(i.taxClassId);
      const net = Math.round(i.salePrice.amount * 100);
      const gross = Math.round((net * (100 + rate)) / 100);
      return { sku: i.sku, unitPrice: gross, unitTax: gross - net };
    });
}
