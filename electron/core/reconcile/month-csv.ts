import type { MonthTakings } from '../../../shared/month-end.js';
import { currencyExponent } from '../../../shared/money.js';
import type { Figures } from '../../../shared/reconciliation.js';
import { excelCsv, figureCells, formatMinor, tenderLabel } from './csv.js';

/**
 * The month as one CSV table, like the daily one (UTF-8 with BOM, CRLF, a `section` column):
 * a month row, one row per tender, the total, one row per day, then notes.
 */

export const MONTH_CSV_COLUMNS = [
  'section', 'month', 'status', 'day', 'day_status', 'version', 'tender', 'ledger',
  'kiosk_sales', 'kiosk_refunds', 'kiosk_net', 'kiosk_count',
  'stokly_sales', 'stokly_refunds', 'stokly_net', 'stokly_count',
  'variance', 'kiosk_net_minor', 'stokly_net_minor', 'variance_minor', 'currency', 'detail',
] as const;

type Column = (typeof MONTH_CSV_COLUMNS)[number];
type CsvRow = Partial<Record<Column, string>>;

export function monthToCsv(m: MonthTakings): string {
  const exp = m.currency ? currencyExponent(m.currency) : 2;
  const money = (minor: number): string => formatMinor(minor, exp);
  const base: CsvRow = { month: m.month, status: m.status, currency: m.currency ?? '' };
  const figures = (kiosk: Figures, stokly: Figures, variance: number): CsvRow => figureCells(money, kiosk, stokly, variance);
  const signOff = m.signOff
    ? [`signed off by ${m.signOff.by} at ${m.signOff.at}${m.signOff.outOfDate ? ` (out of date: ${m.signOff.changedDays.join(' ')} changed since)` : ''}`]
    : ['not signed off'];
  const rows: CsvRow[] = [{
    ...base, section: 'month',
    detail: [`time zone ${m.timeZone}`, m.summary, ...signOff, 'variance = Stok.ly - kiosk; each figure is the sum of the days'].join('; '),
  }];
  for (const t of m.tenders) rows.push({ ...base, section: 'tender', tender: tenderLabel(t), ledger: t.ledger, ...figures(t.kiosk, t.stokly, t.variance) });
  rows.push({ ...base, section: 'total', tender: 'all', ...figures(m.totals.kiosk, m.totals.stokly, m.totals.variance) });
  for (const d of m.days) {
    rows.push({
      ...base, section: 'day', day: d.day, day_status: d.status, version: d.version === null ? '' : String(d.version),
      variance: money(d.variance), variance_minor: String(d.variance),
    });
  }
  for (const n of m.notes) rows.push({ ...base, section: 'note', detail: n });

  return excelCsv(MONTH_CSV_COLUMNS, rows, ['tender', 'ledger', 'detail']);
}
