import type { SaleSummary } from '../../../../shared/sales-api.js';
import { formatAmount, formatTime } from '../../format.js';
import { useKioskName } from '../../hooks/useKioskName.js';
import { SaleStatePill } from './SaleStatePill.js';

/** A page of sales; the sale id opens its story. */
export function SalesTable({ items, onOpen }: { items: SaleSummary[]; onOpen(saleId: string): void }) {
  const kioskName = useKioskName();
  return (
    <div className="table-wrap">
      <table className="sales-table">
        <caption className="visually-hidden">Sales, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Sale</th>
            <th scope="col">Kiosk</th>
            <th scope="col">Items</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">State</th>
            <th scope="col">Stok.ly order</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.saleId} className={s.state === 'attention' ? 'row-exception' : undefined}>
              <td className="nowrap">{formatTime(s.receivedAt)}</td>
              <td>
                <button type="button" className="button-link mono" onClick={() => onOpen(s.saleId)}>
                  <span className="visually-hidden">Open sale </span>{s.saleId}
                </button>
              </td>
              <td className="nowrap">{kioskName(s.kioskId)}</td>
              <td>
                {s.firstName ?? s.firstSku ?? '—'}
                {s.firstName && s.firstSku && <span className="subtle"> ({s.firstSku})</span>}
                {s.lineCount > 1 && <span className="subtle"> and {s.lineCount - 1} more</span>}
              </td>
              <td className="num nowrap">{formatAmount(s.total, s.currency)}</td>
              <td>
                <SaleStatePill state={s.state} />
                {s.refunds > 0 && <p className="cell-note">{s.refunds === 1 ? '1 refund' : `${s.refunds} refunds`}</p>}
              </td>
              <td className="mono order-number">{s.orderNumber ?? <span className="subtle">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
