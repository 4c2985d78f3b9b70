import { z } from 'zod';

/**
 * Stock flags with a life (the Stock tab): by trading day, still to look at or acknowledged,
 * counted exactly as listed, paged; acknowledged by name with a note.
 */

export const flagStateSchema = z.enum(['open', 'acknowledged', 'all']);
export type FlagState = z.infer<typeof flagStateSchema>;

/** `GET /api/flags`: newest first. Without `day`, every day. */
export const flagPageQuerySchema = z.object({
  flag: z.string().max(100).optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD').optional(),
  state: flagStateSchema.default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FlagPageQuery = z.infer<typeof flagPageQuerySchema>;

export const flagItemSchema = z.object({
  id: z.number().int(),
  saleId: z.string(),
  kioskId: z.string().nullable(),
  flag: z.string(),
  sku: z.string().nullable(),
  /** The product's name from the product master; null when unknown. */
  productName: z.string().nullable(),
  detail: z.string(),
  createdAt: z.string(),
  acknowledged: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
});
export type FlagItem = z.infer<typeof flagItemSchema>;

export const flagPageSchema = z.object({
  items: z.array(flagItemSchema),
  /** Matches of the whole filter, over every page. */
  total: z.number().int(),
  more: z.boolean(),
  /** Per kind, for the same day and state (without the kind): what the filter buttons show. */
  counts: z.record(z.string(), z.number().int()),
});
export type FlagPage = z.infer<typeof flagPageSchema>;

export const acknowledgeFlagSchema = z.strictObject({
  actor: z.string().trim().min(1, 'say who you are').max(100),
  note: z.string().trim().max(2000).optional(),
});
export type AcknowledgeFlag = z.infer<typeof acknowledgeFlagSchema>;
