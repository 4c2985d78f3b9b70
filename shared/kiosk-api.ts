import { z } from 'zod';
import { idSchema } from './ids.js';
import { isKnownCurrency } from './money.js';
import { kioskText, MAX_MINOR_UNITS, MAX_QUANTITY } from './kiosk-text.js';
import { customerSchema, deliverySchema } from './delivery.js';

/** The kiosk LAN API, version 1 (docs/kiosk-api.md). Validated on the agent's side. */

const minor = z.number().int('must be a whole number of minor units').min(0, 'must not be negative')
  .max(MAX_MINOR_UNITS, `must be at most ${MAX_MINOR_UNITS} minor units`);
const positiveQuantity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);
const isoWithOffset = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with an offset, e.g. 2026-11-26T10:15:00+00:00' });
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as GBP')
  .refine(isKnownCurrency, 'is not a known ISO 4217 currency');
const sku = kioskText(128, 1);
const tender = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a lower-case tender name such as card, cash, gift_card');

export const fulfilmentSchema = z.enum(['store', 'ship']);
export type Fulfilment = z.infer<typeof fulfilmentSchema>;

export const saleLineSchema = z.strictObject({
  sku,
  quantity: positiveQuantity,
  unitPrice: minor,
  tax: minor,
  discount: minor.default(0),
  fulfilment: fulfilmentSchema.default('store'),
});

export const paymentSchema = z.strictObject({
  tender,
  amount: minor,
  reference: kioskText(256).optional(),
});

export const saleSchema = z.strictObject({
  saleId: idSchema,
  kioskId: idSchema,
  occurredAt: isoWithOffset,
  currency,
  lines: z.array(saleLineSchema).min(1, 'a sale needs at least one line').max(500),
  payments: z.array(paymentSchema).max(50),
  customer: customerSchema.optional(),
  /** 1.1: where the warehouse sends the `ship` lines (personal data: see shared/delivery.ts). */
  delivery: deliverySchema.optional(),
  cloudshelf: z.strictObject({
    orderId: kioskText(256, 1).optional(),
    sessionId: kioskText(256).optional(),
  }).optional(),
}).superRefine((sale, ctx) => {
  sale.lines.forEach((line, i) => {
    if (line.discount > line.unitPrice * line.quantity) {
      ctx.addIssue({ code: 'custom', path: ['lines', i, 'discount'], message: 'must not exceed unitPrice × quantity' });
    }
  });
  if (saleTotal(sale) > MAX_MINOR_UNITS) ctx.addIssue({ code: 'custom', path: ['lines'], message: `the sale's total must be at most ${MAX_MINOR_UNITS} minor units` });
});
export type Sale = z.infer<typeof saleSchema>;
export type SaleLine = z.infer<typeof saleLineSchema>;

export const refundLineSchema = z.strictObject({
  sku,
  quantity: positiveQuantity,
  amount: minor,
  restock: z.boolean().default(false),
});

export const refundSchema = z.strictObject({
  refundId: idSchema,
  saleId: idSchema,
  kioskId: idSchema,
  occurredAt: isoWithOffset,
  currency,
  lines: z.array(refundLineSchema).min(1, 'a refund needs at least one line').max(500),
  payments: z.array(paymentSchema).max(50),
}).superRefine((refund, ctx) => {
  if (refundTotal(refund) > MAX_MINOR_UNITS) ctx.addIssue({ code: 'custom', path: ['lines'], message: `the refund's total must be at most ${MAX_MINOR_UNITS} minor units` });
});
export type Refund = z.infer<typeof refundSchema>;

/** Flags raised on an accepted sale: never a reason to refuse it (rule one). */
export const saleFlagSchema = z.enum([
  'unknown_sku',
  'inactive_sku',
  'unmapped_tender',
  'payment_mismatch',
  'price_mismatch',
  'tax_mismatch',
  'oversold',
  'already_received',
  'missing_delivery',
]);
export type SaleFlag = z.infer<typeof saleFlagSchema>;

export const acceptedSaleSchema = z.object({
  saleId: z.string(),
  status: z.literal('accepted'),
  receivedAt: z.string(),
  flags: z.array(saleFlagSchema),
});
export type AcceptedSale = z.infer<typeof acceptedSaleSchema>;

/** Flags raised on an accepted refund (it is never refused for them). */
export const refundFlagSchema = z.enum(['sale_not_received', 'unmapped_tender', 'payment_mismatch', 'refund_exceeds_sale']);
export type RefundFlag = z.infer<typeof refundFlagSchema>;

export const acceptedRefundSchema = z.object({
  refundId: z.string(),
  status: z.literal('accepted'),
  receivedAt: z.string(),
  flags: z.array(refundFlagSchema),
});
export type AcceptedRefund = z.infer<typeof acceptedRefundSchema>;

/** `GET /v1/stock`: `known` appears only (as false) for SKUs the product master does not have. */
export const stockItemSchema = z.object({
  sku: z.string(),
  available: z.number(),
  onHand: z.number(),
  pendingSales: z.number(),
  buffer: z.number(),
  lastSyncedAt: z.string().nullable(),
  stale: z.boolean(),
  known: z.literal(false).optional(),
  /** 1.1 endless aisle: what the warehouse locations can still promise (only when configured). */
  elsewhere: z.object({ available: z.number(), lastSyncedAt: z.string().nullable(), stale: z.boolean() }).optional(),
});
export type StockItem = z.infer<typeof stockItemSchema>;

export const stockPageSchema = z.object({
  asOf: z.string(),
  items: z.array(stockItemSchema),
  nextCursor: z.string().nullable(),
});
export type StockPage = z.infer<typeof stockPageSchema>;

/** `GET /v1/products`: prices in minor units including tax; null when Stok.ly has none. */
export const productSchema = z.object({
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  price: z.number().int().nullable(),
  taxCode: z.string().nullable(),
  currency: z.string(),
  active: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Product = z.infer<typeof productSchema>;

export const productPageSchema = z.object({
  items: z.array(productSchema),
  nextCursor: z.string().nullable(),
});
export type ProductPage = z.infer<typeof productPageSchema>;

/** `GET /v1/events`: the server-sent events, by name, with their data. */
export const kioskEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('stock'), data: z.object({ sku: z.string(), available: z.number(), elsewhere: z.number().optional() }) }),
  z.object({ event: z.literal('product'), data: z.object({ sku: z.string() }) }),
  z.object({ event: z.literal('status'), data: z.object({ online: z.boolean() }) }),
]);
export type KioskEvent = z.infer<typeof kioskEventSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  version: z.string(),
  online: z.boolean(),
  /** 1.1: why the status is not ok, in words (empty when ok). */
  reasons: z.array(z.string()),
  backlog: z.object({
    pending: z.number().int(),
    exceptions: z.number().int(),
    oldestPendingAgeSeconds: z.number().int(),
  }),
  lastStockSyncAt: z.string().nullable(),
  lastCatalogSyncAt: z.string().nullable(),
});
export type Health = z.infer<typeof healthSchema>;

/** Sale total as the contract defines it: Σ unitPrice × quantity − discount. */
export function saleTotal(sale: Pick<Sale, 'lines'>): number {
  return sale.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity - l.discount, 0);
}

/** Refund total: Σ line amounts (what the kiosk gave back). */
export function refundTotal(refund: { lines: ReadonlyArray<{ amount: number }> }): number {
  return refund.lines.reduce((sum, l) => sum + l.amount, 0);
}

export function paymentsTotal(payments: ReadonlyArray<{ amount: number }>): number {
  return payments.reduce((sum, p) => sum + p.amount, 0);
}
