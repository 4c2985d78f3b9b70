import { paymentsTotal, saleTotal, type Sale, type SaleFlag } from '../../../shared/kiosk-api.js';
import { formatMoney } from '../../../shared/money.js';
import type { SkuStatus } from '../db/catalog-repo.js';

export interface FlagContext {
  sku(sku: string): SkuStatus;
  tenderMapped(tender: string): boolean;
  /** onHand − pending − buffer after this sale (it is already stored), or null if not known. */
  availableAfter(sku: string): number | null;
  /** The warehouses' figure after this sale (endless aisle), or null if not configured or not known. */
  elsewhereAfter?(sku: string): number | null;
}

export interface RaisedFlag {
  flag: SaleFlag;
  sku: string | null;
  detail: string;
  /** A price mismatch's figures (minor units, incl. tax), kept as numbers for the review item. */
  prices?: { kiosk: number; stokly: number; currency: string };
}

/** Tax inside a tax-inclusive amount at `rate` percent, rounded to the minor unit. */
export function taxIncluded(gross: number, rate: number): number {
  return Math.round((gross * rate) / (100 + rate));
}

/**
 * What staff should look at on an accepted sale. Flags never refuse a sale (rule one); they
 * are stored with it, counted and listed, and returned to the kiosk.
 */
export function saleFlags(sale: Sale, ctx: FlagContext): RaisedFlag[] {
  const out: RaisedFlag[] = [];
  const add = (flag: SaleFlag, sku: string | null, detail: string, prices?: RaisedFlag['prices']): void => {
    if (!out.some((f) => f.flag === flag && f.sku === sku)) out.push({ flag, sku, detail, ...(prices ? { prices } : {}) });
  };
  for (const line of sale.lines) {
    const status = ctx.sku(line.sku);
    if (status.kind === 'unknown') {
      add('unknown_sku', line.sku, `Stok.ly has no product with SKU ${line.sku}`);
      continue;
    }
    if (status.kind === 'inactive') add('inactive_sku', line.sku, `SKU ${line.sku} is deleted in Stok.ly`);
    if (status.kind !== 'active' && status.kind !== 'inactive') continue;
    const product = status.product;
    if (product.price !== null && line.unitPrice !== product.price) {
      const money = (minor: number): string => formatMoney(minor, sale.currency);
      add('price_mismatch', line.sku, `kiosk charged ${money(line.unitPrice)} a unit, Stok.ly's price is ${money(product.price)} (incl. tax)`,
        { kiosk: line.unitPrice, stokly: product.price, currency: sale.currency });
    }
    if (product.taxRatePercent !== null) {
      const expected = taxIncluded(line.unitPrice * line.quantity - line.discount, product.taxRatePercent);
      // One minor unit per unit of rounding is the kiosk's own business; more is a divergence.
      if (Math.abs(line.tax - expected) > line.quantity) {
        add('tax_mismatch', line.sku, `kiosk tax ${line.tax}, expected ${expected} at ${product.taxRatePercent}% (tax class ${product.taxClassId ?? '?'})`);
      }
    }
    if (line.fulfilment === 'store') {
      const after = ctx.availableAfter(line.sku);
      if (after !== null && after < 0) add('oversold', line.sku, `sold below zero available: ${after} after this sale`);
    } else {
      const after = ctx.elsewhereAfter?.(line.sku) ?? null;
      if (after !== null && after < 0) add('oversold', line.sku, `sold for delivery below what the warehouses can send: ${after} after this sale`);
    }
  }
  if (sale.lines.some((l) => l.fulfilment === 'ship') && !sale.delivery) {
    add('missing_delivery', null, 'items to ship but no delivery address: held until staff enter it');
  }
  if (sale.payments.some((p) => !ctx.tenderMapped(p.tender))) {
    const tenders = [...new Set(sale.payments.filter((p) => !ctx.tenderMapped(p.tender)).map((p) => p.tender))];
    add('unmapped_tender', null, `tender ${tenders.join(', ')} has no Stok.ly payment method`);
  }
  const total = saleTotal(sale);
  const paid = paymentsTotal(sale.payments);
  if (paid !== total) add('payment_mismatch', null, `payments ${paid} ≠ sale total ${total} (minor units)`);
  return out;
}
