import { z } from 'zod';
import { majorToMinor, MoneyPrecisionError, currencyExponent } from '../../../shared/money.js';
import type { StoklyClient } from '../stokly/client.js';
import { and, eq, gte, term, type Filter } from '../stokly/filter.js';
import { listEnvelope } from '../stokly/schemas.js';
import type { DayWindow } from './trading-day.js';

/**
 * What Stok.ly holds for the day, read back from Stok.ly (never from what the outbox believes it
 * sent): sale orders of our channel and credit notes, both carrying `<storeId>/<id>`.
 */

const payments = z.array(z.object({ method: z.number().int(), amount: z.number() })).nullish();

const orderSchema = z.object({
  saleOrderId: z.string(),
  niceId: z.union([z.number(), z.string()]).nullish(),
  stage: z.string().nullish(),
  sourceId: z.string().nullish(),
  sourceReferenceId: z.string().nullish(),
  createdAt: z.string(),
  currency: z.string().nullish(),
  payments,
});

/** ASSUMED shape, as sent by credit-note-mapping.ts and listed flat by the sandbox. */
const creditNoteSchema = z.object({
  creditNoteId: z.string(),
  niceId: z.union([z.number(), z.string()]).nullish(),
  sourceReferenceId: z.string().nullish(),
  createdAt: z.string(),
  currency: z.string().nullish(),
  payments,
});

export interface StoklyDoc {
  kind: 'sale' | 'refund';
  id: string;
  niceId: string | null;
  reference: string;
  createdAt: string;
  currency: string;
  /** A sale order whose stage is "removed" holds no money. */
  removed: boolean;
  payments: Array<{ method: number; amount: number }>;
}

export const REMOVED_STAGE = 'removed';

const PAGE_SIZE = 500;

/** Stok.ly decimals → minor units; a figure with stray decimals is rounded, so the variance shows it. */
function toMinor(amount: number, currency: string): number {
  try {
    return majorToMinor(amount, currency);
  } catch (err) {
    if (!(err instanceof MoneyPrecisionError)) throw err;
    return Math.round(amount * 10 ** currencyExponent(currency));
  }
}

interface RawDoc {
  id: string;
  niceId: string | number | null | undefined;
  reference: string | null | undefined;
  createdAt: string;
  currency: string | null | undefined;
  payments: Array<{ method: number; amount: number }> | null | undefined;
  removed: boolean;
}

function toDoc(kind: 'sale' | 'refund', raw: RawDoc, fallbackCurrency: string): StoklyDoc {
  const currency = raw.currency ?? fallbackCurrency;
  return {
    kind,
    id: raw.id,
    niceId: raw.niceId == null ? null : String(raw.niceId),
    reference: raw.reference ?? '',
    createdAt: raw.createdAt,
    currency,
    removed: raw.removed,
    payments: (raw.payments ?? []).map((p) => ({ method: p.method, amount: toMinor(p.amount, currency) })),
  };
}

const fromOrder = (o: z.infer<typeof orderSchema>): RawDoc => ({
  id: o.saleOrderId, niceId: o.niceId, reference: o.sourceReferenceId, createdAt: o.createdAt,
  currency: o.currency, payments: o.payments, removed: o.stage === REMOVED_STAGE,
});

const fromNote = (n: z.infer<typeof creditNoteSchema>): RawDoc => ({
  id: n.creditNoteId, niceId: n.niceId, reference: n.sourceReferenceId, createdAt: n.createdAt,
  currency: n.currency, payments: n.payments, removed: false,
});

/** The filter has `>=` but no less-than: sorted ascending, reading stops at the first document past the end. */
async function listWindow<T extends z.ZodType>(
  client: StoklyClient, path: string, schema: T, filter: Filter, window: DayWindow, createdAt: (doc: z.infer<T>) => string,
): Promise<Array<z.infer<T>>> {
  const out: Array<z.infer<T>> = [];
  const query = { sortField: 'createdAt', sortDirection: 'ASC' };
  for await (const page of client.pages(path, schema, { filter, query, size: PAGE_SIZE })) {
    for (const doc of page) {
      const at = Date.parse(createdAt(doc));
      if (at >= window.end) return out;
      if (at >= window.start) out.push(doc);
    }
  }
  return out;
}

export interface StoklyScope {
  storeId: string;
  channelId: string;
  /** Used only when Stok.ly omits a document's currency. */
  currency: string;
}

export const referencePrefix = (storeId: string): string => `${storeId}/`;

export async function readStoklyDay(client: StoklyClient, window: DayWindow, scope: StoklyScope): Promise<StoklyDoc[]> {
  const prefix = referencePrefix(scope.storeId);
  const since = gte('createdAt', new Date(window.start).toISOString());
  const ours = term('sourceReferenceId', '::', prefix);
  const orders = await listWindow(client, '/v2/saleorders', orderSchema, and(eq('sourceId', scope.channelId), ours, since), window, (o) => o.createdAt);
  // Credit notes carry no channel (ASSUMED body): the store's reference prefix is what marks them ours.
  const notes = await listWindow(client, '/v0/credit-notes', creditNoteSchema, and(ours, since), window, (n) => n.createdAt);
  // `::` is "contains": keep only references that start with the prefix.
  return [...orders.map((o) => toDoc('sale', fromOrder(o), scope.currency)), ...notes.map((n) => toDoc('refund', fromNote(n), scope.currency))]
    .filter((d) => d.reference.startsWith(prefix) && d.reference.length > prefix.length);
}

/** Where Stok.ly holds a reference, whatever the day or channel: for a document missing from the day. */
export async function findByReference(
  client: StoklyClient, kind: 'sale' | 'refund', reference: string, currency: string,
): Promise<Array<StoklyDoc & { channelId: string | null }>> {
  const query = { sortField: 'createdAt', sortDirection: 'ASC', page: 0, size: 10 };
  if (kind === 'sale') {
    const res = await client.get('/v2/saleorders', listEnvelope(orderSchema), { filter: eq('sourceReferenceId', reference), query });
    return res.data.map((o) => ({ ...toDoc('sale', fromOrder(o), currency), channelId: o.sourceId ?? null }));
  }
  const res = await client.get('/v0/credit-notes', listEnvelope(creditNoteSchema), { filter: eq('sourceReferenceId', reference), query });
  return res.data.map((n) => ({ ...toDoc('refund', fromNote(n), currency), channelId: null }));
}
