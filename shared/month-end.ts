import { z } from 'zod';
import { figuresSchema, reconciliationStatusSchema, tenderRowSchema, tradingDaySchema } from './reconciliation.js';

/**
 * Month end (admin API, staff window, CSV): the month's takings built from the daily reports,
 * its sign-off, the stock movements the kiosks' sales do not explain, and the checklist of the
 * handbook's daily and monthly checks. Money is integer minor units; variance is Stok.ly − kiosk.
 */

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-11');

const minor = z.number().int();
const actor = z.string().trim().min(1, 'say who you are').max(100);
const note = z.string().trim().max(2000);

/** A day's status in the month; `not_built` when its report could not be built (Stok.ly unreadable). */
export const monthDayStatusSchema = z.union([reconciliationStatusSchema, z.literal('not_built')]);
export type MonthDayStatus = z.infer<typeof monthDayStatusSchema>;

export const monthDaySchema = z.object({
  day: tradingDaySchema,
  status: monthDayStatusSchema,
  /** Stok.ly net − kiosk net for the day (0 when not built). */
  variance: minor,
  /** The daily report version these figures come from (null when not built). */
  version: z.number().int().positive().nullable(),
});
export type MonthDay = z.infer<typeof monthDaySchema>;

/** A tender row of the month: the day rows' fields summed, without their per-day note. */
export const monthTenderRowSchema = tenderRowSchema.omit({ note: true });
export type MonthTenderRow = z.infer<typeof monthTenderRowSchema>;

export const monthSignOffSchema = z.object({
  id: z.number().int(),
  by: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  /** Day → the report version the person saw. */
  versions: z.record(z.string(), z.number().int().positive()),
  /** True when a day now has a later version than the one signed off. */
  outOfDate: z.boolean(),
  /** The days whose report changed since the sign-off. */
  changedDays: z.array(tradingDaySchema),
});
export type MonthSignOff = z.infer<typeof monthSignOffSchema>;

export const monthTakingsSchema = z.object({
  month: monthSchema,
  timeZone: z.string(),
  currency: z.string().nullable(),
  /** provisional: some day is still open, waiting or not built; variance: some day differs; else balanced. */
  status: reconciliationStatusSchema,
  /** The month is over in the store's time zone. */
  complete: z.boolean(),
  tenders: z.array(monthTenderRowSchema),
  totals: z.object({ kiosk: figuresSchema, stokly: figuresSchema, variance: minor }),
  /** Every trading day of the month that has started, in order. */
  days: z.array(monthDaySchema),
  /** The days that are not balanced: the ones to look at. */
  attention: z.array(monthDaySchema),
  /** One sentence for the person closing the month. */
  summary: z.string(),
  notes: z.array(z.string()),
  signOff: monthSignOffSchema.nullable(),
});
export type MonthTakings = z.infer<typeof monthTakingsSchema>;

export const monthSignOffInputSchema = z.strictObject({ actor, note: note.optional() });
export type MonthSignOffInput = z.infer<typeof monthSignOffInputSchema>;

/* Stock movements ------------------------------------------------------------------------ */

export const movementQuerySchema = z.object({ from: tradingDaySchema, to: tradingDaySchema });

export const movementItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  /** Units, + in (a receipt, a transfer in), − out (shrinkage, a transfer out), summed over the range. */
  net: z.number().int(),
  /** How many pulls found an unexplained movement. */
  count: z.number().int().positive(),
  /** The single largest movement (by size, with its sign). */
  largest: z.number().int(),
  lastAt: z.string(),
});
export type MovementItem = z.infer<typeof movementItemSchema>;

export const movementListSchema = z.object({
  from: tradingDaySchema,
  to: tradingDaySchema,
  timeZone: z.string(),
  items: z.array(movementItemSchema),
});
export type MovementList = z.infer<typeof movementListSchema>;

/* Checklist ------------------------------------------------------------------------------ */

export const checkIdSchema = z.enum([
  'sync_ok', 'no_old_exceptions', 'takings_balanced', 'stock_flags_reviewed', // daily
  'movements_reviewed', 'month_signed_off', // monthly
]);
export type CheckId = z.infer<typeof checkIdSchema>;

export const checkSchema = z.object({
  id: checkIdSchema,
  cadence: z.enum(['daily', 'monthly']),
  /** The day (daily) or month (monthly) this check is for. */
  period: z.string(),
  title: z.string(),
  owner: z.enum(['store', 'finance', 'retail_ops']),
  /** What to look at, in the handbook's words. */
  how: z.string(),
  /** What the agent sees right now (e.g. "2 exceptions older than a day"); null when it cannot tell. */
  hint: z.string().nullable(),
  ticked: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
});
export type Check = z.infer<typeof checkSchema>;

export const checklistSchema = z.object({
  day: tradingDaySchema,
  month: monthSchema,
  checks: z.array(checkSchema),
  /** Today's daily checks not ticked, once the reminder hour has passed (for the Status tab). */
  overdue: z.array(checkIdSchema),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const checkTickInputSchema = z.strictObject({
  check: checkIdSchema,
  /** Defaults to today (daily) or this month (monthly). */
  period: z.string().optional(),
  actor,
  note: note.optional(),
});
export type CheckTickInput = z.infer<typeof checkTickInputSchema>;
