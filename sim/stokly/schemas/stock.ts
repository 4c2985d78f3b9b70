import { z } from 'zod';

const nonEmpty = z.string().min(1);

/** `quantity` is a signed delta applied to the bin's onHand. */
export const adjustmentSchema = z.strictObject({
  locationId: nonEmpty,
  binId: nonEmpty,
  reason: nonEmpty,
  items: z.array(z.strictObject({ itemId: nonEmpty, quantity: z.int() })).min(1),
});

/**
 * ASSUMED credit-note body (the real one is not published): the same shape the agent's
 * electron/core/stokly/credit-note-mapping.ts sends. Kept strict so a drift between the two is
 * a loud 422, and in one place so a real account's shape replaces it here and there.
 */
export const creditNoteSchema = z.strictObject({
  saleOrderId: nonEmpty,
  createdAt: z.iso.datetime({ offset: true }),
  currency: z.string().regex(/^[A-Z]{3}$/),
  sourceReferenceId: nonEmpty,
  reason: nonEmpty,
  items: z.array(z.strictObject({
    lineId: nonEmpty,
    referenceId: nonEmpty,
    quantity: z.int().positive(),
    amount: z.number().nonnegative(),
    restock: z.boolean(),
    locationId: nonEmpty.optional(),
  })).min(1),
  payments: z.array(z.strictObject({ method: z.int(), amount: z.number().nonnegative() })),
});
