import { describe, expect, it } from 'vitest';
import { currencyExponent, majorToMinor, minorToMajor, MoneyPrecisionError } from '../../shared/money.js';
import { saleToOrder } from '../../electron/core/stokly/sale-order-mapping.js';
import type { Sale } from '../../shared/kiosk-api.js';

/** A small deterministic PRNG so a failure can be reproduced. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('money conversion at the Stok.ly boundary', () => {
  it('knows currency exponents', () => {
    expect(currencyExponent('GBP')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
  });

  it('converts minor units to the exact decimal and back', () => {
    expect(minorToMajor(1250, 'GBP')).toBe(12.5);
    expect(JSON.stringify(minorToMajor(417, 'GBP'))).toBe('4.17');
    expect(minorToMajor(1999, 'JPY')).toBe(1999);
    expect(minorToMajor(1005, 'KWD')).toBe(1.005);
    expect(majorToMinor(0.29, 'GBP')).toBe(29);
    expect(majorToMinor(1.005, 'KWD')).toBe(1005);
  });

  it('refuses decimals that are not whole minor units, and non-integers', () => {
    expect(() => majorToMinor(1.005, 'GBP')).toThrow(MoneyPrecisionError);
    expect(() => minorToMajor(12.5, 'GBP')).toThrow(RangeError);
  });

  it('has no float drift over 10,000 random sales: order totals read back as decimals equal the kiosk totals', () => {
    const rand = prng(42);
    const int = (max: number): number => Math.floor(rand() * max);
    let kioskGrandTotal = 0;
    let stoklyGrandTotalMinor = 0;
    for (let n = 0; n < 10_000; n++) {
      const lines = Array.from({ length: 1 + int(6) }, (_, i) => {
        const quantity = 1 + int(5);
        const unitPrice = 1 + int(99_999);
        return { sku: `SKU-${i}`, quantity, unitPrice, tax: Math.round((unitPrice * quantity) / 6), discount: int(unitPrice), fulfilment: 'store' as const };
      });
      const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0);
      const sale: Sale = {
        saleId: `s-${n}`, kioskId: 'k1', occurredAt: '2026-11-26T10:00:00+00:00', currency: 'GBP',
        lines, payments: [{ tender: 'card', amount: total }],
      };
      const order = saleToOrder(sale, {
        storeId: 'st', channelId: 'ch', itemIds: new Map(lines.map((l) => [l.sku, `item-${l.sku}`])), methods: new Map([['card', 4]]),
      });
      // Round-trip through JSON as the wire does, then back to minor units as a reader would.
      const wire = JSON.parse(JSON.stringify(order)) as typeof order;
      const lineTotals = wire.items.map((i) => majorToMinor(i.displayLineTotal, 'GBP'));
      wire.items.forEach((item, i) => {
        const line = lines[i]!;
        expect(majorToMinor(item.displayLinePrice, 'GBP')).toBe(line.unitPrice * line.quantity);
        expect(majorToMinor(item.displayLineTax, 'GBP')).toBe(line.tax);
        expect(majorToMinor(item.displayLineDiscount, 'GBP')).toBe(line.discount);
      });
      const orderTotal = lineTotals.reduce((a, b) => a + b, 0);
      expect(orderTotal).toBe(total);
      expect(majorToMinor(wire.payments[0]!.amount, 'GBP')).toBe(total);
      kioskGrandTotal += total;
      stoklyGrandTotalMinor += orderTotal;
    }
    expect(stoklyGrandTotalMinor).toBe(kioskGrandTotal);
  });
});
