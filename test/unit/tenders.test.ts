import { describe, expect, it } from 'vitest';
import { tenderResolver } from '../../electron/core/tenders.js';

const staff = (entries: Record<string, { method: number; ledger: string | null }>) => ({ tender: (t: string) => entries[t] });

describe('tenderResolver: one answer for sending, flags, exceptions and reconciliation', () => {
  it('takes the configuration, in both its forms, with the tender as the default ledger label', () => {
    const tenders = tenderResolver({ tenders: { card: 4, gift_card: { method: 7, ledger: 'Gift vouchers' } } }, staff({}));
    expect(tenders.mapping('card')).toEqual({ method: 4, ledger: 'card' });
    expect(tenders.mapping('gift_card')).toEqual({ method: 7, ledger: 'Gift vouchers' });
    expect(tenders.method('gift_card')).toBe(7);
  });

  it('fills a gap from the staff window, never overriding the configuration', () => {
    const tenders = tenderResolver({ tenders: { card: 4 } }, staff({ card: { method: 99, ledger: 'Other' }, voucher: { method: 12, ledger: null } }));
    expect(tenders.mapping('card')).toEqual({ method: 4, ledger: 'card' });
    expect(tenders.mapping('voucher')).toEqual({ method: 12, ledger: 'voucher' });
    expect(tenders.isMapped('voucher')).toBe(true);
  });

  it('answers unmapped for a tender nobody has mapped', () => {
    const tenders = tenderResolver({ tenders: { card: 4 } }, staff({}));
    expect(tenders.mapping('crypto')).toBeUndefined();
    expect(tenders.method('crypto')).toBeUndefined();
    expect(tenders.isMapped('crypto')).toBe(false);
  });

  it('sees a staff mapping made after it was built (it reads, it does not copy)', () => {
    const entries: Record<string, { method: number; ledger: string | null }> = {};
    const tenders = tenderResolver({ tenders: {} }, staff(entries));
    expect(tenders.isMapped('cash')).toBe(false);
    entries.cash = { method: 1, ledger: 'Cash' };
    expect(tenders.mapping('cash')).toEqual({ method: 1, ledger: 'Cash' });
  });
});
