import { stringify } from 'csv-stringify/sync';
import { currencyExponent } from '../../../shared/money.js';
import type { Figures, ReconciliationReport, TenderRow } from '../../../shared/reconciliation.js';

/**
 * The report as one CSV table that Excel opens cleanly: UTF-8 with a BOM (else Excel guesses
 * the code page), CRLF, one header row, a `section` column (report, tender, total, line, note)
 * so it can be filtered, amounts as decimals in major units plus the exact minor units.
 */

export const CSV_COLUMNS = [
  'section', 'day', 'version', 'status', 'tender', 'ledger', 'kind', 'id', 'reason',
  'kiosk_sales', 'kiosk_refunds', 'kiosk_net', 'kiosk_count',
  'stokly_sales', 'stokly_refunds', 'stokly_net', 'stokly_count',
  'variance', 'kiosk_net_minor', 'stokly_net_minor', 'variance_minor', 'currency', 'detail',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type CsvRow = Partial<Record<Column, string>>;

/** Minor units → "12.50" / "-0.05", by integer arithmetic (no float rounding). */
export function formatMinor(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Text a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe. */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The figure columns the daily and the monthly tables share. */
export const FIGURE_COLUMNS = [
  'kiosk_sales', 'kiosk_refunds', 'kiosk_net', 'kiosk_count',
  'stokly_sales', 'stokly_refunds', 'stokly_net', 'stokly_count',
  'variance', 'kiosk_net_minor', 'stokly_net_minor', 'variance_minor',
] as const;
type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** One row's figures: decimals for people, and the exact minor units beside them. */
export function figureCells(money: (minor: number) => string, kiosk: Figures, stokly: Figures, variance: number): Record<FigureColumn, string> {
  return {
    kiosk_sales: money(kiosk.sales), kiosk_refunds: money(kiosk.refunds), kiosk_net: money(kiosk.net), kiosk_count: String(kiosk.count),
    stokly_sales: money(stokly.sales), stokly_refunds: money(stokly.refunds), stokly_net: money(stokly.net), stokly_count: String(stokly.count),
    variance: money(variance), kiosk_net_minor: String(kiosk.net), stokly_net_minor: String(stokly.net), variance_minor: String(variance),
  };
}

/**
 * Rows → a CSV Excel opens cleanly: UTF-8 with a BOM, CRLF, one header row; a missing cell is
 * empty and the free-text columns are made safe from formula injection.
 */
export function excelCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Partial<Record<C, string>>>, textColumns: readonly C[]): string {
  const records = rows.map((r) => columns.map((c) => {
    const v = r[c] ?? '';
    return textColumns.includes(c) ? safeText(v) : v;
  }));
  return stringify(records, { bom: true, record_delimiter: 'windows', header: true, columns: [...columns] });
}

export function tenderLabel(row: Pick<TenderRow, 'key' | 'tenders' | 'method'>): string {
  if (row.tenders.length > 0) return row.tenders.join(' + ');
  return row.method !== null ? `Stok.ly method ${row.method}` : row.key;
}

export function reportToCsv(report: ReconciliationReport): string {
  // 2 decimal places unless the currency says otherwise (JPY 0, KWD 3).
  const exp = report.currency ? currencyExponent(report.currency) : 2;
  const money = (minor: number): string => formatMinor(minor, exp);
  const base: CsvRow = { day: report.day, version: String(report.version), status: report.status, currency: report.currency ?? '' };
  const figures = (kiosk: Figures, stokly: Figures, variance: number): CsvRow => figureCells(money, kiosk, stokly, variance);

  const { pending } = report;
  const rows: CsvRow[] = [{
    ...base,
    section: 'report',
    detail: [
      `store ${report.storeId}, channel ${report.channelId}`,
      `time zone ${report.timeZone}: ${report.start} to ${report.end}`,
      `built ${report.builtAt}, checked ${report.checkedAt}`,
      `pending sales ${pending.sales}, refunds ${pending.refunds}, exceptions ${pending.exceptions}`,
      ...(report.provisionalReasons.length ? [`provisional: ${report.provisionalReasons.join(', ')}`] : []),
      'variance = Stok.ly - kiosk',
    ].join('; '),
  }];
  for (const t of report.tenders) {
    rows.push({ ...base, section: 'tender', tender: tenderLabel(t), ledger: t.ledger, ...figures(t.kiosk, t.stokly, t.variance), detail: t.note ?? '' });
  }
  rows.push({ ...base, section: 'total', tender: 'all', ...figures(report.totals.kiosk, report.totals.stokly, report.totals.variance) });
  for (const l of report.lines) {
    const sale = l.kind === 'sale';
    const kioskNet = sale ? l.kiosk : -l.kiosk;
    const stoklyNet = sale ? l.stokly : -l.stokly;
    const docs = l.documents.map((d) => d.niceId ?? d.id).join(' ');
    rows.push({
      ...base, section: 'line', tender: l.tender, ledger: l.ledger, kind: l.kind, id: l.id, reason: l.reason,
      [sale ? 'kiosk_sales' : 'kiosk_refunds']: money(l.kiosk),
      [sale ? 'stokly_sales' : 'stokly_refunds']: money(l.stokly),
      kiosk_net: money(kioskNet), stokly_net: money(stoklyNet), variance: money(l.variance),
      kiosk_net_minor: String(kioskNet), stokly_net_minor: String(stoklyNet), variance_minor: String(l.variance),
      detail: docs ? `${l.detail} [Stok.ly: ${docs}]` : l.detail,
    });
  }
  for (const n of report.notes) rows.push({ ...base, section: 'note', detail: n });

  return excelCsv(CSV_COLUMNS, rows, ['tender', 'ledger', 'id', 'detail']);
}
