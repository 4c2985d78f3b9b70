import { z } from 'zod';
import { unprocessable } from '../errors.js';
import { fitsMinorUnits, isSupportedCurrency, minorDigits } from '../money.js';
import { shippingSchema } from './customers.js';

/** Stages the sandbox accepts. Only "order" and "removed" are known; others are refused. */
export const KNOWN_STAGES = ['order', 'removed'] as const;

const nonEmpty = z.string().min(1);

const saleOrderLineSchema = z.strictObject({
  type: z.literal('item'),
  referenceId: nonEmpty,
  quantity: z.int().min(1),
  displayPrice: z.number(),
  displayTax: z.number(),
  displayDiscount: z.number(),
  displayLinePrice: z.number(),
  displayLineTax: z.number(),
  displayLineDiscount: z.number(),
  displayLineTotal: z.number(),
  fulfilmentType: z.enum(['none', 'delivery']),
});

/** `method` is an account-specific numeric code (only 4 has been seen); any integer is taken. */
const paymentSchema = z.strictObject({
  method: z.int(),
  amount: z.number(),
});

/** Strict on purpose: unknown keys, missing fields and wrong types are all 422. */
export const createSaleOrderSchema = z.strictObject({
  stage: z.literal('order'),
  createdAt: z.iso.datetime({ offset: true }),
  currency: z.string().refine(isSupportedCurrency, 'must be a known ISO 4217 currency code'),
  sourceType: nonEmpty,
  sourceId: nonEmpty,
  sourceReferenceId: nonEmpty,
  customerReference: z.string().optional(),
  tags: z.array(z.string()).optional(),
  customer: z.strictObject({ customerId: nonEmpty.optional() }).optional(),
  shipping: shippingSchema.optional(),
  items: z.array(saleOrderLineSchema).min(1),
  payments: z.array(paymentSchema),
});
export type CreateSaleOrderBody = z.output<typeof createSaleOrderSchema>;

export const patchSaleOrderSchema = z.strictObject({
  stage: z.enum(KNOWN_STAGES).optional(),
  customerReference: z.string().optional(),
  tags: z.array(z.string()).optional(),
  payments: z.array(paymentSchema).optional(),
}).refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type PatchSaleOrderBody = z.output<typeof patchSaleOrderSchema>;

export const collectItemsSchema = z.strictObject({
  locationId: nonEmpty,
  items: z.array(z.strictObject({ lineId: nonEmpty, quantity: z.int().min(1) })).min(1),
});

const LINE_AMOUNTS = [
  'displayPrice', 'displayTax', 'displayDiscount', 'displayLinePrice', 'displayLineTax', 'displayLineDiscount', 'displayLineTotal',
] as const;

/** 422 if any amount has more decimal places than the currency has minor digits (12.505 GBP). */
export function assertMinorUnits(
  currency: string,
  lines: ReadonlyArray<Record<(typeof LINE_AMOUNTS)[number], number>>,
  payments: ReadonlyArray<{ amount: number }>,
): void {
  const problems: string[] = [];
  const check = (path: string, value: number): void => {
    if (!fitsMinorUnits(value, currency)) {
      problems.push(`${path}: ${value} has more than ${minorDigits(currency)} decimal places for ${currency}`);
    }
  };
  lines.forEach((line, i) => { for (const field of LINE_AMOUNTS) check(`items.${i}.${field}`, line[field]); });
  payments.forEach((payment, i) => check(`payments.${i}.amount`, payment.amount));
  if (problems.length > 0) throw unprocessable(problems.join('; '));
}
