import type { Figures, ReconciliationReport } from '../../../shared/reconciliation.js';
import type { MonthDay, MonthTakings, MonthTenderRow } from '../../../shared/month-end.js';
import { addDays, dayWindow } from './trading-day.js';

/**
 * A month's takings as the sum of its daily reports: each tender's figures are the exact sum
 * of that tender's daily figures, so the month and its days can never disagree. Pure.
 */

const zero = (): Figures => ({ sales: 0, refunds: 0, net: 0, count: 0 });

function addInto(into: Figures, f: Figures): void {
  into.sales += f.sales;
  into.refunds += f.refunds;
  into.net += f.net;
  into.count += f.count;
}

/** The trading days of `month` (YYYY-MM) that have started by `now` in the store's time zone. */
export function startedDays(month: string, timeZone: string, now: number): string[] {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) {
    if (dayWindow(day, timeZone).start > now) break;
    days.push(day);
  }
  return days;
}

/** Whether the month has ended in the store's time zone. */
export function monthEnded(month: string, timeZone: string, now: number): boolean {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return dayWindow(next, timeZone).start <= now;
}

function mostCommon(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const v of values) {
    if (v === null) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (best === null || (counts.get(v) ?? 0) > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

const formatList = (days: readonly MonthDay[]): string => days.map((d) => d.day).join(', ');

/** One entry per started day: its report, or null when it could not be built. */
export function sumMonth(
  month: string, timeZone: string, complete: boolean, entries: ReadonlyArray<{ day: string; report: ReconciliationReport | null }>,
): Omit<MonthTakings, 'signOff'> {
  const rows = new Map<string, MonthTenderRow>();
  const totals = { kiosk: zero(), stokly: zero(), variance: 0 };
  const days: MonthDay[] = [];
  const notes = new Set<string>();
  for (const { day, report } of entries) {
    if (!report) {
      days.push({ day, status: 'not_built', variance: 0, version: null });
      continue;
    }
    days.push({ day, status: report.status, variance: report.totals.variance, version: report.version });
    for (const t of report.tenders) {
      let row = rows.get(t.key);
      if (!row) {
        row = { key: t.key, tenders: [], method: t.method, ledger: t.ledger, kiosk: zero(), stokly: zero(), variance: 0 };
        rows.set(t.key, row);
      }
      for (const name of t.tenders) if (!row.tenders.includes(name)) row.tenders.push(name);
      // A later day's label wins: the ledger as configured now.
      row.ledger = t.ledger;
      addInto(row.kiosk, t.kiosk);
      addInto(row.stokly, t.stokly);
      row.variance += t.variance;
    }
    addInto(totals.kiosk, report.totals.kiosk);
    addInto(totals.stokly, report.totals.stokly);
    totals.variance += report.totals.variance;
    for (const n of report.notes) notes.add(`${day}: ${n}`);
  }
  const attention = days.filter((d) => d.status !== 'balanced');
  const waiting = attention.filter((d) => d.status === 'provisional' || d.status === 'not_built');
  const differing = attention.filter((d) => d.status === 'variance');
  const status = waiting.length > 0 || !complete ? 'provisional' : differing.length > 0 || totals.variance !== 0 ? 'variance' : 'balanced';
  const parts: string[] = [];
  if (!complete) parts.push('the month is still trading');
  if (waiting.length > 0) parts.push(`${waiting.length} day(s) provisional or not built: ${formatList(waiting)}`);
  if (differing.length > 0) parts.push(`${differing.length} day(s) with a variance: ${formatList(differing)}`);
  const summary = parts.length === 0
    ? `Every day of ${month} balanced.`
    : `${month} is ${status}: ${parts.join('; ')}. Open each listed day in Takings to see why.`;
  return {
    month, timeZone, currency: mostCommon(entries.map((e) => e.report?.currency ?? null)), status, complete,
    tenders: [...rows.values()], totals, days, attention, summary, notes: [...notes],
  };
}
