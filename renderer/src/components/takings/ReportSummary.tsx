import type { ReconciliationReport } from '../../../../shared/reconciliation.js';
import { formatAmount, formatTime } from '../../format.js';
import { EmptyDayBadge, EmptyDayKiosks, isEmptyDay } from './EmptyDay.js';
import { ReconStatusBadge } from './ReconStatusBadge.js';
import { VarianceAmount } from './VarianceAmount.js';
import { provisionalWords, statusWords } from './words.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The answer first: status in a word, the two nets and the variance, and why it may change. */
export function ReportSummary({ report }: { report: ReconciliationReport }) {
  const { totals, currency, pending } = report;
  const waiting = pending.sales + pending.refunds;
  // A closed past day with nothing on either side is "balanced", but green would hide a kiosk that never sent.
  const empty = isEmptyDay(totals) && report.status === 'balanced';
  return (
    <section aria-labelledby="summary-heading" className="card report-summary">
      <h3 id="summary-heading" className="visually-hidden">Summary</h3>
      <div className="summary-top">
        {empty ? <EmptyDayBadge /> : <ReconStatusBadge status={report.status} />}
        <p className="summary-meaning">{empty ? 'Nothing was sold on this day.' : statusWords[report.status].meaning}</p>
      </div>
      {report.status === 'provisional' && report.provisionalReasons.length > 0 && (
        <p>Provisional because {report.provisionalReasons.map((r) => provisionalWords[r]).join('; and ')}.</p>
      )}
      <dl className="summary-figures">
        <div><dt>Kiosks took (net)</dt><dd>{formatAmount(totals.kiosk.net, currency)}</dd><dd className="subtle">{plural(totals.kiosk.count, 'transaction', 'transactions')}</dd></div>
        <div><dt>Stok.ly holds (net)</dt><dd>{formatAmount(totals.stokly.net, currency)}</dd><dd className="subtle">{plural(totals.stokly.count, 'transaction', 'transactions')}</dd></div>
        <div><dt>Variance</dt><dd><VarianceAmount minor={totals.variance} currency={currency} /></dd></div>
      </dl>
      {(waiting > 0 || pending.exceptions > 0) && (
        <p>
          Still to reach Stok.ly: {plural(pending.sales, 'sale', 'sales')}, {plural(pending.refunds, 'refund', 'refunds')}
          {pending.exceptions > 0 && `; ${plural(pending.exceptions, 'item needs', 'items need')} a person`}.
        </p>
      )}
      {empty ? <EmptyDayKiosks /> : !currency && <p>Nothing moved on this day.</p>}
      <p className="subtle">
        Version {report.version}, built {formatTime(report.builtAt)}; last checked {formatTime(report.checkedAt)}.
        {' '}Store {report.storeId}, channel {report.channelId}, {report.timeZone}.
      </p>
      {report.notes.length > 0 && (
        <ul className="plain-list">{report.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
      )}
    </section>
  );
}
