import { describe, expect, it } from 'vitest';
import { and, eq, filterParam, FilterValueError, gt, inList, or, term } from '../../electron/core/stokly/filter.js';

describe('Stok.ly filter building', () => {
  it('builds each operator as [field]OP{value}', () => {
    expect(eq('sourceReferenceId', 'store-7/s-123').text).toBe('[sourceReferenceId]=={store-7/s-123}');
    expect(gt('timeUpdated', '2026-11-01T00:00:00.000Z').text).toBe('[timeUpdated]>>{2026-11-01T00:00:00.000Z}');
    expect(term('status', '!=', 1).text).toBe('[status]!={1}');
    expect(term('tags', '::', 'kiosk').text).toBe('[tags]::{kiosk}');
    expect(inList('sku', ['A', 'B']).text).toBe('[sku]=*{A,B}');
    expect(eq('customerReference', null).text).toBe('[customerReference]=={@null;}');
  });

  it('combines with && and ||, parenthesising mixed groups', () => {
    expect(and(term('status', '!=', 1), gt('timeUpdated', 'X')).text).toBe('[status]!={1}&&[timeUpdated]>>{X}');
    const f = and(eq('sourceId', 'CH'), or(eq('a', '1'), eq('b', '2')));
    expect(f.text).toBe('[sourceId]=={CH}&&([a]=={1}||[b]=={2})');
  });

  it('URL-encodes the filter, && as %26%26', () => {
    const q = filterParam(and(eq('a', '1'), eq('b', 'x/y')));
    expect(q).toBe('filter=%5Ba%5D%3D%3D%7B1%7D%26%26%5Bb%5D%3D%3D%7Bx%2Fy%7D');
    expect(new URLSearchParams(q).get('filter')).toBe('[a]=={1}&&[b]=={x/y}');
  });

  it('refuses values the language cannot express instead of sending another filter', () => {
    expect(() => eq('sku', 'A}||[sku]=={B')).toThrow(FilterValueError);
    expect(() => eq('sku', 'A[1]')).toThrow(FilterValueError);
    expect(() => inList('sku', ['A,B'])).toThrow(FilterValueError);
    expect(() => eq('bad field', 'x')).toThrow(/field name/);
  });

  it('keeps characters that are safe inside braces, such as & and spaces', () => {
    const q = filterParam(eq('name', 'Tee & Co'));
    expect(new URLSearchParams(q).get('filter')).toBe('[name]=={Tee & Co}');
  });
});
