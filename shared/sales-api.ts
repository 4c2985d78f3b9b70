import { z } from 'zod';
import { customerDataSchema } from './delivery.js';

/** The staff window's Sales tab: every sale findable, each with its whole story. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/**
 * `GET /api/sales`: newest first, one page at a time. `q` is a sale id (or its start), a SKU (or
 * its start), a Stok.ly order number or an amount ("12.50", "£12.50"); `day` is a trading day in
 * the store's time zone (when the agent received the sale).
 */
export const salesQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kiosk: z.string().trim().min(1).max(100).optional(),
  day: day.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SalesQuery = z.infer<typeof salesQuerySchema>;

/** Where a sale is, in one word the window turns into a sentence. */
export const saleStateSchema = z.enum(['sent', 'sending', 'waiting', 'attention', 'voided', 'duplicate']);
export type SaleState = z.infer<typeof saleStateSchema>;

export const saleSummarySchema = z.object({
  saleId: z.string(),
  kioskId: z.string(),
  /** When the customer paid, as the kiosk said (with its offset). */
  occurredAt: z.string(),
  /** When the agent stored it (UTC). */
  receivedAt: z.string(),
  currency: z.string(),
  /** Minor units. */
  total: z.number().int(),
  state: saleStateSchema,
  /** The Stok.ly order number (or its id) once the order exists. */
  orderNumber: z.string().nullable(),
  lineCount: z.number().int(),
  firstSku: z.string().nullable(),
  /** The product name of the first line, from the product master; null when unknown. */
  firstName: z.string().nullable(),
  flags: z.array(z.string()),
  refunds: z.number().int(),
});
export type SaleSummary = z.infer<typeof saleSummarySchema>;

export const salesPageSchema = z.object({
  items: z.array(saleSummarySchema),
  /** How many sales match, over every page; with `totalCapped`, at least this many. */
  total: z.number().int(),
  /** A typed search stopped counting at 1,000 matches: the window says "more than 1,000". */
  totalCapped: z.boolean(),
  /** More after this page. */
  more: z.boolean(),
});
export type SalesPage = z.infer<typeof salesPageSchema>;

export const timelineKindSchema = z.enum(['received', 'flag', 'attempt', 'exception_opened', 'exception_closed', 'action', 'refund', 'collected', 'voided']);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

/** One thing that happened to a sale. `code` is the flag, attempt outcome, reason or action; the window says it in words. */
export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: timelineKindSchema,
  code: z.string().nullable(),
  /** Who did it: a person's name, "system", or null for the kiosk and the agent. */
  actor: z.string().nullable(),
  /** The answer, the note, the reason given; null when there is nothing more to say. */
  detail: z.string().nullable(),
  /** What it refers to: a SKU, a refund id, an exception id, a Stok.ly order. */
  ref: z.string().nullable(),
  /** Minor units, when the entry is about money (a refund). */
  amount: z.number().int().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const saleDetailSchema = z.object({
  summary: saleSummarySchema,
  source: z.string(),
  duplicateOf: z.string().nullable(),
  cloudshelfOrderId: z.string().nullable(),
  lines: z.array(z.object({
    sku: z.string(),
    name: z.string().nullable(),
    quantity: z.number().int(),
    unitPrice: z.number().int(),
    tax: z.number().int(),
    discount: z.number().int(),
    fulfilment: z.string(),
  })),
  payments: z.array(z.object({ tender: z.string(), amount: z.number().int(), reference: z.string().nullable() })),
  /** Tries at Stok.ly so far (all of them; the timeline keeps the latest 20). */
  attempts: z.number().int(),
  /** Open work items on this sale, by id (the Needs attention tab). */
  openExceptions: z.array(z.object({ id: z.number().int(), reason: z.string() })),
  timeline: z.array(timelineEntrySchema),
  /** Endless aisle: the customer's details as far as the window may know them; null when none were given. */
  customerData: customerDataSchema.nullable().optional(),
});
export type SaleDetail = z.infer<typeof saleDetailSchema>;
