/**
 * Stok.ly's filter language: `[field]OP{value}` terms joined with && and ||.
 * Values are wrapped in braces and the language has no known escape, so a value that
 * contains a brace or bracket is refused here rather than sent as a different filter.
 */

export type FilterOp = '==' | '!=' | '>>' | '>=' | '::' | '=*';

export class FilterValueError extends Error {
  constructor(readonly field: string, readonly value: string) {
    super(`cannot filter Stok.ly on ${field} = "${value}": the value contains { } [ ] which the filter language cannot express`);
    this.name = 'FilterValueError';
  }
}

const FORBIDDEN = /[{}[\]]/;
const FIELD = /^[A-Za-z][A-Za-z0-9_.]*$/;

export interface Filter {
  readonly text: string;
}

function literal(field: string, value: string | number | null): string {
  if (value === null) return '{@null;}';
  const text = String(value);
  if (FORBIDDEN.test(text)) throw new FilterValueError(field, text);
  return `{${text}}`;
}

export function term(field: string, op: FilterOp, value: string | number | null): Filter {
  if (!FIELD.test(field)) throw new Error(`invalid Stok.ly filter field name: ${field}`);
  return { text: `[${field}]${op}${literal(field, value)}` };
}

export const eq = (field: string, value: string | number | null): Filter => term(field, '==', value);
export const gt = (field: string, value: string | number): Filter => term(field, '>>', value);
export const gte = (field: string, value: string | number): Filter => term(field, '>=', value);

/** `[field]=*{a,b,c}`; commas separate the list, so a value may not contain one. */
export function inList(field: string, values: readonly string[]): Filter {
  for (const v of values) if (v.includes(',')) throw new FilterValueError(field, v);
  return term(field, '=*', values.join(','));
}

const group = (f: Filter, parenthesise: boolean): string => (parenthesise ? `(${f.text})` : f.text);

export function and(...filters: Filter[]): Filter {
  return { text: filters.map((f) => group(f, f.text.includes('||'))).join('&&') };
}

export function or(...filters: Filter[]): Filter {
  return { text: filters.map((f) => group(f, f.text.includes('&&'))).join('||') };
}

/** The query parameter as sent: URLSearchParams encodes && as %26%26. */
export function filterParam(filter: Filter): string {
  return new URLSearchParams({ filter: filter.text }).toString();
}
