import { z } from 'zod';

/** Stok.ly's envelopes and the records the adapter reads. Unknown fields pass through. */

export const grantResponseSchema = z.object({
  data: z.object({
    authenticationResult: z.object({ accessToken: z.string().min(1), expiry: z.string() }),
  }),
});

export const errorBodySchema = z.object({ message: z.string() });

export const listEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), metadata: z.object({ count: z.number().int().nonnegative() }) });

export const recordEnvelope = <T extends z.ZodType>(item: T) => z.object({ data: item });

export const createdSchema = z.object({ data: z.object({ id: z.string().min(1) }).loose() });

export const itemSchema = z.object({
  itemId: z.string(),
  sku: z.string(),
  name: z.string().nullish(),
  barcodes: z.array(z.string()).nullish(),
  format: z.number().int().nullish(),
  status: z.number().int(),
  taxClassId: z.string().nullish(),
  salePrice: z.object({ amount: z.number(), currency: z.string() }).nullish(),
  timeUpdated: z.string().nullish(),
  parentId: z.string().nullish(),
});
export type StoklyItem = z.infer<typeof itemSchema>;

export const saleOrderSchema = z.object({
  saleOrderId: z.string(),
  niceId: z.union([z.number(), z.string()]).nullish(),
  stage: z.string().nullish(),
  sourceReferenceId: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type StoklySaleOrder = z.infer<typeof saleOrderSchema>;

export const saleOrderLineSchema = z.object({
  lineId: z.string(),
  referenceId: z.string(),
  itemSku: z.string().nullish(),
  quantity: z.number(),
  status: z.string().nullish(),
  fulfilmentType: z.string().nullish(),
});
export type StoklySaleOrderLine = z.infer<typeof saleOrderLineSchema>;
