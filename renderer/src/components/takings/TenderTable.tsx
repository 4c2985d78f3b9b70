import type { Figures, ReconciliationReport, TenderRow } from '../../../../shared/reconciliation.js';
import { formatAmount } from '../../format.js';
import { VarianceAmount } from './VarianceAmount.js';

/** Net, with its sales and refunds beneath: two columns per side, so the table fits 1100 px. */
function FigureCells({ f, currency }: { f: Figures; currency: string | null }) {
  return (
    <>
      <td className="num">
        <span className="strong">{formatAmount(f.net, currency)}</span>
        <span className="cell-note figure-parts">{formatAmount(f.sales, currency)} sales</span>
        <span className="cell-note figure-parts">− {formatAmount(f.refunds, currency)} refunds</span>
      </td>
      <td className="num">{f.count}</td>
    </>
  );
}

function tenderName(row: TenderRow): string {
  if (row.tenders.length > 0) return row.tenders.join(', ');
  return row.method === null ? '(unknown)' : `(no kiosk tender; method ${row.method})`;
}

/** Per tender / ledger: what the kiosks took against what Stok.ly holds. */
export function TenderTable({ report }: { report: ReconciliationReport }) {
  const { currency, totals } = report;
  if (report.tenders.length === 0) return <p>No payments on this day.</p>;
  return (
    <section aria-labelledby="tenders-heading">
      <h3 id="tenders-heading">By tender</h3>
      <div className="table-wrap">
        <table className="tender-table">
          <caption className="visually-hidden">Kiosk takings against Stok.ly, per tender; variance is Stok.ly minus kiosk</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>Tender and ledger</th>
              <th scope="colgroup" colSpan={2} className="group-head">Kiosks</th>
              <th scope="colgroup" colSpan={2} className="group-head">Stok.ly</th>
              <th scope="col" rowSpan={2} className="num">Variance</th>
            </tr>
            <tr>
              <th scope="col" className="num">Net</th><th scope="col" className="num">Count</th>
              <th scope="col" className="num">Net</th><th scope="col" className="num">Count</th>
            </tr>
          </thead>
          <tbody>
            {report.tenders.map((row) => (
              <tr key={row.key} className={row.variance !== 0 ? 'row-variance' : undefined}>
                <th scope="row">
                  <span className="mono">{tenderName(row)}</span>
                  <p className="cell-note">Ledger: {row.ledger}{row.method !== null && row.tenders.length > 0 && <>, Stok.ly method {row.method}</>}</p>
                  {row.note && <p className="cell-note">{row.note}</p>}
                </th>
                <FigureCells f={row.kiosk} currency={currency} />
                <FigureCells f={row.stokly} currency={currency} />
                <td className="num"><VarianceAmount minor={row.variance} currency={currency} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className={totals.variance !== 0 ? 'row-variance' : undefined}>
              <th scope="row">Total</th>
              <FigureCells f={totals.kiosk} currency={currency} />
              <FigureCells f={totals.stokly} currency={currency} />
              <td className="num"><VarianceAmount minor={totals.variance} currency={currency} /></td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
