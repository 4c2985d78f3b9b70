/**
 * Stok.ly's filter language: `[field]OP{value}` terms joined by `&&` / `||` (&& binds tighter),
 * grouped with parentheses. A tokenizer plus a recursive-descent parser; malformed input throws
 * FilterSyntaxError so the server can answer 400 instead of guessing what was meant.
 */
import { isoTime, lookupField, numericLiteral } from './fields.js';

export const FILTER_OPERATORS = ['==', '!=', '>>', '>=', '::', '=*'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** `{x}` is untyped (compared by the record's field type); `{@string;x}` always as text. */
export type FilterLiteral = { type: 'plain'; text: string } | { type: 'string'; text: string } | { type: 'null' };

export type FilterNode =
  | { kind: 'term'; field: string; op: FilterOperator; literal: FilterLiteral }
  | { kind: 'and'; children: FilterNode[] }
  | { kind: 'or'; children: FilterNode[] };

export type FilterPredicate = (record: unknown) => boolean;

export class FilterSyntaxError extends Error {
  constructor(readonly detail: string, readonly position: number) {
    super(`Invalid filter: ${detail} at position ${position}`);
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { kind: '(' | ')' | '&&' | '||'; pos: number }
  | { kind: 'term'; pos: number; field: string; op: FilterOperator; literal: FilterLiteral };

const FIELD_CHAR = /[A-Za-z0-9_.]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') { i++; continue; }
    if (ch === '(' || ch === ')') { tokens.push({ kind: ch, pos: i }); i++; continue; }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||') { tokens.push({ kind: two, pos: i }); i += 2; continue; }
    if (ch === '[') { const [token, end] = readTerm(text, i); tokens.push(token); i = end; continue; }
    if (ch === '&' || ch === '|') throw new FilterSyntaxError(`'${ch}' must be doubled ('${ch}${ch}')`, i);
    throw new FilterSyntaxError(`unexpected '${ch}'`, i);
  }
  return tokens;
}

function readTerm(text: string, start: number): [Token, number] {
  let i = start + 1;
  while (i < text.length && FIELD_CHAR.test(text[i] ?? '')) i++;
  const field = text.slice(start + 1, i);
  if (field === '') throw new FilterSyntaxError('empty field name', start);
  if (text[i] !== ']') throw new FilterSyntaxError(`expected ']' after field name '${field}'`, i);
  i++;
  const op = text.slice(i, i + 2);
  if (!isOperator(op)) throw new FilterSyntaxError(`unknown operator '${op}' (expected one of ${FILTER_OPERATORS.join(' ')})`, i);
  i += 2;
  if (text[i] !== '{') throw new FilterSyntaxError(`expected '{' after ${op}`, i);
  const close = text.indexOf('}', i + 1);
  if (close < 0) throw new FilterSyntaxError("unterminated value (missing '}')", i);
  const literal = parseLiteral(text.slice(i + 1, close), i + 1);
  if (literal.type === 'null' && op !== '==' && op !== '!=') {
    throw new FilterSyntaxError(`{@null;} can only be used with == or !=, not ${op}`, i);
  }
  return [{ kind: 'term', pos: start, field, op, literal }, close + 1];
}

function isOperator(op: string): op is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(op);
}

function parseLiteral(raw: string, pos: number): FilterLiteral {
  if (!raw.startsWith('@')) return { type: 'plain', text: raw };
  const semi = raw.indexOf(';');
  if (semi < 0) throw new FilterSyntaxError("typed literal must look like {@type;value}", pos);
  const type = raw.slice(1, semi);
  const text = raw.slice(semi + 1);
  if (type === 'string') return { type: 'string', text };
  if (type === 'null') {
    if (text !== '') throw new FilterSyntaxError('{@null;} takes no value', pos);
    return { type: 'null' };
  }
  throw new FilterSyntaxError(`unknown literal type '@${type}'`, pos);
}

/** expr := and ('||' and)* ; and := primary ('&&' primary)* ; primary := term | '(' expr ')' */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let at = 0;
  const endPos = text.length;
  const peek = (): Token | undefined => tokens[at];

  const parseOr = (): FilterNode => {
    const children = [parseAnd()];
    while (peek()?.kind === '||') { at++; children.push(parseAnd()); }
    return children.length === 1 && children[0] ? children[0] : { kind: 'or', children };
  };
  const parseAnd = (): FilterNode => {
    const children = [parsePrimary()];
    while (peek()?.kind === '&&') { at++; children.push(parsePrimary()); }
    return children.length === 1 && children[0] ? children[0] : { kind: 'and', children };
  };
  const parsePrimary = (): FilterNode => {
    const token = peek();
    if (!token) throw new FilterSyntaxError('unexpected end, expected a term or (', endPos);
    if (token.kind === 'term') { at++; return { kind: 'term', field: token.field, op: token.op, literal: token.literal }; }
    if (token.kind === '(') {
      at++;
      const inner = parseOr();
      const close = peek();
      if (close?.kind !== ')') throw new FilterSyntaxError("expected ')'", close?.pos ?? endPos);
      at++;
      return inner;
    }
    throw new FilterSyntaxError(`unexpected '${token.kind}', expected a term or (`, token.pos);
  };

  if (tokens.length === 0) throw new FilterSyntaxError('empty filter', 0);
  const node = parseOr();
  const rest = peek();
  if (rest) throw new FilterSyntaxError(`unexpected '${rest.kind === 'term' ? `[${rest.field}]` : rest.kind}', expected && or ||`, rest.pos);
  return node;
}

export function compileFilter(text: string): FilterPredicate {
  const node = parseFilter(text);
  return (record) => evaluate(node, record);
}

export function evaluate(node: FilterNode, record: unknown): boolean {
  switch (node.kind) {
    case 'and': return node.children.every((child) => evaluate(child, record));
    case 'or': return node.children.some((child) => evaluate(child, record));
    case 'term': return evaluateTerm(node.field, node.op, node.literal, record);
  }
}

/** An unknown field makes the term false, whatever the operator (not an error). */
function evaluateTerm(field: string, op: FilterOperator, literal: FilterLiteral, record: unknown): boolean {
  const lookup = lookupField(record, field);
  if (!lookup.found) return false;
  const value = lookup.value;
  if (literal.type === 'null') return op === '==' ? value === null : value !== null;
  // Arrays match when an element does; :: is "array has" (whole element), != is "no element equals".
  if (Array.isArray(value)) {
    if (op === '!=') return !value.some((el) => equals(el, literal));
    if (op === '::') return value.some((el) => equals(el, literal));
    return value.some((el) => matchScalar(el, op, literal));
  }
  return matchScalar(value, op, literal);
}

function matchScalar(value: unknown, op: FilterOperator, literal: Exclude<FilterLiteral, { type: 'null' }>): boolean {
  switch (op) {
    case '==': return equals(value, literal);
    case '!=': return !equals(value, literal);
    case '>>': { const c = compare(value, literal); return c !== null && c > 0; }
    case '>=': { const c = compare(value, literal); return c !== null && c >= 0; }
    case '::': return typeof value === 'string' ? value.includes(literal.text) : equals(value, literal);
    case '=*': return literal.text.split(',').some((text) => equals(value, { type: literal.type, text }));
  }
}

function equals(value: unknown, literal: Exclude<FilterLiteral, { type: 'null' }>): boolean {
  const c = compare(value, literal);
  return c === 0;
}

/** Sign of value − literal, or null when they cannot be compared. */
function compare(value: unknown, literal: Exclude<FilterLiteral, { type: 'null' }>): number | null {
  const { text } = literal;
  if (value === null || value === undefined || typeof value === 'object') return null;
  if (literal.type === 'string') return compareText(String(value), text);
  if (typeof value === 'number') {
    const n = numericLiteral(text);
    return n === null ? null : Math.sign(value - n);
  }
  if (typeof value === 'boolean') return String(value) === text ? 0 : null;
  if (typeof value !== 'string') return null;
  const valueTime = isoTime(value);
  const textTime = valueTime === null ? null : isoTime(text);
  if (valueTime !== null && textTime !== null) return Math.sign(valueTime - textTime);
  return compareText(value, text);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
