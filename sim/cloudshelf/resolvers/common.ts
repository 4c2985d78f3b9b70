import type { CloudshelfState, KeyValue, MetadataRecord } from '../state.js';
import type { Views } from '../views.js';

/** What every resolver module needs: the live state, the clock and the record → view mapping. */
export interface ResolverContext {
  state: CloudshelfState;
  now: () => number;
  views: Views;
}

export interface MetadataInput {
  id?: string | null;
  namespace: string;
  key: string;
  data: string;
}

export interface KeyValuePairInput {
  key: string;
  value: string;
}

/** Metadata given on an upsert replaces the entity's metadata; empty namespaces become "global". */
export function metadataRecords(ctx: ResolverContext, inputs: readonly MetadataInput[], at: number): MetadataRecord[] {
  return inputs.map((m) => ({
    id: ctx.state.newId('Metadata'),
    platformProvidedId: m.id ?? null,
    namespace: m.namespace.trim() === '' ? 'global' : m.namespace.toLowerCase(),
    key: m.key,
    data: m.data,
    createdAt: at,
    updatedAt: at,
  }));
}

export function keyValues(inputs: readonly KeyValuePairInput[]): KeyValue[] {
  return inputs.map(({ key, value }) => ({ key, value }));
}

const BOOKKEEPING = new Set(['seq', 'id', 'createdAt', 'updatedAt']);

/** Equal apart from ids and timestamps: an upsert that changes nothing leaves updatedAt alone. */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, (key: string, value: unknown) => (BOOKKEEPING.has(key) ? undefined : value)) ===
    JSON.stringify(b, (key: string, value: unknown) => (BOOKKEEPING.has(key) ? undefined : value));
}

/**
 * Store `next` if it differs from `prev` (bumping updatedAt), else keep `prev` as it was.
 * Returns the record now stored.
 */
export function commit<T extends { updatedAt: number }>(
  map: Map<string, T>,
  key: string,
  prev: T | undefined,
  next: T,
  at: number,
): T {
  if (prev && sameContent(prev, next)) return prev;
  const stored = { ...next, updatedAt: at };
  map.set(key, stored);
  return stored;
}

/** `undefined` (field not sent) keeps the current value; `null` clears it. */
export function patch<T>(value: T | null | undefined, current: T | null): T | null {
  return value === undefined ? current : value;
}
