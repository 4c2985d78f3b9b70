import { z } from 'zod';
import { parseGid } from './gid.js';
import { buildOrderLine } from './order-lines.js';
import { enumValues } from './schema.js';
import { ORDER_STATUSES, type CloudshelfState, type OrderRecord, type OrderStatus } from './state.js';

/** A sale made on a kiosk, as a test or another process hands it to the sandbox. */
export interface SandboxOrderLineInput {
  /** A variant the sandbox knows (external or Cloudshelf gid), or any id to simulate an unknown one. */
  productVariantId: string;
  /** Whole units, at least 1. */
  quantity: number;
  /** Unit price as a decimal in `currencyCode`, 0 or more. */
  price: number;
  /** A CurrencyCode of the schema; default 'GBP'. */
  currencyCode?: string;
  /** Only used when the variant is unknown to the sandbox (otherwise taken from the catalogue). */
  productId?: string;
  productName?: string;
  productVariantName?: string;
  /** E.g. device, location or sales-assistant ids the kiosk attached to the line. */
  customAttributes?: { key: string; value: string }[];
}

export interface SandboxOrderInput {
  /** Default: a new `gid://cloudshelf/Order/<n>`. Must be a gid and not already used. */
  id?: string;
  /** Default 'PAID'. */
  status?: OrderStatus;
  thirdPartyId?: string | null;
  discountCode?: string | null;
  /** The kiosk session the order was made in (Order.session.id). */
  sessionId?: string | null;
  fromPOS?: boolean | null;
  /** ISO 8601 string, epoch milliseconds or a Date; default the sandbox clock. */
  createdAt?: string | number | Date;
  /** Default: createdAt. */
  updatedAt?: string | number | Date;
  lines: SandboxOrderLineInput[];
}

const dateLike = z.union([
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time'),
  z.number().int().nonnegative(),
  z.date(),
]);

const keyValue = z.object({ key: z.string(), value: z.string() }).strict();

export const sandboxOrderLineSchema = z
  .object({
    productVariantId: z.string().min(1),
    quantity: z.number().int().positive(),
    price: z.number().nonnegative(),
    currencyCode: z.string().refine((c) => enumValues('CurrencyCode').has(c), 'must be a CurrencyCode of the schema').optional(),
    productId: z.string().optional(),
    productName: z.string().optional(),
    productVariantName: z.string().optional(),
    customAttributes: z.array(keyValue).optional(),
  })
  .strict();

export const sandboxOrderSchema = z
  .object({
    id: z.string().refine((id) => parseGid(id) !== null, 'must be a GlobalId (gid://cloudshelf/Order/<id>)').optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    thirdPartyId: z.string().nullable().optional(),
    discountCode: z.string().nullable().optional(),
    sessionId: z.string().nullable().optional(),
    fromPOS: z.boolean().nullable().optional(),
    createdAt: dateLike.optional(),
    updatedAt: dateLike.optional(),
    lines: z.array(sandboxOrderLineSchema),
  })
  .strict();

// The hand-written interfaces above are what callers see; keep them in step with the schema.
type Assert<T extends true> = T;
export type _OrderInputMatchesSchema = Assert<SandboxOrderInput extends z.input<typeof sandboxOrderSchema> ? true : false>;

function toMs(value: string | number | Date): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Date.parse(value);
  return value.getTime();
}

/** Validate and store an order; throws a readable Error for invalid input. */
export function createOrder(state: CloudshelfState, input: SandboxOrderInput, now: number): OrderRecord {
  const parsed = sandboxOrderSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid sandbox order: ${z.prettifyError(parsed.error)}`);
  const order = parsed.data;
  if (order.id !== undefined && state.orders.has(order.id)) throw new Error(`Order ${order.id} already exists in the sandbox`);

  const allocated = state.allocate('Order');
  const seq = allocated.seq;
  let id = order.id ?? allocated.id;
  while (state.orders.has(id)) id = state.newId('Order');
  const createdAt = order.createdAt === undefined ? now : toMs(order.createdAt);
  const record: OrderRecord = {
    seq,
    id,
    status: order.status ?? 'PAID',
    thirdPartyId: order.thirdPartyId ?? null,
    discountCode: order.discountCode ?? null,
    sessionId: order.sessionId ?? null,
    fromPOS: order.fromPOS ?? null,
    lines: order.lines.map((line) =>
      buildOrderLine(state, { ...line, currencyCode: line.currencyCode ?? 'GBP', customAttributes: line.customAttributes ?? [] }, createdAt),
    ),
    createdAt,
    updatedAt: order.updatedAt === undefined ? createdAt : toMs(order.updatedAt),
  };
  state.orders.set(id, record);
  return record;
}
