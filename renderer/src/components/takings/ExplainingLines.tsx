import type { ReconciliationReport } from '../../../../shared/reconciliation.js';
import { formatAmount } from '../../format.js';
import { VarianceAmount } from './VarianceAmount.js';
import { lineReasonWord } from './words.js';

/** The transactions behind each variance; a tender's lines add up to its variance. */
export function ExplainingLines({ report }: { report: ReconciliationReport }) {
  const { currency, lines } = report;
  return (
    <section aria-labelledby="lines-heading">
      <h3 id="lines-heading">What explains the difference</h3>
      {lines.length === 0 ? (
        <p className="all-clear"><span aria-hidden="true">✓ </span>Nothing to explain: every transaction matches.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Transactions that explain the variance</caption>
            <thead>
              <tr>
                <th scope="col">Sale or refund</th>
                <th scope="col">Tender</th>
                <th scope="col" className="num">Kiosk</th>
                <th scope="col" className="num">Stok.ly</th>
                <th scope="col" className="num">Variance</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={`${l.kind}-${l.id}-${l.tenderKey}-${i}`}>
                  <td>
                    {l.kind === 'refund' ? 'Refund' : 'Sale'} <span className="mono">{l.id}</span>
                    {l.documents.length > 0 && (
                      <p className="cell-note">Stok.ly: {l.documents.map((d) => d.niceId ?? d.id).join(', ')}</p>
                    )}
                  </td>
                  <td><span className="mono">{l.tender}</span>{l.ledger && l.ledger !== l.tender && <span className="subtle"> ({l.ledger})</span>}</td>
                  <td className="num">{formatAmount(l.kiosk, currency)}</td>
                  <td className="num">{formatAmount(l.stokly, currency)}</td>
                  <td className="num"><VarianceAmount minor={l.variance} currency={currency} /></td>
                  <td>
                    <strong>{lineReasonWord(l.reason)}</strong>
                    {l.detail && <p className="cell-note">{l.detail}</p>}
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
