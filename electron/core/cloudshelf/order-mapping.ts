import type { Refund, Sale } from '../../../shared/kiosk-api.js';
import { majorToMinor } from '../../../shared/money.js';
import type { CatalogProduct } from '../catalog/types.js';
import { taxIncluded } from '../kiosk/sale-flags.js';
import type { CloudshelfOrder } from './order-documents.js';

/** The pseudo kiosk that Cloudshelf-polled documents come from. */
export const CLOUDSHELF_KIOSK_ID = 'cloudshelf';
const VARIANT_GID = /^gid:\/\/external\/StoklyVariant\/(.+)$/;

/** gid://cloudshelf/Order/123 → cs-order-123 (a valid kiosk id: letters, digits, . _ : / -). */
export function saleIdForOrder(orderId: string): string {
  return `cs-order-${orderId.split('/').pop() ?? orderId}`.replace(/[^A-Za-z0-9._:/-]/g, '-').slice(0, 128);
}

export interface OrderMappingContext {
  byItemId(itemId: string): CatalogProduct | undefined;
  tender: string;
  fulfilment: 'ship' | 'store';
}

/**
 * A PAID Cloudshelf order → a sale. Its variants carry our external gid, so the SKU comes
 * from the product master. ASSUMED: `price` on an order line is the unit price including tax
 * (the schema does not say). A variant we cannot place keeps a SKU that says so, and becomes
 * an unknown-SKU exception rather than a lost sale.
 */
export function orderToSale(order: CloudshelfOrder, ctx: OrderMappingContext): Sale {
  const currency = order.lines[0]?.currencyCode ?? 'GBP';
  const lines = order.lines.map((line) => {
    const itemId = VARIANT_GID.exec(line.platformProvidedProductVariantId ?? '')?.[1];
    const product = itemId ? ctx.byItemId(itemId) : undefined;
    const unitPrice = majorToMinor(line.price, line.currencyCode);
    const gross = unitPrice * line.quantity;
    return {
      sku: product?.sku ?? `cloudshelf-variant:${(line.platformProvidedProductVariantId ?? line.productVariantId).slice(-100)}`,
      quantity: line.quantity,
      unitPrice,
      tax: product?.taxRatePercent != null ? taxIncluded(gross, product.taxRatePercent) : 0,
      discount: 0,
      fulfilment: ctx.fulfilment,
    };
  });
  const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  return {
    saleId: saleIdForOrder(order.id),
    kioskId: CLOUDSHELF_KIOSK_ID,
    occurredAt: order.createdAt,
    currency,
    lines,
    payments: [{ tender: ctx.tender, amount: total }],
    cloudshelf: { orderId: order.id },
  };
}

/** A REFUNDED order → a refund of every line of its sale, not restocked (nothing came back to the shelf here). */
export function orderToRefund(order: CloudshelfOrder, sale: Sale, tender: string): Refund {
  const lines = sale.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, amount: l.unitPrice * l.quantity - l.discount, restock: false }));
  return {
    refundId: `${sale.saleId}-refund`.slice(0, 128),
    saleId: sale.saleId,
    kioskId: CLOUDSHELF_KIOSK_ID,
    occurredAt: order.updatedAt,
    currency: sale.currency,
    lines,
    payments: [{ tender, amount: lines.reduce((s, l) => s + l.amount, 0) }],
  };
}
