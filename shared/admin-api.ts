import { z } from 'zod';
import { deliverySchema } from './delivery.js';
import { healthSchema } from './kiosk-api.js';

/** The admin API between the renderer (or a browser) and the core, on 127.0.0.1 with a bearer token. */

export const outboxStatusSchema = z.enum(['pending', 'sending', 'done', 'exception', 'voided']);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;
export const outboxKindSchema = z.enum(['sale', 'refund']);
export type OutboxKind = z.infer<typeof outboxKindSchema>;
export const outboxStepSchema = z.enum(['create', 'collect', 'complete']);
export type OutboxStep = z.infer<typeof outboxStepSchema>;

/** The pulls and pushes that run on a schedule and on demand (`POST /api/sync/:job`). */
export const syncKindSchema = z.enum(['stock', 'catalog', 'cloudshelf', 'cloudshelf_orders']);
export type SyncKind = z.infer<typeof syncKindSchema>;

/** `GET /api/events`: the staff window's server-sent events, by name, with their data. */
export const adminEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('hello'), data: z.object({}) }),
  z.object({ event: z.literal('online'), data: z.object({ online: z.boolean() }) }),
  z.object({ event: z.literal('changed'), data: z.object({}) }),
]);
export type AdminEvent = z.infer<typeof adminEventSchema>;
export const syncStartedSchema = z.object({ ok: z.literal(true) });

export const syncRunSchema = z.object({
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type SyncRunStatus = z.infer<typeof syncRunSchema>;

export const statusSchema = z.object({
  storeId: z.string(),
  version: z.string(),
  health: healthSchema,
  /** Outbox rows in each status (every status present, 0 when none). */
  counts: z.record(outboxStatusSchema, z.number().int()),
  /** Refunds held until their sale is in Stok.ly: normal, not a stall, not a problem. */
  waitingForSale: z.number().int(),
  stokly: z.object({
    online: z.boolean(),
    lastContactAt: z.string().nullable(),
    pausedUntil: z.string().nullable(),
  }),
  kioskApi: z.object({ url: z.string() }),
  sync: z.object({
    stock: syncRunSchema,
    catalog: syncRunSchema,
    cloudshelf: syncRunSchema.nullable(),
  }),
  flags: z.record(z.string(), z.number().int()),
  exceptions: z.object({ open: z.number().int(), cloudshelfIssues: z.number().int() }),
  now: z.string(),
});
export type Status = z.infer<typeof statusSchema>;

export const outboxItemSchema = z.object({
  id: z.number().int(),
  kind: outboxKindSchema,
  ref: z.string(),
  status: outboxStatusSchema,
  step: outboxStepSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  outcomeUnknown: z.boolean(),
  remoteId: z.string().nullable(),
  exceptionReason: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  /** A refund held until its sale is in Stok.ly (its own state: nothing is wrong). */
  waitingForSale: z.boolean(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** A row of the Status list: the outbox row with what the sale or refund was for and where from. */
export const outboxListItemSchema = outboxItemSchema.extend({
  /** The sale's or refund's total in minor units (a refund's as given back, positive); null if its document is gone. */
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  kioskId: z.string().nullable(),
});
export type OutboxListItem = z.infer<typeof outboxListItemSchema>;

/** `GET /api/outbox`: one page, newest first, and how many rows the filter matches in all. */
export const outboxListSchema = z.object({ items: z.array(outboxListItemSchema), total: z.number().int().min(0) });
export type OutboxList = z.infer<typeof outboxListSchema>;

export const outboxQuerySchema = z.object({
  status: outboxStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const saleFlagItemSchema = z.object({
  id: z.number().int(),
  saleId: z.string(),
  flag: z.string(),
  sku: z.string().nullable(),
  detail: z.string(),
  createdAt: z.string(),
});
export const saleFlagListSchema = z.object({ items: z.array(saleFlagItemSchema) });
export type SaleFlagItem = z.infer<typeof saleFlagItemSchema>;

export const flagQuerySchema = z.object({
  flag: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const actor = z.string().trim().min(1, 'say who you are').max(100);

/** Actions on an exception; every one names the person taking it (for the audit log). */
export const exceptionActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('retry'), actor }),
  z.strictObject({ action: z.literal('map_sku'), actor, sku: z.string().min(1), itemId: z.string().min(1), scope: z.enum(['sale', 'standing']) }),
  z.strictObject({ action: z.literal('map_tender'), actor, tender: z.string().regex(/^[a-z0-9_]{1,64}$/), method: z.number().int(), ledger: z.string().min(1).max(100).optional() }),
  z.strictObject({ action: z.literal('void'), actor, reason: z.string().trim().min(3, 'a void needs a reason a person can read later').max(500) }),
  z.strictObject({ action: z.literal('note'), actor, text: z.string().trim().min(1).max(2000) }),
  z.strictObject({ action: z.literal('acknowledge'), actor, note: z.string().max(2000).optional() }),
  z.strictObject({ action: z.literal('set_delivery'), actor, delivery: deliverySchema }),
]);
export type ExceptionActionInput = z.infer<typeof exceptionActionSchema>;
export type ExceptionActionName = ExceptionActionInput['action'];

export const exceptionStatusSchema = z.enum(['open', 'resolved', 'voided']);
export type ExceptionStatus = z.infer<typeof exceptionStatusSchema>;
/** What an exception is about. */
export const subjectKindSchema = z.enum(['sale', 'refund', 'cloudshelf_order', 'cloudshelf_catalog']);
export type SubjectKind = z.infer<typeof subjectKindSchema>;

/**
 * A price review's figures as recorded when the sale came in, in minor units: the window says
 * them as money in the store's currency. `productName` is the catalogue's name today.
 */
export const priceReviewSchema = z.object({
  sku: z.string(),
  productName: z.string().nullable(),
  kioskPrice: z.number().int(),
  stoklyPrice: z.number().int(),
  currency: z.string(),
});
export type PriceReview = z.infer<typeof priceReviewSchema>;

export const exceptionItemSchema = z.object({
  id: z.number().int(),
  subjectKind: subjectKindSchema,
  subjectRef: z.string(),
  reason: z.string(),
  title: z.string(),
  fix: z.string(),
  detail: z.string(),
  blocking: z.boolean(),
  status: exceptionStatusSchema,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  /** Price reviews only (null for old rows whose figures could not be read, and for other reasons). */
  priceReview: priceReviewSchema.nullable().optional(),
});
export type ExceptionItem = z.infer<typeof exceptionItemSchema>;
export const exceptionListSchema = z.object({ items: z.array(exceptionItemSchema) });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subjectKind: z.string(),
  subjectRef: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.string().nullable(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });

export const exceptionDetailSchema = exceptionItemSchema.extend({
  notes: z.array(z.object({ author: z.string(), text: z.string(), createdAt: z.string() })),
  audit: z.array(auditEntrySchema),
  document: z.unknown(),
  outbox: outboxItemSchema.nullable(),
  /** The sale's delivery address masked ("A. B••••, LS1 •••"); personal data never leaves unmasked. */
  delivery: z.string().nullable().optional(),
  /**
   * Whose words `detail` is: Stok.ly's answer to an attempt to send ('stokly'), or what the agent
   * found itself, often before sending anything (an unknown SKU, an unmapped tender).
   */
  detailSource: z.enum(['stokly', 'agent']),
  /** Other open items that hold the same sale or refund back (a review does not; these do). */
  heldBy: z.array(z.object({ id: z.number().int(), title: z.string() })),
});

export const exceptionQuerySchema = z.object({
  status: exceptionStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /api/cloudshelf/issues`: refused updates, fields changed on Cloudshelf, a missing location. */
export const cloudshelfIssueSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  entityKind: z.string(),
  entity: z.string(),
  sku: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** Milliseconds since the epoch, as the agent stores them. */
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  resolvedAt: z.number().nullable(),
});
export type CloudshelfIssue = z.infer<typeof cloudshelfIssueSchema>;
export const cloudshelfIssueListSchema = z.object({ items: z.array(cloudshelfIssueSchema) });
