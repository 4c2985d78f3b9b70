import { describe, expect, it } from 'vitest';
import { exceptionHelp } from '../../shared/exceptions.js';
import type { CompareResult, Elsewhere, KnownTxn } from '../../electron/core/reconcile/compare.js';
import { compareDay, matchKey } from '../../electron/core/reconcile/compare.js';
import type { KioskTxn } from '../../electron/core/db/kiosk-day-repo.js';
import type { StoklyDoc } from '../../electron/core/reconcile/stokly-side.js';
import { TenderGroups, type TenderMappingEntry } from '../../electron/core/reconcile/tender-groups.js';
import { dayWindow } from '../../electron/core/reconcile/trading-day.js';

const window = dayWindow('2026-11-20', 'Europe/London');
const STORE = 'store-001';
const CONFIG: Record<string, TenderMappingEntry> = {
  card: { method: 4, ledger: 'Card takings' },
  cash: { method: 1, ledger: 'Cash takings' },
};

const groupsOf = (cfg: Record<string, TenderMappingEntry> = CONFIG) => new TenderGroups(Object.keys(cfg), (t) => cfg[t]);

function sale(id: string, payments: Array<[string, number]>, state: KioskTxn['state'] = 'posted', kind: 'sale' | 'refund' = 'sale'): KioskTxn {
  return {
    kind, id, occurredAt: '2026-11-20T10:00:00+00:00', receivedAt: '2026-11-20T10:00:01.000Z', currency: 'GBP',
    payments: payments.map(([tender, amount]) => ({ tender, amount })), state, stateDetail: state === 'exception' ? 'unknown_sku' : null,
  };
}
const refund = (id: string, payments: Array<[string, number]>, state: KioskTxn['state'] = 'posted') => sale(id, payments, state, 'refund');

function doc(id: string, ref: string, payments: Array<[number, number]>, extra: Partial<StoklyDoc> = {}): StoklyDoc {
  return {
    kind: 'sale', id, niceId: id.toUpperCase(), reference: `${STORE}/${ref}`, createdAt: '2026-11-20T10:00:00.000Z', currency: 'GBP',
    removed: false, payments: payments.map(([method, amount]) => ({ method, amount })), ...extra,
  };
}

function run(kiosk: KioskTxn[], stokly: StoklyDoc[], opts: { elsewhere?: Map<string, Elsewhere>; known?: Map<string, KnownTxn | undefined>; groups?: TenderGroups } = {}): CompareResult {
  return compareDay({
    window, storeId: STORE, channelId: 'CH-KIOSK', kiosk, stokly, groups: opts.groups ?? groupsOf(),
    elsewhere: opts.elsewhere ?? new Map(), known: opts.known ?? new Map(),
  });
}

/** The property finance relies on: each tender's explaining lines add up to its variance. */
function expectLinesExplainVariance(r: CompareResult): void {
  for (const row of r.tenders) {
    const explained = r.lines.filter((l) => l.tenderKey === row.key).reduce((s, l) => s + l.variance, 0);
    expect(explained, row.key).toBe(row.variance);
  }
  expect(r.tenders.reduce((s, t) => s + t.variance, 0)).toBe(r.totals.variance);
}

describe('matching kiosk transactions to Stok.ly documents', () => {
  it('two tenders and a refund that all match balance, with figures per ledger row', () => {
    const r = run(
      [sale('s1', [['card', 1250]]), sale('s2', [['cash', 500], ['card', 300]]), refund('r1', [['card', 200]])],
      [doc('o1', 's1', [[4, 1250]]), doc('o2', 's2', [[1, 500], [4, 300]]), doc('c1', 'r1', [[4, 200]], { kind: 'refund' })],
    );
    expect(r.lines).toEqual([]);
    expect(r.currency).toBe('GBP');
    const card = r.tenders.find((t) => t.key === 'method:4')!;
    expect(card).toMatchObject({ tenders: ['card'], ledger: 'Card takings', variance: 0, note: null });
    expect(card.kiosk).toEqual({ sales: 1550, refunds: 200, net: 1350, count: 3 });
    expect(card.stokly).toEqual(card.kiosk);
    expect(r.tenders.find((t) => t.key === 'method:1')!.kiosk).toEqual({ sales: 500, refunds: 0, net: 500, count: 1 });
    expect(r.totals.kiosk).toEqual({ sales: 2050, refunds: 200, net: 1850, count: 3 });
    expect(r.totals.variance).toBe(0);
    expect(r.provisionalReasons).toEqual([]);
  });

  it('tenders sharing a Stok.ly method share one row that names both', () => {
    const groups = groupsOf({ card: { method: 4, ledger: 'Cards' }, gift_card: { method: 4, ledger: 'Gift cards' }, cash: { method: 1, ledger: 'Cash' } });
    const r = run([sale('s1', [['card', 1000]]), sale('s2', [['gift_card', 700]])], [doc('o1', 's1', [[4, 1000]]), doc('o2', 's2', [[4, 700]])], { groups });
    expect(r.tenders.map((t) => t.key)).toEqual(['method:4', 'method:1']);
    const shared = r.tenders[0]!;
    expect(shared.tenders).toEqual(['card', 'gift_card']);
    expect(shared.ledger).toBe('Cards / Gift cards');
    expect(shared.note).toMatch(/card and gift_card share Stok\.ly payment method 4/);
    expect(shared.kiosk.net).toBe(1700);
    expect(shared.variance).toBe(0);
  });

  it('a changed amount is explained by the sale and tender', () => {
    const r = run([sale('s1', [['card', 1250]]), sale('s2', [['cash', 500]])], [doc('o1', 's1', [[4, 1200]]), doc('o2', 's2', [[1, 500]])]);
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'sale', id: 's1', tender: 'card', ledger: 'Card takings', kiosk: 1250, stokly: 1200, variance: -50, reason: 'amount_differs' })]);
    expect(r.lines[0]!.documents).toEqual([{ id: 'o1', niceId: 'O1', createdAt: '2026-11-20T10:00:00.000Z' }]);
    expect(r.totals.variance).toBe(-50);
    expectLinesExplainVariance(r);
  });

  it('a wrong tender with the right total is a tender difference on both rows', () => {
    const r = run([sale('s1', [['card', 800]])], [doc('o1', 's1', [[1, 800]])]);
    expect(r.lines.map((l) => [l.tenderKey, l.reason, l.variance])).toEqual([['method:1', 'tender_differs', 800], ['method:4', 'tender_differs', -800]]);
    expect(r.totals.variance).toBe(0);
    expectLinesExplainVariance(r);
  });

  it('names why a transaction is missing: pending, exception, voided, not found, another day, another channel', () => {
    const kiosk = [
      sale('p1', [['card', 100]], 'pending'),
      sale('e1', [['card', 200]], 'exception'),
      sale('v1', [['cash', 300]], 'voided'),
      sale('m1', [['card', 400]]),
      sale('d1', [['card', 500]]),
      sale('c1', [['card', 600]]),
    ];
    const elsewhere = new Map<string, Elsewhere>([
      [matchKey('sale', `${STORE}/m1`), []],
      [matchKey('sale', `${STORE}/d1`), [{ id: 'o9', niceId: '9', createdAt: '2026-11-21T09:00:00.000Z', day: '2026-11-21', channelId: 'CH-KIOSK' }]],
      [matchKey('sale', `${STORE}/c1`), [{ id: 'o8', niceId: '8', createdAt: '2026-11-20T09:00:00.000Z', day: '2026-11-20', channelId: 'CH-WEB' }]],
    ]);
    const r = run(kiosk, [], { elsewhere });
    const reasons = Object.fromEntries(r.lines.map((l) => [l.id, l.reason]));
    expect(reasons).toEqual({ p1: 'pending', e1: 'exception', v1: 'voided', m1: 'not_in_stokly', d1: 'stokly_other_day', c1: 'stokly_other_channel' });
    expect(r.lines.find((l) => l.id === 'd1')!.detail).toMatch(/dated 2026-11-21/);
    // The reason a sale waits, in words: finance reads this line, not a code.
    expect(r.lines.find((l) => l.id === 'e1')!.detail).toBe(`waiting for a person: ${exceptionHelp.unknown_sku.title}`);
    expect(r.pending).toEqual({ sales: 1, refunds: 0, exceptions: 1 });
    expect(r.provisionalReasons).toEqual(['pending', 'exception']);
    expect(r.totals.variance).toBe(-2100);
    expectLinesExplainVariance(r);
  });

  it('a removed order holds no money; a second order for one sale is a duplicate', () => {
    const r = run(
      [sale('s1', [['card', 1000]]), sale('s2', [['card', 300]])],
      [doc('o1', 's1', [[4, 1000]], { removed: true }), doc('o2', 's2', [[4, 300]]), doc('o3', 's2', [[4, 300]])],
    );
    expect(r.lines.map((l) => [l.id, l.reason, l.kiosk, l.stokly])).toEqual([['s1', 'removed_in_stokly', 1000, 0], ['s2', 'duplicate_in_stokly', 300, 600]]);
    expect(r.tenders[0]!.stokly.count).toBe(2);
    expectLinesExplainVariance(r);
  });

  it('Stok.ly documents with our prefix and no kiosk transaction on the day are named', () => {
    const known = new Map<string, KnownTxn | undefined>([
      [matchKey('sale', `${STORE}/ghost`), undefined],
      [matchKey('sale', `${STORE}/dup`), { day: '2026-11-20', duplicateOf: 's1' }],
      [matchKey('sale', `${STORE}/early`), { day: '2026-11-19', duplicateOf: null }],
      [matchKey('refund', `${STORE}/r-ghost`), undefined],
    ]);
    const r = run(
      [sale('s1', [['card', 100]])],
      [doc('o1', 's1', [[4, 100]]), doc('o2', 'ghost', [[4, 50]]), doc('o3', 'dup', [[4, 100]]), doc('o4', 'early', [[1, 70]]),
        doc('c1', 'r-ghost', [[4, 20]], { kind: 'refund' })],
      { known },
    );
    expect(r.lines.map((l) => [l.kind, l.id, l.reason, l.variance])).toEqual([
      ['sale', 'dup', 'duplicate_sale', 100],
      ['sale', 'early', 'kiosk_other_day', 70],
      ['sale', 'ghost', 'unknown_to_kiosk', 50],
      ['refund', 'r-ghost', 'unknown_to_kiosk', -20],
    ]);
    expectLinesExplainVariance(r);
  });

  it('a tender mapped outside the configuration (staff window) joins its method row, or makes one', () => {
    const extra: Record<string, TenderMappingEntry> = { ...CONFIG, voucher: { method: 4, ledger: 'Vouchers' }, gift: { method: 7, ledger: 'Gift cards' } };
    const groups = new TenderGroups(Object.keys(CONFIG), (t) => extra[t]);
    const r = run([sale('s1', [['voucher', 500]]), sale('s2', [['gift', 300]])], [doc('o1', 's1', [[4, 500]]), doc('o2', 's2', [[7, 300]])], { groups });
    expect(r.lines).toEqual([]);
    const card = r.tenders.find((t) => t.key === 'method:4')!;
    expect(card).toMatchObject({ tenders: ['card', 'voucher'], ledger: 'Card takings / Vouchers', variance: 0 });
    expect(card.note).toMatch(/card and voucher share Stok\.ly payment method 4/);
    expect(r.tenders.find((t) => t.key === 'method:7')).toMatchObject({ tenders: ['gift'], ledger: 'Gift cards', note: null, variance: 0 });
  });

  it('tenders and methods missing from the configuration get rows of their own', () => {
    const r = run([sale('s1', [['voucher', 500]])], [doc('o1', 's1', [[9, 500]])]);
    expect(r.tenders.map((t) => t.key)).toEqual(['method:4', 'method:1', 'method:9', 'tender:voucher']);
    expect(r.tenders.find((t) => t.key === 'tender:voucher')!.note).toMatch(/no Stok\.ly payment method/);
    expect(r.tenders.find((t) => t.key === 'method:9')!.note).toMatch(/no tender in the configuration/);
    expectLinesExplainVariance(r);
  });
});
