import type { Refund, Sale } from '../../../shared/kiosk-api.js';

/** SKUs whose store availability a sale changes: only lines handed over in the store take stock. */
export function skusTakenBy(sales: readonly Sale[]): string[] {
  return [...new Set(sales.flatMap((s) => s.lines.filter((l) => l.fulfilment === 'store').map((l) => l.sku)))];
}

/** Every SKU a sale moves, store and ship lines (with endless aisle, `elsewhere` changes too). */
export function skusSoldBy(sales: readonly Sale[]): string[] {
  return [...new Set(sales.flatMap((s) => s.lines.map((l) => l.sku)))];
}

/** SKUs whose availability a refund changes: only lines put back on the shelf. */
export function skusRestockedBy(refunds: readonly Refund[]): string[] {
  return [...new Set(refunds.flatMap((r) => r.lines.filter((l) => l.restock).map((l) => l.sku)))];
}
