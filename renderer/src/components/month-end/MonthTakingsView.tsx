import { useId, useState } from 'react';
import type { MonthTakings, MonthTenderRow } from '../../../../shared/month-end.js';
import type { Figures } from '../../../../shared/reconciliation.js';
import { AdminApiError } from '../../api/transport.js';
import { useApi } from '../../data/ApiProvider.js';
import { fetchedAt } from '../../data/query-client.js';
import { formatDay } from '../../days.js';
import { formatAmount, formatTime } from '../../format.js';
import { ActingAs } from '../attention/ActingAs.js';
import { ErrorBanner } from '../ErrorBanner.js';
import { CsvDownloadButton } from '../takings/CsvDownloadButton.js';
import { ReconStatusBadge } from '../takings/ReconStatusBadge.js';
import { VarianceAmount } from '../takings/VarianceAmount.js';
import { useMonthTakings, useSignOffMonth } from './data.js';
import { FailureNote } from './FailureNote.js';

const tenderName = (row: MonthTenderRow): string =>
  row.tenders.length > 0 ? row.tenders.join(', ') : row.method === null ? '(unknown)' : `(no kiosk tender; method ${row.method})`;

function FigureCells({ f, currency }: { f: Figures; currency: string | null }) {
  return (
    <>
      <td className="num">{formatAmount(f.sales, currency)}</td>
      <td className="num">{formatAmount(f.refunds, currency)}</td>
      <td className="num strong">{formatAmount(f.net, currency)}</td>
      <td className="num">{f.count}</td>
    </>
  );
}

function MonthTenderTable({ m }: { m: MonthTakings }) {
  if (m.tenders.length === 0) return <p>No payments this month.</p>;
  return (
    <div className="table-wrap">
      <table className="tender-table">
        <caption className="visually-hidden">The month's kiosk takings against Stok.ly, per tender: each figure is the sum of the days</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>Tender</th><th scope="col" rowSpan={2}>Ledger</th>
            <th scope="colgroup" colSpan={4} className="group-head">Kiosks</th><th scope="colgroup" colSpan={4} className="group-head">Stok.ly</th>
            <th scope="col" rowSpan={2} className="num">Variance</th>
          </tr>
          <tr>
            <th scope="col" className="num">Sales</th><th scope="col" className="num">Refunds</th><th scope="col" className="num">Net</th><th scope="col" className="num">Count</th>
            <th scope="col" className="num">Sales</th><th scope="col" className="num">Refunds</th><th scope="col" className="num">Net</th><th scope="col" className="num">Count</th>
          </tr>
        </thead>
        <tbody>
          {m.tenders.map((row) => (
            <tr key={row.key} className={row.variance !== 0 ? 'row-variance' : undefined}>
              <th scope="row"><span className="mono">{tenderName(row)}</span></th>
              <td>{row.ledger}</td>
              <FigureCells f={row.kiosk} currency={m.currency} />
              <FigureCells f={row.stokly} currency={m.currency} />
              <td className="num"><VarianceAmount minor={row.variance} currency={m.currency} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className={m.totals.variance !== 0 ? 'row-variance' : undefined}>
            <th scope="row" colSpan={2}>Total</th>
            <FigureCells f={m.totals.kiosk} currency={m.currency} />
            <FigureCells f={m.totals.stokly} currency={m.currency} />
            <td className="num"><VarianceAmount minor={m.totals.variance} currency={m.currency} /></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function DaysTable({ m, onOpenDay }: { m: MonthTakings; onOpenDay(day: string): void }) {
  const [all, setAll] = useState(false);
  const days = all ? m.days : m.attention;
  return (
    <section aria-labelledby="month-days-heading">
      <h3 id="month-days-heading">{all ? 'Every day' : 'Days to look at'}</h3>
      <button type="button" className="button-link" onClick={() => setAll(!all)}>{all ? 'Show only the days to look at' : `Show all ${m.days.length} days`}</button>
      {days.length === 0 ? <p>Every day balanced.</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">Day</th><th scope="col">Status</th><th scope="col" className="num">Variance</th><th scope="col">Report</th></tr></thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className={d.status === 'balanced' ? undefined : 'row-variance'}>
                  <th scope="row">{formatDay(d.day)}</th>
                  <td>{d.status === 'not_built' ? <span className="badge badge-recon-provisional">Not built (Stok.ly unreadable)</span> : <ReconStatusBadge status={d.status} />}</td>
                  <td className="num"><VarianceAmount minor={d.variance} currency={m.currency} /></td>
                  <td>
                    <button type="button" className="button-link" onClick={() => onOpenDay(d.day)}>
                      Open {d.day}{d.version !== null ? ` (version ${d.version})` : ''}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SignOff({ m }: { m: MonthTakings }) {
  const [note, setNote] = useState('');
  const action = useSignOffMonth(m.month, note);
  const f = useId();
  const s = m.signOff;
  return (
    <section aria-labelledby={`${f}-h`} className="card">
      <h3 id={`${f}-h`}>Sign-off</h3>
      {s && !s.outOfDate && <p><strong>Signed off</strong> by {s.by} at {formatTime(s.at)}{s.note ? `: ${s.note}` : ''}.</p>}
      {s && s.outOfDate && (
        <div className="notice-inline notice-warn" role="status">
          <p><strong>Sign-off out of date:</strong> {s.by} signed off at {formatTime(s.at)}, but {s.changedDays.join(', ')} changed since (a new version). Look again and sign off again.</p>
        </div>
      )}
      {!s && <p>Not signed off yet.</p>}
      {!m.complete && <p className="subtle">The month is still trading: a sign-off now will go out of date as today changes.</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run().then((ok) => ok && setNote(''));
        }}
      >
        <label className="field-label" htmlFor={`${f}-note`}>Note <span className="subtle">(optional: what you accepted and why)</span></label>
        <textarea id={`${f}-note`} maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={action.busy}>{action.busy ? 'Saving…' : `Mark ${m.month} reviewed`}</button>
        <ActingAs />
        <FailureNote failure={action.failure} />
      </form>
    </section>
  );
}

/** Finance: the month's takings from its daily reports, the days to look at, the CSV and the sign-off. */
export function MonthTakingsView({ month, onPickMonth, onOpenDay, currentMonth }: {
  month: string;
  currentMonth: string;
  onPickMonth(month: string): void;
  onOpenDay(day: string): void;
}) {
  const api = useApi();
  const loaded = useMonthTakings(month);
  const m = loaded.data && loaded.data.month === month ? loaded.data : null;
  const error = loaded.error;
  const notFound = error instanceof AdminApiError && error.status === 404;
  const f = useId();
  return (
    <>
      <div className="takings-controls">
        <div>
          <label className="field-label" htmlFor={`${f}-month`}>Month</label>
          <input id={`${f}-month`} type="month" value={month} max={currentMonth} onChange={(e) => e.target.value && onPickMonth(e.target.value)} />
        </div>
        {m && <CsvDownloadButton fileName={`takings-${month}.csv`} load={() => api.monthCsv(month)} />}
        <button type="button" className="button-secondary" onClick={() => void loaded.refetch()}>Check again now</button>
      </div>
      {error && notFound && <div className="notice-inline" role="status"><p><strong>No takings for this month.</strong> {error.message}</p></div>}
      {error && !notFound && <ErrorBanner message={error.message} lastUpdated={m ? fetchedAt(loaded) : null} />}
      {!m && !error && <p role="status">Adding up the month (days with no report are built from Stok.ly first)…</p>}
      {m && (
        <>
          <div className={`notice-inline${m.status === 'balanced' ? '' : ' notice-warn'}`} role="status" aria-label="Month summary">
            <p><ReconStatusBadge status={m.status} /> {m.summary}</p>
            <p className="subtle">Each figure is the exact sum of the days&rsquo; reports; variance is Stok.ly minus kiosks.</p>
          </div>
          <MonthTenderTable m={m} />
          <DaysTable m={m} onOpenDay={onOpenDay} />
          <SignOff m={m} />
          {m.notes.length > 0 && <ul className="subtle">{m.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        </>
      )}
    </>
  );
}
