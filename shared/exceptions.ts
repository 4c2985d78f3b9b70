import { z } from 'zod';

/** Why a sale or refund waits for a person. Each has a plain-language explanation and fix. */
export const exceptionReasonSchema = z.enum([
  'unknown_sku',
  'inactive_sku',
  'ambiguous_sku',
  'unmapped_tender',
  'rejected_by_stokly',
  'order_mismatch',
]);
export type ExceptionReason = z.infer<typeof exceptionReasonSchema>;

export const exceptionHelp: Record<ExceptionReason, { title: string; fix: string }> = {
  unknown_sku: {
    title: 'Stok.ly does not know a SKU on this sale',
    fix: 'Create the product in Stok.ly with this SKU, or correct the SKU on the kiosk, then retry.',
  },
  inactive_sku: {
    title: 'A SKU on this sale is deleted in Stok.ly',
    fix: 'Reactivate the product in Stok.ly (or map the sale to its replacement), then retry.',
  },
  ambiguous_sku: {
    title: 'Several active Stok.ly products share a SKU on this sale',
    fix: 'Make the SKU unique in Stok.ly, then retry.',
  },
  unmapped_tender: {
    title: 'A payment tender has no Stok.ly payment method',
    fix: 'Add the tender under "tenders" in the configuration (tender name → Stok.ly payment method code), then retry.',
  },
  rejected_by_stokly: {
    title: 'Stok.ly refused the sale order',
    fix: 'Read what Stok.ly said, correct the cause in Stok.ly or the configuration, then retry.',
  },
  order_mismatch: {
    title: 'The order in Stok.ly does not have the lines that were sent',
    fix: 'Check the order in Stok.ly; correct it there, then retry so the in-store collection is recorded.',
  },
};
