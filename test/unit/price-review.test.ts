import { describe, expect, it } from 'vitest';
import { priceReviews } from '../../electron/core/kiosk/price-review.js';

describe('priceReviews: which flags of an accepted sale a person reviews', () => {
  it('opens one review per price mismatch, naming the SKU', () => {
    expect(priceReviews([
      { flag: 'price_mismatch', sku: 'TEE-1', detail: 'kiosk charged 900, Stok.ly price is 1000' },
      { flag: 'price_mismatch', sku: 'TEE-2', detail: 'kiosk charged 10, Stok.ly price is 20' },
    ])).toEqual([
      { reason: 'price_mismatch', detail: 'TEE-1: kiosk charged 900, Stok.ly price is 1000' },
      { reason: 'price_mismatch', detail: 'TEE-2: kiosk charged 10, Stok.ly price is 20' },
    ]);
  });

  it('leaves the other flags to the flag list', () => {
    expect(priceReviews([
      { flag: 'unknown_sku', sku: 'X', detail: 'no such SKU' },
      { flag: 'oversold', sku: 'Y', detail: 'below zero' },
      { flag: 'payment_mismatch', sku: null, detail: 'payments ≠ total' },
    ])).toEqual([]);
  });
});
