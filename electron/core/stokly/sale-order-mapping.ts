import { minorToMajor } from '../../../shared/money.js';
import type { Sale } from '../../../shared/kiosk-api.js';
import type { ShippingBody } from './customer-mapping.js';

/** What the mapping needs beyond the sale itself. */
export interface SaleOrderContext {
  storeId: string;
  channelId: string;
  /** SKU → Stok.ly itemId, for every SKU of the sale. */
  itemIds: ReadonlyMap<string, string>;
  /** Tender → Stok.ly payment method code, for every tender of the sale. */
  methods: ReadonlyMap<string, number>;
  /** For a sale with `ship` lines: the Stok.ly customer and where the warehouse sends them. */
  delivery?: { customerId: string; shipping: ShippingBody } | undefined;
}

export interface SaleOrderLineBody {
  type: 'item';
  referenceId: string;
  quantity: number;
  displayPrice: number;
  displayTax: number;
  displayDiscount: number;
  displayLinePrice: number;
  displayLineTax: number;
  displayLineDiscount: number;
  displayLineTotal: number;
  fulfilmentType: 'none' | 'delivery';
}

export interface SaleOrderBody {
  stage: 'order';
  createdAt: string;
  currency: string;
  sourceType: 'epos';
  sourceId: string;
  sourceReferenceId: string;
  customerReference?: string;
  tags: string[];
  customer?: { customerId: string };
  shipping?: ShippingBody;
  items: SaleOrderLineBody[];
  payments: Array<{ method: number; amount: number }>;
}

/** The reference Stok.ly uses to find this sale again: `<storeId>/<saleId>`. */
export function sourceReferenceId(storeId: string, saleId: string): string {
  return `${storeId}/${saleId}`;
}

/**
 * Kiosk sale → Stok.ly sale order. Line totals are computed in minor units and converted once,
 * so the decimals Stok.ly stores add up to exactly what the kiosk took. Per-unit tax and
 * discount are display values only and are rounded to the minor unit.
 */
export function saleToOrder(sale: Sale, ctx: SaleOrderContext): SaleOrderBody {
  const money = (minor: number): number => minorToMajor(minor, sale.currency);
  const items = sale.lines.map((line): SaleOrderLineBody => {
    const itemId = ctx.itemIds.get(line.sku);
    if (!itemId) throw new Error(`no Stok.ly item for SKU ${line.sku}`);
    const linePrice = line.unitPrice * line.quantity;
    return {
      type: 'item',
      referenceId: itemId,
      quantity: line.quantity,
      displayPrice: money(line.unitPrice),
      displayTax: money(Math.round(line.tax / line.quantity)),
      displayDiscount: money(Math.round(line.discount / line.quantity)),
      displayLinePrice: money(linePrice),
      displayLineTax: money(line.tax),
      displayLineDiscount: money(line.discount),
      displayLineTotal: money(linePrice - line.discount),
      fulfilmentType: line.fulfilment === 'ship' ? 'delivery' : 'none',
    };
  });
  const payments = sale.payments.map((p) => {
    const method = ctx.methods.get(p.tender);
    if (method === undefined) throw new Error(`no Stok.ly payment method for tender ${p.tender}`);
    return { method, amount: money(p.amount) };
  });
  const tags = ['kiosk', `kiosk:${sale.kioskId}`];
  if (sale.lines.some((l) => l.fulfilment === 'ship')) tags.push('endless-aisle');
  return {
    stage: 'order',
    createdAt: new Date(sale.occurredAt).toISOString(),
    currency: sale.currency,
    sourceType: 'epos',
    sourceId: ctx.channelId,
    sourceReferenceId: sourceReferenceId(ctx.storeId, sale.saleId),
    ...(sale.cloudshelf?.orderId ? { customerReference: sale.cloudshelf.orderId } : {}),
    tags,
    ...(ctx.delivery ? { customer: { customerId: ctx.delivery.customerId }, shipping: ctx.delivery.shipping } : {}),
    items,
    payments,
  };
}
