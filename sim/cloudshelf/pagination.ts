import { GraphQLError } from 'graphql';

/** Relay-style connections (`first/after`, `last/before`) sorted by SortOptionsInput. */

export interface Sortable {
  seq: number;
  id: string;
  createdAt: number;
  updatedAt: number;
}

export type SortOrder = 'ASC' | 'DESC';

export interface SortOptionsInput {
  createdAt?: SortOrder | null;
  id?: SortOrder | null;
  updatedAt?: SortOrder | null;
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  sortBy?: SortOptionsInput | null;
}

export interface Connection<V> {
  edges: { cursor: string; node: V }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number;
}

/** Page size when neither `first` nor `last` is given (Cloudshelf does not publish its default). */
export const DEFAULT_PAGE_SIZE = 50;

const SORT_KEYS = ['createdAt', 'id', 'updatedAt'] as const;
type SortKey = (typeof SORT_KEYS)[number];
type CursorKey = Pick<Sortable, SortKey | 'seq'>;

function comparator(sortBy: SortOptionsInput | null | undefined): (a: CursorKey, b: CursorKey) => number {
  // Keys apply in the schema's field order; insertion order breaks ties, in the first key's
  // direction. Without sortBy the order is oldest first (createdAt ASC).
  const keys = SORT_KEYS.flatMap((key) => {
    const order = sortBy?.[key];
    return order ? [{ key, sign: order === 'DESC' ? -1 : 1 }] : [];
  });
  const order = keys.length > 0 ? keys : [{ key: 'createdAt' as const, sign: 1 }];
  const tieSign = order[0]?.sign ?? 1;
  return (a, b) => {
    for (const { key, sign } of order) {
      const x = a[key];
      const y = b[key];
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return (a.seq - b.seq) * tieSign;
  };
}

/** A cursor holds the sort keys of its node, so pages stay stable when nodes change between calls. */
export function encodeCursor(item: Sortable): string {
  const key: CursorKey = { seq: item.seq, id: item.id, createdAt: item.createdAt, updatedAt: item.updatedAt };
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof value === 'object' && value !== null &&
      'seq' in value && typeof value.seq === 'number' &&
      'id' in value && typeof value.id === 'string' &&
      'createdAt' in value && typeof value.createdAt === 'number' &&
      'updatedAt' in value && typeof value.updatedAt === 'number'
    ) {
      return { seq: value.seq, id: value.id, createdAt: value.createdAt, updatedAt: value.updatedAt };
    }
  } catch {
    // fall through
  }
  throw new GraphQLError(`Invalid cursor "${cursor}"`);
}

export function paginate<T extends Sortable, V>(items: readonly T[], args: ConnectionArgs, toNode: (item: T) => V): Connection<V> {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n !== undefined && n !== null && n < 0) throw new GraphQLError(`"${name}" must not be negative`);
  }
  const compare = comparator(args.sortBy);
  const sorted = [...items].sort(compare);

  let start = 0;
  let end = sorted.length;
  if (args.after) {
    const after = decodeCursor(args.after);
    start = sorted.findIndex((item) => compare(item, after) > 0);
    if (start < 0) start = sorted.length;
  }
  if (args.before) {
    const before = decodeCursor(args.before);
    const index = sorted.findIndex((item) => compare(item, before) >= 0);
    end = index < 0 ? sorted.length : index;
  }
  end = Math.max(start, end);
  const first = args.first ?? (args.last === undefined || args.last === null ? DEFAULT_PAGE_SIZE : null);
  if (first !== null) end = Math.min(end, start + first);
  if (args.last !== undefined && args.last !== null) start = Math.max(start, end - args.last);

  const page = sorted.slice(start, end);
  const edges = page.map((item) => ({ cursor: encodeCursor(item), node: toNode(item) }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasPreviousPage: start > 0,
      hasNextPage: end < sorted.length,
    },
    totalCount: sorted.length,
  };
}
