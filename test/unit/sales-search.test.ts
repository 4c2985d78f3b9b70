import { describe, expect, it } from 'vitest';
import { amountOf } from '../../electron/core/admin/routes/sales.js';
import { AuditRepo } from '../../electron/core/db/audit-repo.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo } from '../../electron/core/db/outbox-repo.js';
import { SalesRepo } from '../../electron/core/db/sales-repo.js';
import { SalesSearchRepo, type SalesFilter } from '../../electron/core/db/sales-search-repo.js';
import { formatWhen } from '../../renderer/src/format.js';
import type { Sale } from '../../shared/kiosk-api.js';

const none: SalesFilter = { text: null, amount: null, kioskId: null, receivedFrom: null, receivedTo: null };

function sale(n: number, kioskId: string, sku: string, unitPrice: number): Sale {
  return {
    saleId: `S-${String(n).padStart(4, '0')}`, kioskId, occurredAt: '2026-12-01T10:00:00+00:00', currency: 'GBP',
    lines: [{ sku, quantity: 1, unitPrice, tax: 0, discount: 0, fulfilment: 'store' }],
    payments: [{ tender: 'card', amount: unitPrice }],
  } as Sale;
}

function store() {
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  const sales = new SalesRepo(db);
  const outbox = new OutboxRepo(db);
  for (let n = 1; n <= 60; n++) {
    const s = sale(n, n % 2 === 0 ? 'kiosk-02' : 'kiosk-01', n % 10 === 0 ? 'MUG-RED' : 'TEE-M', 1000 + n);
    db.transaction(() => {
      sales.insert(s, `h${n}`, new Date(Date.UTC(2026, 11, 1, 9, n)).toISOString(), { duplicateOf: null, source: 'kiosk' });
      outbox.insert('sale', s.saleId, JSON.stringify(s), 1000 + n);
    })();
  }
  return { db, outbox, search: new SalesSearchRepo(db), audit: new AuditRepo(db) };
}

describe('Sales tab search (SalesSearchRepo)', () => {
  it('pages newest first with a total that counts every match', () => {
    const { search } = store();
    const first = search.search(none, 25, 0);
    expect(first.total).toBe(60);
    expect(first.more).toBe(true);
    expect(first.items[0]!.saleId).toBe('S-0060');
    const last = search.search(none, 25, 50);
    expect(last.items.map((s) => s.saleId)).toEqual(['S-0010', 'S-0009', 'S-0008', 'S-0007', 'S-0006', 'S-0005', 'S-0004', 'S-0003', 'S-0002', 'S-0001']);
    expect(last.more).toBe(false);
  });

  it('finds by sale id start, SKU, amount, kiosk and received window, combined', () => {
    const { search } = store();
    expect(search.search({ ...none, text: 'S-005' }, 25, 0).items.map((s) => s.saleId)).toEqual(
      ['S-0059', 'S-0058', 'S-0057', 'S-0056', 'S-0055', 'S-0054', 'S-0053', 'S-0052', 'S-0051', 'S-0050']);
    expect(search.search({ ...none, text: 'mug-red' }, 25, 0).total).toBe(6);
    expect(search.search({ ...none, text: '10.42', amount: 1042 }, 25, 0).items.map((s) => s.saleId)).toEqual(['S-0042']);
    expect(search.search({ ...none, kioskId: 'kiosk-02', text: 'MUG-RED' }, 25, 0).total).toBe(6);
    expect(search.search({ ...none, kioskId: 'kiosk-01', text: 'MUG-RED' }, 25, 0).total).toBe(0);
    const window = { receivedFrom: '2026-12-01T09:10:00.000Z', receivedTo: '2026-12-01T09:20:00.000Z' };
    expect(search.search({ ...none, ...window }, 25, 0).total).toBe(10);
  });

  it('tells a sale\'s story: received, each try and its answer, the order, who did what', () => {
    const { search, outbox, audit } = store();
    const row = outbox.byRef('sale', 'S-0007')!;
    outbox.markRetry(row.id, { nextAttemptAt: 5000, error: 'Stok.ly answered 503: try later', outcomeUnknown: false, countAttempt: true, now: 2000 });
    outbox.markCreated(row.id, 'ORDER-7', null, 3000);
    outbox.markDone(row.id, 4000);
    audit.append({ at: 3500, actor: 'Sam', action: 'note', subjectKind: 'sale', subjectRef: 'S-0007', detail: 'customer called' });
    const detail = search.detail('S-0007')!;
    expect(detail.summary).toMatchObject({ state: 'sent', orderNumber: 'ORDER-7', total: 1007, lineCount: 1, firstSku: 'TEE-M' });
    expect(detail.attempts).toBe(1);
    expect(detail.timeline.map((e) => [e.kind, e.code, e.ref ?? e.actor])).toEqual([
      ['attempt', 'retry', null],
      ['attempt', 'created', 'ORDER-7'],
      ['action', 'note', 'Sam'],
      ['attempt', 'done', null],
      ['received', null, 'kiosk-01'],
    ]);
    expect(detail.timeline[0]!.detail).toBe('Stok.ly answered 503: try later');
    expect(search.search({ ...none, text: 'ORDER-7' }, 25, 0).items.map((s) => s.saleId)).toEqual(['S-0007']);
    expect(search.detail('NOPE')).toBeUndefined();
  });

  it('keeps the latest 20 tries of a row; the row still counts them all', () => {
    const { search, outbox } = store();
    const row = outbox.byRef('sale', 'S-0003')!;
    for (let i = 0; i < 30; i++) outbox.markRetry(row.id, { nextAttemptAt: 10_000 + i, error: `try ${i}`, outcomeUnknown: false, countAttempt: true, now: 5000 + i });
    const detail = search.detail('S-0003')!;
    const tries = detail.timeline.filter((e) => e.kind === 'attempt');
    expect(tries).toHaveLength(20);
    expect(tries[0]!.detail).toBe('try 10');
    expect(detail.attempts).toBe(30);
  });
});

describe('Sales tab paging, deep pages read from the oldest end', () => {
  // 1,320 sales over three days: ids not in arrival order, received times shuffled and tied in
  // threes, and 60 sales in one millisecond, so ties fall inside pages and across their edges.
  const count = 1320;
  const rows = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const slot = n >= 600 && n < 660 ? 150 : Math.floor(((n * 37) % count) / 3);
    return {
      saleId: `S-${String((n * 7919) % 10007).padStart(5, '0')}`,
      kioskId: n % 2 === 0 ? 'kiosk-02' : 'kiosk-01',
      receivedAt: new Date(Date.UTC(2026, 11, 1, 0, 0) + slot * 7 * 60_000).toISOString(),
    };
  });
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  const salesRepo = new SalesRepo(db);
  db.transaction(() => {
    rows.forEach((r, i) => salesRepo.insert({ ...sale(i + 1, r.kioskId, 'TEE-M', 1000), saleId: r.saleId }, `h${i}`, r.receivedAt, { duplicateOf: null, source: 'kiosk' }));
  })();
  const search = new SalesSearchRepo(db);
  const day = { receivedFrom: '2026-12-02T00:00:00.000Z', receivedTo: '2026-12-03T00:00:00.000Z' };

  // The order the tab promises, computed without SQLite: received_at, then sale id, both newest first.
  const expected = (f: SalesFilter): string[] => rows
    .filter((r) => (f.kioskId === null || r.kioskId === f.kioskId) && (f.receivedFrom === null || (r.receivedAt >= f.receivedFrom && r.receivedAt < f.receivedTo!)))
    .sort((a, b) => (a.receivedAt !== b.receivedAt ? (a.receivedAt < b.receivedAt ? 1 : -1) : a.saleId < b.saleId ? 1 : a.saleId > b.saleId ? -1 : 0))
    .map((r) => r.saleId);

  const check = (f: SalesFilter, want: string[], limit: number, offset: number): void => {
    const page = search.search(f, limit, offset);
    expect({ offset, ids: page.items.map((s) => s.saleId) }).toEqual({ offset, ids: want.slice(offset, offset + limit) });
    expect(page.total).toBe(want.length);
    expect(page.totalCapped).toBe(false);
    expect(page.more).toBe(offset + limit < want.length);
  };

  const filters: Array<[string, SalesFilter]> = [
    ['every sale', none],
    ['one kiosk', { ...none, kioskId: 'kiosk-02' }],
    ['one day', { ...none, ...day }],
    ['one kiosk on one day', { ...none, kioskId: 'kiosk-01', ...day }],
  ];

  it('has the ties the paging must keep in order', () => {
    const all = expected(none);
    expect(all).toHaveLength(count);
    const at = new Map(rows.map((r) => [r.saleId, r.receivedAt]));
    // A tie across the edge of a 25-sale page in the newer half and in the older half.
    const tiedEdges = [25, 50, 75, 100, 125, 150, 175].flatMap((k) => [k, count - k]).filter((k) => at.get(all[k - 1]!) === at.get(all[k]!));
    expect(tiedEdges.some((k) => k < count / 2)).toBe(true);
    expect(tiedEdges.some((k) => k > count / 2)).toBe(true);
    expect(expected({ ...none, ...day }).length).toBeGreaterThan(300);
  });

  it.each(filters)('%s: every page forwards and backwards matches a plain sort, tie-break included', (_name, f) => {
    const want = expected(f);
    expect(want.length).toBeGreaterThan(100);
    for (const limit of [25, 7, 100]) {
      const offsets: number[] = [];
      for (let o = 0; o < want.length; o += limit) offsets.push(o);
      for (const o of offsets) check(f, want, limit, o);
      for (const o of [...offsets].reverse()) check(f, want, limit, o);
    }
  });

  it.each(filters)('%s: the middle, the last page, odd offsets and past the end', (_name, f) => {
    const want = expected(f);
    const half = Math.floor(want.length / 2);
    // Every offset around the switch to the oldest end, where an off-by-one would show.
    for (let o = half - 30; o <= half + 5; o++) check(f, want, 25, o);
    for (let o = 1; o < want.length; o += 13) check(f, want, 25, o);
    for (const o of [want.length - 25, want.length - 24, want.length - 1, want.length, want.length + 10]) check(f, want, 25, o);
    check(f, want, 1, want.length - 1);
    expect(search.search(f, 25, want.length - 1).items.map((s) => s.saleId)).toEqual([want[want.length - 1]]);
  });
});

describe('amounts typed in the search', () => {
  it('reads pounds and pence, with or without the sign; refuses what is not an amount', () => {
    expect(amountOf('12.50', 'GBP')).toBe(1250);
    expect(amountOf('£12.5', 'GBP')).toBe(1250);
    expect(amountOf('12', 'GBP')).toBe(1200);
    expect(amountOf('1200', 'JPY')).toBe(1200);
    expect(amountOf('12.505', 'GBP')).toBeNull();
    expect(amountOf('S-0001', 'GBP')).toBeNull();
  });
});

describe('times in words (store time zone)', () => {
  const now = new Date('2026-12-02T10:30:00Z');
  it('says today, yesterday, a weekday, or a date', () => {
    expect(formatWhen('2026-12-02T10:15:00Z', 'Europe/London', now)).toBe('today 10:15');
    expect(formatWhen('2026-12-01T16:02:00Z', 'Europe/London', now)).toBe('yesterday 16:02');
    expect(formatWhen('2026-11-29T09:00:00Z', 'Europe/London', now)).toBe('Sunday 09:00');
    expect(formatWhen('2026-11-20T09:00:00Z', 'Europe/London', now)).toBe('20 Nov 09:00');
    expect(formatWhen('2025-11-20T09:00:00Z', 'Europe/London', now)).toBe('20 Nov 2025 09:00');
  });
  it('uses the store\'s day, not UTC\'s', () => {
    // 23:30 UTC on the 1st is already the 2nd in Berlin.
    expect(formatWhen('2026-12-01T23:30:00Z', 'Europe/Berlin', now)).toBe('today 00:30');
    expect(formatWhen('2026-12-01T23:30:00Z', 'Europe/London', now)).toBe('yesterday 23:30');
  });
});
