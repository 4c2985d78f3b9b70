import { describe, expect, it } from 'vitest';
import { amountOf } from '../../electron/core/admin/routes/sales.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo } from '../../electron/core/db/outbox-repo.js';
import { SalesRepo } from '../../electron/core/db/sales-repo.js';
import { SalesSearchRepo, type SalesFilter } from '../../electron/core/db/sales-search-repo.js';
import { countCap } from '../../electron/core/db/sales-text-search.js';
import { salesCountWords } from '../../renderer/src/components/sales/sales-count-words.js';
import type { Sale } from '../../shared/kiosk-api.js';

/**
 * The Sales tab's typed search, kind by kind (each has its own index look-up), and on a store
 * with more matches than the search counts (it then walks the sales instead): every page is
 * checked against a plain filter over the same sales.
 */

interface Made {
  saleId: string;
  kioskId: string;
  receivedAt: string;
  total: number;
  skus: string[];
  remoteId: string | null;
  remoteRef: string | null;
  cloudshelfOrderId: string | null;
}

const salesCount = 1_300;

function skusOf(n: number): string[] {
  const first = n % 10 === 0 ? 'MUG-RED' : n % 10 === 5 ? 'Tote-Blue' : 'TEE-M';
  return n % 7 === 0 ? [first, 'TEE-L'] : [first];
}

function build() {
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  const sales = new SalesRepo(db);
  const outbox = new OutboxRepo(db);
  const made: Made[] = [];
  db.transaction(() => {
    for (let n = 1; n <= salesCount; n++) {
      const kioskId = n % 2 === 1 ? 'kiosk-01' : 'kiosk-02';
      const skus = skusOf(n);
      // One sale in 13 costs £12.50 (on both kiosks); the rest cost the same as the sale received in the same minute.
      // Sale 1299 costs £5,013, the number of Stok.ly's order for sale 13.
      const unitPrice = n === 1299 ? 501_300 : n % 13 === 0 ? 1250 : 1000 + (Math.floor(n / 2) % 97);
      const sale = {
        saleId: `S${kioskId === 'kiosk-01' ? 1 : 2}-${String(n).padStart(5, '0')}`, kioskId, occurredAt: '2026-12-01T10:00:00+00:00', currency: 'GBP',
        lines: skus.map((sku, i) => ({ sku, quantity: 1, unitPrice: i === 0 ? unitPrice : 0, tax: 0, discount: 0, fulfilment: 'store' as const })),
        payments: [{ tender: 'card', amount: unitPrice }],
        ...(n % 100 === 3 ? { cloudshelf: { orderId: `CS-${n}` } } : {}),
      } as Sale;
      // Two sales a minute, so the newest-first order also needs its tie-break (sale id, descending).
      const receivedAt = new Date(Date.UTC(2026, 10, 1) + Math.floor(n / 2) * 60_000).toISOString();
      sales.insert(sale, `h${n}`, receivedAt, { duplicateOf: null, source: 'kiosk' });
      const id = outbox.insert('sale', sale.saleId, JSON.stringify(sale), n);
      // Stok.ly's order id and its order number; number 5000 + n, so "5012" is an order number and an amount.
      const sent = n % 4 !== 0;
      if (sent) outbox.markCreated(id, `ord_${n}`, String(5000 + n), n);
      made.push({
        saleId: sale.saleId, kioskId, receivedAt, total: unitPrice, skus,
        remoteId: sent ? `ord_${n}` : null, remoteRef: sent ? String(5000 + n) : null, cloudshelfOrderId: sale.cloudshelf?.orderId ?? null,
      });
    }
  })();
  return { search: new SalesSearchRepo(db), made };
}

const { search, made } = build();
const none: SalesFilter = { text: null, amount: null, kioskId: null, receivedFrom: null, receivedTo: null };
/** What the route makes of a typed search in a GBP store. */
const typed = (q: string, scope: Partial<SalesFilter> = {}): SalesFilter => ({ ...none, ...scope, text: q, amount: amountOf(q, 'GBP') });

/** The same search as a plain filter, newest received first. */
function expected(f: SalesFilter): string[] {
  const text = f.text!;
  return made
    .filter((m) =>
      m.saleId.startsWith(text)
      || m.skus.some((s) => s.startsWith(text) || s.startsWith(text.toUpperCase()))
      || m.remoteRef === text || m.remoteId === text || m.cloudshelfOrderId === text
      || (f.amount !== null && m.total === f.amount))
    .filter((m) => f.kioskId === null || m.kioskId === f.kioskId)
    .filter((m) => f.receivedFrom === null || f.receivedTo === null || (m.receivedAt >= f.receivedFrom && m.receivedAt < f.receivedTo))
    .sort((a, b) => (a.receivedAt !== b.receivedAt ? (a.receivedAt < b.receivedAt ? 1 : -1) : a.saleId < b.saleId ? 1 : -1))
    .map((m) => m.saleId);
}

/** Every page of a search, as the window's Older ▶ would fetch them. */
function everyPage(f: SalesFilter, size: number): { ids: string[]; totals: Array<[number, boolean]> } {
  const ids: string[] = [];
  const totals: Array<[number, boolean]> = [];
  for (let offset = 0; ; offset += size) {
    const page = search.search(f, size, offset);
    ids.push(...page.items.map((s) => s.saleId));
    totals.push([page.total, page.totalCapped]);
    if (!page.more) return { ids, totals };
  }
}

describe('Sales tab: each kind of typed search', () => {
  it('an amount typed with the pound sign finds the sales of exactly that amount', () => {
    const f = typed('£12.50');
    expect(f.amount).toBe(1250);
    const page = search.search(f, 25, 0);
    const want = made.filter((m) => m.total === 1250).map((m) => m.saleId);
    expect(want).toHaveLength(100);
    expect(page.total).toBe(100);
    expect(page.totalCapped).toBe(false);
    expect(page.items.every((s) => s.total === 1250)).toBe(true);
    expect(everyPage(f, 25).ids).toEqual(expected(f));
    expect(new Set(everyPage(f, 25).ids)).toEqual(new Set(want));
    // The same amount without the sign or the trailing zero.
    expect(search.search(typed('12.5'), 25, 0).total).toBe(100);
  });

  it('a partial SKU in lower case finds every sale with a line whose SKU starts with it', () => {
    const mug = typed('mug');
    expect(search.search(mug, 25, 0)).toMatchObject({ total: 130, totalCapped: false });
    expect(everyPage(mug, 25).ids).toEqual(expected(mug));
    // A second line counts too: TEE-L is only ever the second line of a sale.
    const large = typed('tee-l');
    expect(search.search(large, 25, 0).total).toBe(made.filter((m) => m.skus.includes('TEE-L')).length);
    expect(everyPage(large, 50).ids).toEqual(expected(large));
    // As typed when the SKU is not in capitals; and a whole SKU is its own start.
    expect(search.search(typed('Tote-B'), 25, 0).total).toBe(130);
    expect(search.search(typed('MUG-RED'), 25, 0).total).toBe(130);
    expect(search.search(typed('MUG-REDX'), 25, 0).total).toBe(0);
  });

  it('a sale id or its start, a Stok.ly order number or order id, a Cloudshelf order id', () => {
    expect(search.search(typed('S2-00642'), 25, 0).items.map((s) => s.saleId)).toEqual(['S2-00642']);
    expect(search.search(typed('S1-0064'), 25, 0)).toMatchObject({ total: 5, totalCapped: false });
    expect(search.search(typed('S1-0064'), 25, 0).items.map((s) => s.saleId)).toEqual(['S1-00649', 'S1-00647', 'S1-00645', 'S1-00643', 'S1-00641']);
    expect(search.search(typed('ord_641'), 25, 0).items.map((s) => [s.saleId, s.orderNumber])).toEqual([['S1-00641', '5641']]);
    expect(search.search(typed('CS-403'), 25, 0).items.map((s) => s.saleId)).toEqual(['S1-00403']);
    expect(search.search(typed('nothing-like-this'), 25, 0)).toMatchObject({ items: [], total: 0, totalCapped: false, more: false });
  });

  it('text that is both an order number and an amount finds both, once each', () => {
    // "5013": the Stok.ly order number of sale 13, and £5,013.00, what sale 1299 cost.
    const f = typed('5013');
    expect(f.amount).toBe(501_300);
    expect(search.search(f, 25, 0)).toMatchObject({ total: 2, totalCapped: false, more: false });
    expect(search.search(f, 25, 0).items.map((s) => [s.saleId, s.total])).toEqual([['S1-01299', 501_300], ['S1-00013', 1250]]);
    // "10.13": two sales a minute each time, the later sale id first.
    const amount = typed('10.13');
    const page = everyPage(amount, 10);
    expect(page.ids).toEqual(expected(amount));
    expect(page.ids.slice(0, 4)).toEqual(['S2-01190', 'S1-01191', 'S2-00996', 'S1-00997']);
    expect(page.ids.length).toBeGreaterThan(10);
    expect(new Set(page.ids).size).toBe(page.ids.length);
  });

  it('combines with a kiosk and a received window', () => {
    const day = { receivedFrom: '2026-11-01T02:00:00.000Z', receivedTo: '2026-11-01T04:00:00.000Z' };
    const f = typed('mug', { kioskId: 'kiosk-02', ...day });
    const want = expected(f);
    expect(want.length).toBeGreaterThan(0);
    expect(search.search(f, 25, 0)).toMatchObject({ total: want.length, totalCapped: false });
    expect(everyPage(f, 5).ids).toEqual(want);
    expect(search.search(typed('S1-', { kioskId: 'kiosk-02' }), 25, 0)).toMatchObject({ items: [], total: 0, more: false });
  });
});

describe(`Sales tab: a typed search matching more than ${countCap} sales`, () => {
  it('says "more than 1,000" and pages through every match in order, without gaps or repeats', () => {
    const tee = typed('tee');
    const want = expected(tee);
    expect(want.length).toBeGreaterThan(countCap);
    const first = search.search(tee, 25, 0);
    expect(first).toMatchObject({ total: countCap, totalCapped: true, more: true });
    expect(first.items.map((s) => s.saleId)).toEqual(want.slice(0, 25));
    const all = everyPage(tee, 100);
    expect(all.ids).toEqual(want);
    expect(all.totals.every(([n, capped]) => n === countCap && capped)).toBe(true);
    // The start every sale id shares, far down the list.
    const s = typed('S');
    expect(search.search(s, 25, 1_100)).toMatchObject({ total: countCap, totalCapped: true, more: true });
    expect(search.search(s, 25, 1_100).items.map((r) => r.saleId)).toEqual(expected(s).slice(1_100, 1_125));
    expect(search.search(s, 25, 1_275)).toMatchObject({ more: false });
  });

  it('within a kiosk or a day counts exactly when at most 1,000 match there', () => {
    const kiosk = typed('TEE', { kioskId: 'kiosk-01' });
    const want = expected(kiosk);
    expect(want.length).toBeLessThanOrEqual(countCap);
    expect(search.search(kiosk, 25, 0)).toMatchObject({ total: want.length, totalCapped: false, more: true });
    expect(everyPage(kiosk, 100).ids).toEqual(want);
    const day = typed('tee', { receivedFrom: '2026-11-01T00:00:00.000Z', receivedTo: '2026-11-01T05:00:00.000Z' });
    expect(everyPage(day, 25).ids).toEqual(expected(day));
    expect(search.search(day, 25, 0).total).toBe(expected(day).length);
    // A whole day of matches is more than 1,000 again.
    const whole = typed('S', { receivedFrom: '2026-11-01T00:00:00.000Z', receivedTo: '2026-11-02T00:00:00.000Z' });
    expect(search.search(whole, 25, 0)).toMatchObject({ total: countCap, totalCapped: true, more: true });
    expect(everyPage(whole, 100).ids).toEqual(expected(whole));
  });
});

describe('the line above the Sales list', () => {
  it('says how many, or "more than 1,000" when the search stopped counting', () => {
    expect(salesCountWords({ total: 57, totalCapped: false, shown: 25 }, 1, 25, true)).toBe('Sales 26–50 of 57, newest first.');
    expect(salesCountWords({ total: 50_000, totalCapped: false, shown: 25 }, 0, 25, false)).toBe('Sales 1–25 of 50,000, newest first.');
    expect(salesCountWords({ total: countCap, totalCapped: true, shown: 25 }, 0, 25, true)).toBe('Sales 1–25 of more than 1,000, newest first.');
    expect(salesCountWords({ total: countCap, totalCapped: true, shown: 25 }, 44, 25, true)).toBe('Sales 1101–1125 of more than 1,000, newest first.');
    expect(salesCountWords({ total: 0, totalCapped: false, shown: 0 }, 0, 25, true)).toBe('No sale matches this search.');
    expect(salesCountWords({ total: 0, totalCapped: false, shown: 0 }, 0, 25, false)).toBe('No sales received yet.');
  });
});
