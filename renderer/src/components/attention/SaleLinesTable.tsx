import type { DocumentLine } from '../../api/schemas.js';
import { formatAmount } from '../../format.js';
import { ProblemMark } from './ProblemMark.js';

export function SaleLinesTable({ lines, currency, problemSkus }: { lines: DocumentLine[]; currency: string; problemSkus: readonly string[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>Lines</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col" className="num">Qty</th>
            <th scope="col" className="num">Unit price</th>
            <th scope="col" className="num">Discount</th>
            <th scope="col" className="num">Tax (incl.)</th>
            <th scope="col" className="num">Line total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const unit = l.unitPrice ?? 0;
            const discount = l.discount ?? 0;
            const problem = problemSkus.includes(l.sku);
            return (
              <tr key={`${l.sku}-${i}`} className={problem ? 'row-problem' : undefined}>
                <td><span className="mono">{l.sku}</span>{problem && <> <ProblemMark /></>}{l.fulfilment === 'ship' && <span className="subtle"> (shipped)</span>}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">{formatAmount(unit, currency)}</td>
                <td className="num">{discount ? formatAmount(discount, currency) : '—'}</td>
                <td className="num">{formatAmount(l.tax ?? 0, currency)}</td>
                <td className="num">{formatAmount(unit * l.quantity - discount, currency)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
