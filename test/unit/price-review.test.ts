import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { priceReviews, readPriceFacts } from '../../electron/core/kiosk/price-review.js';
import { migration0170 } from '../../electron/core/db/migrations/0170-exception-facts.js';
import { detailSource } from '../../electron/core/exceptions/detail-source.js';
import { detailHeading, priceReviewSentence } from '../../renderer/src/components/attention/detail-words.js';

describe('priceReviews: which flags of an accepted sale a person reviews', () => {
  it('opens one review per price mismatch, naming the SKU, with both prices kept as figures', () => {
    const reviews = priceReviews([
      { flag: 'price_mismatch', sku: 'TEE-1', detail: 'kiosk charged £9.00 a unit, Stok.ly\'s price is £10.00 (incl. tax)', prices: { kiosk: 900, stokly: 1000, currency: 'GBP' } },
      { flag: 'price_mismatch', sku: 'TEE-2', detail: 'older words', prices: { kiosk: 10, stokly: 20, currency: 'GBP' } },
    ]);
    expect(reviews.map((r) => r.detail)).toEqual(['TEE-1: kiosk charged £9.00 a unit, Stok.ly\'s price is £10.00 (incl. tax)', 'TEE-2: older words']);
    expect(reviews.map((r) => readPriceFacts(r.facts))).toEqual([
      { sku: 'TEE-1', kioskPrice: 900, stoklyPrice: 1000, currency: 'GBP' },
      { sku: 'TEE-2', kioskPrice: 10, stoklyPrice: 20, currency: 'GBP' },
    ]);
  });

  it('leaves the other flags to the flag list', () => {
    expect(priceReviews([
      { flag: 'unknown_sku', sku: 'X', detail: 'no such SKU' },
      { flag: 'oversold', sku: 'Y', detail: 'below zero' },
      { flag: 'payment_mismatch', sku: null, detail: 'payments ≠ total' },
    ])).toEqual([]);
  });

  it('reads no figures from facts in an unknown shape', () => {
    expect(readPriceFacts(null)).toBeNull();
    expect(readPriceFacts('not json')).toBeNull();
    expect(readPriceFacts('{"sku":"A","kioskPrice":"25.00"}')).toBeNull();
  });
});

describe('migration 0170: price reviews stored by older versions get their figures', () => {
  it('reads the one legacy detail shape and leaves anything else without figures', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE exceptions (id INTEGER PRIMARY KEY, reason TEXT NOT NULL, detail TEXT NOT NULL) STRICT`);
    const insert = db.prepare('INSERT INTO exceptions (reason, detail) VALUES (?, ?)');
    insert.run('price_mismatch', 'SKU-1: kiosk charged 2500, Stok.ly price is 7200 (GBP minor units, incl. tax)');
    insert.run('price_mismatch', 'something a person typed');
    insert.run('unknown_sku', 'SKU-2: kiosk charged 1, Stok.ly price is 2 (GBP minor units, incl. tax)');
    migration0170.up(db);
    const facts = db.prepare('SELECT facts FROM exceptions ORDER BY id').all() as Array<{ facts: string | null }>;
    expect(facts.map((f) => readPriceFacts(f.facts))).toEqual([{ sku: 'SKU-1', kioskPrice: 2500, stoklyPrice: 7200, currency: 'GBP' }, null, null]);
    db.close();
  });
});

describe('the price review in words', () => {
  it('says both prices as money, the product, and the difference per unit', () => {
    expect(priceReviewSentence({ sku: 'SKU-1', productName: 'Linen shirt', kioskPrice: 2500, stoklyPrice: 7200, currency: 'GBP' }))
      .toBe("The kiosk charged £25.00 for SKU-1 (Linen shirt); Stok.ly's price is £72.00 (incl. tax). Difference £47.00 per unit.");
    expect(priceReviewSentence({ sku: 'SKU-1', productName: null, kioskPrice: 1050, stoklyPrice: 1000, currency: 'EUR' }))
      .toBe("The kiosk charged €10.50 for SKU-1; Stok.ly's price is €10.00 (incl. tax). Difference €0.50 per unit.");
  });
});

describe('"What Stok.ly said" only when Stok.ly answered', () => {
  const refused = { outcome: 'exception' as const, message: 'rejected_by_stokly: Stok.ly answered 422: item is deleted' };
  it('a refusal Stok.ly sent to an attempt is Stok.ly\'s words', () => {
    expect(detailSource({ reason: 'rejected_by_stokly', blocking: true }, [{ outcome: 'retry', message: 'timeout' }, refused])).toBe('stokly');
    expect(detailHeading({ detailSource: 'stokly' })).toBe('What Stok.ly said');
  });
  it('what the agent found before sending (unknown SKU, unmapped tender), or a review, is the agent\'s', () => {
    expect(detailSource({ reason: 'unknown_sku', blocking: true }, [{ outcome: 'exception', message: 'unknown_sku: Stok.ly has no item with SKU X' }])).toBe('agent');
    expect(detailSource({ reason: 'unmapped_tender', blocking: true }, [{ outcome: 'exception', message: 'unmapped_tender: tender "voucher"' }])).toBe('agent');
    expect(detailSource({ reason: 'price_mismatch', blocking: false }, [])).toBe('agent');
    expect(detailSource({ reason: 'rejected_by_stokly', blocking: true }, [])).toBe('agent');
    expect(detailHeading({ detailSource: 'agent' })).toBe('What the agent found');
  });
});
