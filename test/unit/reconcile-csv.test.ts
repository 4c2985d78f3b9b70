import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatMinor, reportToCsv, safeText } from '../../electron/core/reconcile/csv.js';
import { reconciliationReportSchema, type ReconciliationReport } from '../../shared/reconciliation.js';

const fig = (sales: number, refunds: number, count: number) => ({ sales, refunds, net: sales - refunds, count });

const report: ReconciliationReport = reconciliationReportSchema.parse({
  day: '2026-11-20', timeZone: 'Europe/London', start: '2026-11-20T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z',
  storeId: 'store-001', channelId: 'CH-KIOSK', currency: 'GBP', version: 2, status: 'variance', provisionalReasons: [],
  builtAt: '2026-11-21T00:15:00.000Z', checkedAt: '2026-11-21T00:30:00.000Z',
  tenders: [
    { key: 'method:4', tenders: ['card'], method: 4, ledger: 'Card, "debit" & credit', kiosk: fig(2050, 200, 3), stokly: fig(2000, 200, 3), variance: -50, note: null },
    { key: 'method:1', tenders: ['cash'], method: 1, ledger: 'Cash', kiosk: fig(5, 0, 1), stokly: fig(5, 0, 1), variance: 0, note: null },
  ],
  totals: { kiosk: fig(2055, 200, 4), stokly: fig(2005, 200, 4), variance: -50 },
  lines: [{
    kind: 'sale', id: 's1', reference: 'store-001/s1', tenderKey: 'method:4', tender: 'card', ledger: 'Card, "debit" & credit',
    kiosk: 1250, stokly: 1200, variance: -50, reason: 'amount_differs', detail: '=HYPERLINK("x") £ ünïcode',
    documents: [{ id: 'o1', niceId: '17', createdAt: '2026-11-20T10:00:00.000Z' }],
  }],
  pending: { sales: 0, refunds: 0, exceptions: 0 },
  notes: ['a note, with a comma'],
});

describe('reconciliation CSV for Excel', () => {
  it('formats minor units as exact decimals', () => {
    expect(formatMinor(1250, 2)).toBe('12.50');
    expect(formatMinor(-5, 2)).toBe('-0.05');
    expect(formatMinor(0, 2)).toBe('0.00');
    expect(formatMinor(1234, 0)).toBe('1234');
    expect(formatMinor(1, 3)).toBe('0.001');
    expect(formatMinor(900719925474099, 2)).toBe('9007199254740.99');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(safeText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(safeText('@x')).toBe("'@x");
    expect(safeText('card')).toBe('card');
  });

  it('has a BOM, CRLF line ends, one header row, and round-trips through csv-parse', () => {
    const csv = reportToCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const rows = parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.section)).toEqual(['report', 'tender', 'tender', 'total', 'line', 'note']);
    const card = rows[1]!;
    expect(card).toMatchObject({ tender: 'card', ledger: 'Card, "debit" & credit', kiosk_sales: '20.50', kiosk_refunds: '2.00', kiosk_net: '18.50', kiosk_count: '3', stokly_net: '18.00', variance: '-0.50', variance_minor: '-50' });
    expect(rows[3]).toMatchObject({ tender: 'all', kiosk_net: '18.55', stokly_net: '18.05', variance: '-0.50' });
    const line = rows[4]!;
    expect(line).toMatchObject({ kind: 'sale', id: 's1', reason: 'amount_differs', kiosk_sales: '12.50', stokly_sales: '12.00', variance: '-0.50', day: '2026-11-20', version: '2' });
    expect(line.detail).toBe(`'=HYPERLINK("x") £ ünïcode [Stok.ly: 17]`);
    expect(rows[5]!.detail).toBe('a note, with a comma');
  });
});
