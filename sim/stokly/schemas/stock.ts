import { z } from 'zod';

const nonEmpty = z.string().min(1);

/** `quantity` is a signed delta applied to the bin's onHand. */
export const adjustmentSchema = z.strictObject({
  locationId: nonEmpty,
  binId: nonEmpty,
  reason: nonEmpty,
  items: z.array(z.strictObject({ itemId: nonEmpty, quantity: z.int() })).min(1),
});

/** The credit-note body is not known: any JSON object, with an optional saleOrderId link. */
export const creditNoteSchema = z.looseObject({
  saleOrderId: nonEmpty.optional(),
});
