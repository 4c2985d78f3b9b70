import type { DocumentPayment } from '../../api/schemas.js';
import { formatAmount } from '../../format.js';

export function PaymentsTable({ payments, currency }: { payments: DocumentPayment[]; currency: string }) {
  if (payments.length === 0) return <p className="subtle">No payments on it.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>Payments</caption>
        <thead>
          <tr><th scope="col">Tender</th><th scope="col" className="num">Amount</th><th scope="col">Reference</th></tr>
        </thead>
        <tbody>
          {payments.map((p, i) => (
            <tr key={`${p.tender}-${i}`}>
              <td className="mono">{p.tender}</td>
              <td className="num">{formatAmount(p.amount, currency)}</td>
              <td>{p.reference ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
