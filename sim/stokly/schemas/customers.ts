import { z } from 'zod';

/**
 * ASSUMED shapes (reference, "Customers and delivery"), mirrored by the adapter's
 * electron/core/stokly/customer-mapping.ts: strict here, so a drift on either side is a 422.
 */
const nonEmpty = z.string().min(1);

export const addressSchema = z.strictObject({
  line1: nonEmpty,
  line2: z.string().optional(),
  city: nonEmpty,
  region: z.string().optional(),
  postcode: nonEmpty,
  country: z.string().regex(/^[A-Z]{2}$/),
});

export const personNameSchema = z.strictObject({ forename: z.string(), surname: nonEmpty });

export const createCustomerSchema = z.strictObject({
  name: personNameSchema,
  fullName: nonEmpty,
  type: z.int(),
  barcode: nonEmpty,
  address: addressSchema,
  shippingAddresses: z.array(addressSchema),
});
export type CreateCustomerBody = z.output<typeof createCustomerSchema>;

export const shippingSchema = z.strictObject({
  name: personNameSchema,
  address: addressSchema,
  option: nonEmpty,
  cost: z.number().min(0),
  tax: z.number().min(0),
});
