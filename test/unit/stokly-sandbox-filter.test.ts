import { describe, expect, it } from 'vitest';
import { compileFilter, FilterSyntaxError, parseFilter } from '../../sim/stokly/filter.js';

const item = {
  itemId: 'a1',
  sku: 'TEE-RED-M',
  name: 'Organic Cotton Tee - Red / M',
  status: 0,
  format: 0,
  onHand: 10,
  barcodes: ['5012345678900', '5012345678917'],
  tags: ['apparel', 'new-in'],
  parentId: null as string | null,
  code: '007',
  salePrice: { amount: 12.5, currency: 'GBP' },
  timeUpdated: '2026-11-01T00:00:00.000Z',
};

const matches = (filter: string, record: unknown = item): boolean => compileFilter(filter)(record);

describe('filter operators', () => {
  it('== and != compare strings exactly', () => {
    expect(matches('[sku]=={TEE-RED-M}')).toBe(true);
    expect(matches('[sku]=={TEE-RED-L}')).toBe(false);
    expect(matches('[sku]=={tee-red-m}')).toBe(false);
    expect(matches('[sku]!={TEE-RED-L}')).toBe(true);
    expect(matches('[sku]!={TEE-RED-M}')).toBe(false);
  });

  it('compares numerically when the record field is a number', () => {
    expect(matches('[status]=={0}')).toBe(true);
    expect(matches('[status]!={1}')).toBe(true);
    expect(matches('[onHand]=={10.0}')).toBe(true);
    // Lexically "10" < "9"; numerically it is greater.
    expect(matches('[onHand]>>{9}')).toBe(true);
    expect(matches('[onHand]>>{10}')).toBe(false);
    expect(matches('[onHand]>={10}')).toBe(true);
    expect(matches('[onHand]>={11}')).toBe(false);
    expect(matches('[onHand]=={ten}')).toBe(false);
    expect(matches('[onHand]=={}')).toBe(false);
  });

  it('compares ISO times as times, whatever their written form', () => {
    expect(matches('[timeUpdated]>>{2026-10-31T23:59:59.999Z}')).toBe(true);
    expect(matches('[timeUpdated]>>{2026-11-01T00:00:00Z}')).toBe(false);
    expect(matches('[timeUpdated]>={2026-11-01T00:00:00Z}')).toBe(true);
    expect(matches('[timeUpdated]=={2026-11-01T01:00:00+01:00}')).toBe(true);
    expect(matches('[timeUpdated]>>{2026-11-01T00:30:00+01:00}')).toBe(true);
  });

  it('falls back to string order for text', () => {
    expect(matches('[sku]>>{TEE-BLU}')).toBe(true);
    expect(matches('[sku]>>{TEE-WHT}')).toBe(false);
    expect(matches('[sku]>={TEE-RED-M}')).toBe(true);
  });

  it(':: is substring for text and "has" for arrays', () => {
    expect(matches('[name]::{Cotton}')).toBe(true);
    expect(matches('[name]::{cotton}')).toBe(false);
    expect(matches('[tags]::{new-in}')).toBe(true);
    expect(matches('[tags]::{new}')).toBe(false);
    expect(matches('[barcodes]::{5012345678917}')).toBe(true);
  });

  it('=* matches a value in a comma-separated list', () => {
    expect(matches('[sku]=*{TEE-RED-S,TEE-RED-M}')).toBe(true);
    expect(matches('[sku]=*{TEE-RED-S,TEE-RED-L}')).toBe(false);
    expect(matches('[status]=*{1,0}')).toBe(true);
    expect(matches('[tags]=*{sale,apparel}')).toBe(true);
  });

  it('array fields match on any element for ==, and != means no element equals', () => {
    expect(matches('[barcodes]=={5012345678900}')).toBe(true);
    expect(matches('[barcodes]!={5012345678900}')).toBe(false);
    expect(matches('[barcodes]!={0000000000000}')).toBe(true);
  });

  it('reads nested fields with dots', () => {
    expect(matches('[salePrice.amount]>>{12}')).toBe(true);
    expect(matches('[salePrice.amount]=={12.50}')).toBe(true);
    expect(matches('[salePrice.currency]=={EUR}')).toBe(false);
    expect(matches('[salePrice.nothing]!={x}')).toBe(false);
  });

  it('makes a term on an unknown field false for every operator', () => {
    expect(matches('[colour]=={red}')).toBe(false);
    expect(matches('[colour]!={red}')).toBe(false);
    expect(matches('[colour]=={@null;}')).toBe(false);
    expect(matches('[colour]!={@null;}')).toBe(false);
  });
});

describe('typed literals', () => {
  it('{@string;X} compares as text even against a number', () => {
    expect(matches('[code]=={@string;007}')).toBe(true);
    expect(matches('[onHand]=={@string;10}')).toBe(true);
    expect(matches('[onHand]=={@string;10.0}')).toBe(false);
    expect(matches('[onHand]=={10.0}')).toBe(true);
  });

  it('{@string;} keeps characters that would otherwise look typed or numeric', () => {
    expect(matches('[name]=={@string;@home}', { name: '@home' })).toBe(true);
    expect(matches('[name]=={@string;}', { name: '' })).toBe(true);
  });

  it('{@null;} matches null, and != {@null;} matches anything else', () => {
    expect(matches('[parentId]=={@null;}')).toBe(true);
    expect(matches('[parentId]!={@null;}')).toBe(false);
    expect(matches('[parentId]!={@null;}', { ...item, parentId: 'p1' })).toBe(true);
    expect(matches('[parentId]=={@null;}', { ...item, parentId: 'p1' })).toBe(false);
    // An untyped empty value is not null.
    expect(matches('[parentId]=={}')).toBe(false);
  });
});

describe('combining terms', () => {
  const row = { a: 1, b: 0, c: 0 };

  it('&& needs both, || needs either', () => {
    expect(matches('[a]=={1}&&[b]=={0}', row)).toBe(true);
    expect(matches('[a]=={1}&&[b]=={1}', row)).toBe(false);
    expect(matches('[a]=={0}||[b]=={0}', row)).toBe(true);
    expect(matches('[a]=={0}||[b]=={1}', row)).toBe(false);
  });

  it('&& binds tighter than ||', () => {
    // a || (b && c) is true; (a || b) && c would be false.
    expect(matches('[a]=={1}||[b]=={1}&&[c]=={1}', row)).toBe(true);
    expect(matches('[b]=={1}&&[c]=={1}||[a]=={1}', row)).toBe(true);
    expect(parseFilter('[a]=={1}||[b]=={1}&&[c]=={1}')).toEqual({
      kind: 'or',
      children: [
        { kind: 'term', field: 'a', op: '==', literal: { type: 'plain', text: '1' } },
        {
          kind: 'and',
          children: [
            { kind: 'term', field: 'b', op: '==', literal: { type: 'plain', text: '1' } },
            { kind: 'term', field: 'c', op: '==', literal: { type: 'plain', text: '1' } },
          ],
        },
      ],
    });
  });

  it('parentheses group', () => {
    expect(matches('([a]=={1}||[b]=={1})&&[c]=={1}', row)).toBe(false);
    expect(matches('([a]=={1}||[b]=={1})&&([c]=={0})', row)).toBe(true);
    expect(matches('(([a]=={1}))', row)).toBe(true);
    expect(matches('[c]=={1}||([a]=={1}&&([b]=={0}||[c]=={5}))', row)).toBe(true);
  });

  it('allows spaces between terms and operators', () => {
    expect(matches('[a]=={1} && ( [b]=={0} || [c]=={9} )', row)).toBe(true);
  });

  it('keeps spaces and special characters inside values', () => {
    expect(matches('[sourceReferenceId]=={store-7/s-123}', { sourceReferenceId: 'store-7/s-123' })).toBe(true);
    expect(matches('[name]=={a && b || (c)}', { name: 'a && b || (c)' })).toBe(true);
  });
});

describe('malformed filters', () => {
  const malformed = [
    ['', 'empty filter'],
    ['   ', 'empty filter'],
    ['[a]=={1', "missing '}'"],
    ['[a]<>{1}', 'unknown operator'],
    ['[a]=<{1}', 'unknown operator'],
    ['[a]={1}', 'unknown operator'],
    ['[a]=={1}&&', 'unexpected end'],
    ['||[a]=={1}', "unexpected '||'"],
    ['([a]=={1}', "expected ')'"],
    ['[a]=={1})', "unexpected ')'"],
    ['()', "unexpected ')'"],
    ['[a]=={1}&[b]=={2}', "'&' must be doubled"],
    ['[a]=={1}|[b]=={2}', "'|' must be doubled"],
    ['[]=={1}', 'empty field name'],
    ['[a b]=={1}', "expected ']'"],
    ['[a]==1', "expected '{'"],
    ['a=={1}', "unexpected 'a'"],
    ['[a]=={1}[b]=={2}', 'expected && or ||'],
    ['[a]=={@foo;1}', "unknown literal type '@foo'"],
    ['[a]=={@string}', 'typed literal must look like'],
    ['[a]=={@null;x}', '{@null;} takes no value'],
    ['[a]>>{@null;}', 'can only be used with == or !='],
    ['[a]::{@null;}', 'can only be used with == or !='],
  ] as const;

  it.each(malformed)('rejects %j (%s)', (text, detail) => {
    let caught: unknown;
    try {
      compileFilter(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FilterSyntaxError);
    expect((caught as FilterSyntaxError).message).toMatch(/^Invalid filter: /);
    expect((caught as FilterSyntaxError).message).toContain(detail);
  });

  it('reports where the problem is', () => {
    expect(() => parseFilter('[a]=={1}&&[b]<>{2}')).toThrow(/at position 13/);
  });
});
