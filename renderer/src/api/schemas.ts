import { z } from 'zod';

/**
 * Answers that have no schema in shared/ (the route returns them as they are): checked here, as
 * loosely as the UI can afford, so a new field on the agent does not break the page.
 */

export { cloudshelfIssueListSchema, cloudshelfIssueSchema, type CloudshelfIssue } from '../../../shared/admin-api.js';

export { syncStartedSchema as syncResultSchema } from '../../../shared/admin-api.js';

/** The sale or refund as the kiosk sent it (kept by the agent in its outbox). */
const documentLineSchema = z.object({
  sku: z.string(),
  quantity: z.number(),
  /** Sale lines. */
  unitPrice: z.number().optional(),
  tax: z.number().optional(),
  discount: z.number().optional(),
  fulfilment: z.string().optional(),
  /** Refund lines. */
  amount: z.number().optional(),
  restock: z.boolean().optional(),
});
export type DocumentLine = z.infer<typeof documentLineSchema>;

const documentPaymentSchema = z.object({
  tender: z.string(),
  amount: z.number(),
  reference: z.string().optional(),
});
export type DocumentPayment = z.infer<typeof documentPaymentSchema>;

export const kioskDocumentSchema = z.object({
  saleId: z.string().optional(),
  refundId: z.string().optional(),
  kioskId: z.string().optional(),
  occurredAt: z.string().optional(),
  currency: z.string(),
  lines: z.array(documentLineSchema),
  payments: z.array(documentPaymentSchema),
});
export type KioskDocument = z.infer<typeof kioskDocumentSchema>;

/** The document from an exception's detail, or null when it is missing or of another shape. */
export function parseKioskDocument(raw: unknown): KioskDocument | null {
  const parsed = kioskDocumentSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
