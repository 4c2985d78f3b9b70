import { z } from 'zod';

/**
 * The daily reconciliation report (admin API, staff window, CSV export). Money is integer minor
 * units of `currency`; `variance` is always Stok.ly minus kiosk, so a negative figure means
 * Stok.ly holds less than the kiosks took.
 */

export const tradingDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2026-11-26');

const minor = z.number().int();
const count = z.number().int().nonnegative();

export const reconciliationStatusSchema = z.enum(['provisional', 'balanced', 'variance']);
export type ReconciliationStatus = z.infer<typeof reconciliationStatusSchema>;

/** Why a report is provisional: the day is still trading, or something has not reached Stok.ly yet. */
export const provisionalReasonSchema = z.enum(['day_open', 'pending', 'exception']);
export type ProvisionalReason = z.infer<typeof provisionalReasonSchema>;

export const figuresSchema = z.object({
  sales: minor,
  refunds: minor,
  net: minor,
  /** Transactions (sales and refunds) with money in this row. */
  count,
});
export type Figures = z.infer<typeof figuresSchema>;

export const tenderRowSchema = z.object({
  /** Stable id of the row: `method:4`, or `tender:voucher` for a tender with no method, `method:9` for a method with no tender. */
  key: z.string(),
  /** Kiosk tenders in this row; more than one when they share a Stok.ly payment method. */
  tenders: z.array(z.string()),
  method: z.number().int().nullable(),
  /** Ledger label(s) from the configuration. */
  ledger: z.string(),
  kiosk: figuresSchema,
  stokly: figuresSchema,
  variance: minor,
  /** Why the row looks as it does (shared method, unmapped tender), or null. */
  note: z.string().nullable(),
});
export type TenderRow = z.infer<typeof tenderRowSchema>;

export const lineReasonSchema = z.enum([
  'pending', // accepted from the kiosk, not yet in Stok.ly
  'exception', // waiting for a person (exception queue)
  'voided', // a person decided it will not be posted
  'not_queued', // no outbox row: never sent
  'not_in_stokly', // posted, but Stok.ly has no document with its reference now
  'stokly_other_day', // in Stok.ly, dated on another day
  'stokly_other_channel', // in Stok.ly on this day, under another channel
  'removed_in_stokly', // the order's stage is "removed"
  'duplicate_in_stokly', // more than one document carries the reference
  'amount_differs', // Stok.ly's payments differ from the kiosk's
  'tender_differs', // same total, different tenders
  'unknown_to_kiosk', // Stok.ly has our store's reference, this agent never received it
  'kiosk_other_day', // the kiosk transaction belongs to another trading day
  'duplicate_sale', // the kiosk sale was a duplicate and should not have been posted
]);
export type LineReason = z.infer<typeof lineReasonSchema>;

export const stoklyDocumentSchema = z.object({
  id: z.string(),
  niceId: z.string().nullable(),
  createdAt: z.string(),
});

/** One transaction and tender that explains (part of) a variance. Lines of a tender add up to its variance. */
export const explainingLineSchema = z.object({
  kind: z.enum(['sale', 'refund']),
  /** saleId or refundId. */
  id: z.string(),
  /** sourceReferenceId in Stok.ly. */
  reference: z.string(),
  tenderKey: z.string(),
  tender: z.string(),
  ledger: z.string(),
  /** What the kiosk took (or refunded) in this tender, and what Stok.ly holds. */
  kiosk: minor,
  stokly: minor,
  variance: minor,
  reason: lineReasonSchema,
  detail: z.string(),
  documents: z.array(stoklyDocumentSchema),
});
export type ExplainingLine = z.infer<typeof explainingLineSchema>;

export const reconciliationReportSchema = z.object({
  day: tradingDaySchema,
  timeZone: z.string(),
  /** The trading day in UTC: [start, end). */
  start: z.string(),
  end: z.string(),
  storeId: z.string(),
  channelId: z.string(),
  /** Null when nothing moved on the day. */
  currency: z.string().nullable(),
  version: z.number().int().positive(),
  status: reconciliationStatusSchema,
  provisionalReasons: z.array(provisionalReasonSchema),
  /** When this version was first built, and when a build last found the same figures. */
  builtAt: z.string(),
  checkedAt: z.string(),
  tenders: z.array(tenderRowSchema),
  totals: z.object({ kiosk: figuresSchema, stokly: figuresSchema, variance: minor }),
  lines: z.array(explainingLineSchema),
  pending: z.object({ sales: count, refunds: count, exceptions: count }),
  notes: z.array(z.string()),
});
export type ReconciliationReport = z.infer<typeof reconciliationReportSchema>;

export const reconciliationVersionSchema = z.object({
  version: z.number().int().positive(),
  status: reconciliationStatusSchema,
  builtAt: z.string(),
  checkedAt: z.string(),
  kioskNet: minor,
  stoklyNet: minor,
  variance: minor,
  lines: count,
});
export type ReconciliationVersion = z.infer<typeof reconciliationVersionSchema>;

export const reconciliationVersionsSchema = z.object({
  day: tradingDaySchema,
  versions: z.array(reconciliationVersionSchema),
});
export type ReconciliationVersions = z.infer<typeof reconciliationVersionsSchema>;
