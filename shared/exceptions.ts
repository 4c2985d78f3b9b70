import { z } from 'zod';

/** Why a sale or refund waits for a person. Each has a plain-language explanation and fix. */
export const exceptionReasonSchema = z.enum([
  'unknown_sku',
  'inactive_sku',
  'ambiguous_sku',
  'unmapped_tender',
  'rejected_by_stokly',
  'order_mismatch',
  'refund_mismatch',
  'refund_without_sale',
  'sale_voided',
  'price_mismatch',
  'cloudshelf_rejected',
  'cloudshelf_partial_refund',
  'unpostable',
  'refund_exceeds_sale',
  'id_collision',
  'missing_delivery',
]);
export type ExceptionReason = z.infer<typeof exceptionReasonSchema>;

/** The reasons a SKU is behind: a catalogue pull or a SKU mapping can clear them. */
export const skuExceptionReasonSchema = exceptionReasonSchema.extract(['unknown_sku', 'inactive_sku', 'ambiguous_sku']);
export const skuExceptionReasons: readonly ExceptionReason[] = skuExceptionReasonSchema.options;

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
    fix: 'Press "Map tender" on the item in Needs attention and pick the Stok.ly payment method for it; the sale is then sent. It applies to every sale from now on.',
  },
  rejected_by_stokly: {
    title: 'Stok.ly refused the sale order',
    fix: 'Read what Stok.ly said, correct the cause in Stok.ly or the configuration, then retry.',
  },
  refund_mismatch: {
    title: 'The refund does not match the sale in Stok.ly',
    fix: 'Check the refund against the sale (SKU, quantity). Void it with a reason if it was keyed wrongly, and refund again correctly.',
  },
  refund_without_sale: {
    title: 'A refund arrived, but its sale never did',
    fix: 'Find the sale on the kiosk (it may still be offline) and have it resend; or void the refund with a reason.',
  },
  sale_voided: {
    title: 'The refund is for a sale that was voided',
    fix: 'The sale never went to Stok.ly, so there is nothing to credit. Void this refund with a reason, or restore the sale.',
  },
  price_mismatch: {
    title: 'The kiosk charged a different price from Stok.ly',
    fix: 'This review does not hold the sale back: it goes to Stok.ly at the price the customer paid. Check the price in Stok.ly and on the kiosk, then acknowledge.',
  },
  cloudshelf_rejected: {
    title: 'Cloudshelf refused an update',
    fix: 'Read what Cloudshelf said; correct the product in Stok.ly (the master), and the next push retries.',
  },
  cloudshelf_partial_refund: {
    title: 'Cloudshelf reports a partial refund with no detail',
    fix: 'Record the refund on the kiosk (which lines), or void this item with a reason if it was handled elsewhere.',
  },
  unpostable: {
    title: 'This sale or refund can never be sent to Stok.ly as it is',
    fix: 'Read the detail (a value out of range, a refusal Stok.ly will always give). Void it with a reason and record it again correctly.',
  },
  refund_exceeds_sale: {
    title: 'The refunds of this sale give back more than the sale took',
    fix: 'Check the refund with the staff member who gave it. Approve it to send the credit note to Stok.ly, or void it with a reason.',
  },
  id_collision: {
    title: 'Two kiosks used the same sale or refund id',
    fix: 'A kiosk is misconfigured, or its token is in the wrong hands. Check both kiosks named in the detail; the first document is kept.',
  },
  missing_delivery: {
    title: 'An endless-aisle sale has no delivery address',
    fix: 'Ask the customer (or the kiosk receipt) for the address and enter it with "Enter delivery address"; the order is then sent to the warehouse.',
  },
  order_mismatch: {
    title: 'The order in Stok.ly does not have the lines that were sent',
    fix: 'Check the order in Stok.ly; correct it there, then retry so the in-store collection is recorded.',
  },
};
