import { paymentsTotal, saleTotal, type Sale, type SaleFlag } from '../../../shared/kiosk-api.js';
import type { CachedItem } from '../db/items-repo.js';

export interface FlagContext {
  item(sku: string): CachedItem | undefined;
  tenderMapped(tender: string): boolean;
}

/**
 * What staff should look at on an accepted sale. Flags never refuse a sale (rule one); they
 * are stored with it and returned to the kiosk.
 */
export function saleFlags(sale: Sale, ctx: FlagContext): SaleFlag[] {
  const flags = new Set<SaleFlag>();
  for (const line of sale.lines) {
    const item = ctx.item(line.sku);
    if (item && item.itemId === null) flags.add('unknown_sku');
    else if (item && !item.active) flags.add('inactive_sku');
  }
  if (sale.payments.some((p) => !ctx.tenderMapped(p.tender))) flags.add('unmapped_tender');
  if (paymentsTotal(sale.payments) !== saleTotal(sale)) flags.add('payment_mismatch');
  return [...flags];
}
