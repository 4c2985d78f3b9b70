import { badRequest } from './errors.js';
import { lookupField, sortKey } from './fields.js';
import { compileFilter, FilterSyntaxError, type FilterPredicate } from './filter.js';
import { sortedOrder } from './sort-memo.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface ListQuery {
  filter: FilterPredicate | null;
  page: number;
  size: number;
  sortField: string | null;
  sortDirection: 'ASC' | 'DESC';
}

export interface ListEnvelope<T> {
  data: T[];
  metadata: { count: number };
}

/** Reads filter/page/size/sortField/sortDirection; anything malformed is a 400. */
export function parseListQuery(query: unknown): ListQuery {
  const params = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  for (const key of Object.keys(params)) {
    // An unencoded && splits the query string: the rest of the filter arrives as a key like "[x]".
    if (key.startsWith('[') || key.startsWith('(')) {
      throw badRequest(`Invalid filter: the query string was split at '&' (send && as %26%26); stray parameter '${key}'`);
    }
  }
  const single = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badRequest(`${name} must be given once`);
    return value;
  };
  const wholeNumber = (name: string, fallback: number): number => {
    const text = single(name);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw badRequest(`${name} must be a whole number ≥ 0`);
    return Number(text);
  };

  const page = wholeNumber('page', 0);
  const size = wholeNumber('size', DEFAULT_PAGE_SIZE);
  if (size < 1) throw badRequest('size must be at least 1');
  if (size > MAX_PAGE_SIZE) throw badRequest(`size must be at most ${MAX_PAGE_SIZE}`);
  const direction = single('sortDirection') ?? 'ASC';
  if (direction !== 'ASC' && direction !== 'DESC') throw badRequest('sortDirection must be ASC or DESC');
  const sortField = single('sortField') ?? null;
  if (sortField === '') throw badRequest('sortField must not be empty');

  const filterText = single('filter');
  let filter: FilterPredicate | null = null;
  if (filterText !== undefined) {
    try {
      filter = compileFilter(filterText);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw badRequest(error.message);
      throw error;
    }
  }
  return { filter, page, size, sortField, sortDirection: direction };
}

/**
 * Filter, sort (ties broken by id, ascending) and page. `view` is what the client sees, and the
 * filter applies to it, so fields the API does not return cannot be filtered on.
 */
export function listEnvelope<R, V extends object>(
  records: Iterable<R>,
  query: ListQuery,
  idField: keyof V & string,
  view: (record: R) => V,
): ListEnvelope<V> {
  const rows: V[] = [];
  for (const record of records) {
    const row = view(record);
    if (query.filter === null || query.filter(row)) rows.push(row);
  }
  const start = query.page * query.size;
  const metadata = { count: rows.length };
  const { sortField } = query;
  if (sortField === null) return { data: rows.slice(start, start + query.size), metadata };

  const ids = rows.map((row) => String(fieldValue(row, idField)));
  const keys = rows.map((row) => sortKey(fieldValue(row, sortField)));
  const sign = query.sortDirection === 'DESC' ? -1 : 1;
  const order = sortedOrder(`${idField}\u0000${sortField}\u0000${sign}`, ids, keys, sign);
  const data = order.slice(start, start + query.size).map((i) => rows[i] as V);
  return { data, metadata };
}

function fieldValue(row: object, field: string): unknown {
  const found = lookupField(row, field);
  return found.found ? found.value : undefined;
}

export const identity = <T>(record: T): T => record;
