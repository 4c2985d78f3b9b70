import type { DocumentLine } from '../../api/schemas.js';
import { formatAmount } from '../../format.js';
import { ProblemMark } from './ProblemMark.js';

export function RefundLinesTable({ lines, currency, problemSkus }: { lines: DocumentLine[]; currency: string; problemSkus: readonly string[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>Lines refunded</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col" className="num">Qty</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">Back to stock</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const problem = problemSkus.includes(l.sku);
            return (
              <tr key={`${l.sku}-${i}`} className={problem ? 'row-problem' : undefined}>
                <td><span className="mono">{l.sku}</span>{problem && <> <ProblemMark /></>}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">{formatAmount(l.amount ?? 0, currency)}</td>
                <td>{l.restock ? 'Yes' : 'No'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
