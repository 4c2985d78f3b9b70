import type { FlagItem } from '../../../../shared/flags-api.js';
import { formatTime } from '../../format.js';
import { useKioskName } from '../../hooks/useKioskName.js';
import { AcknowledgeFlag } from './AcknowledgeFlag.js';
import { flagLabel, flagMeaning } from '../../../../shared/words/flags.js';

export function FlagTable({ items, empty }: { items: FlagItem[]; empty: string }) {
  const kioskName = useKioskName();
  if (items.length === 0) return <p className="all-clear"><span aria-hidden="true">✓ </span>{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Flagged sales, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Flag</th>
            <th scope="col">Product</th>
            <th scope="col">Sale</th>
            <th scope="col">Detail</th>
            <th scope="col">Looked at</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <td className="nowrap">{formatTime(f.createdAt)}</td>
              <td>
                <span className="pill pill-flag">{flagLabel(f.flag)}</span>
                {flagMeaning(f.flag) && <p className="cell-note">{flagMeaning(f.flag)}</p>}
              </td>
              <td>
                {f.productName ?? (f.sku ? <span className="subtle">Not in the product list</span> : '—')}
                {f.sku && <p className="cell-note mono">{f.sku}</p>}
              </td>
              <td>
                <a className="mono" href={`#/sales/${encodeURIComponent(f.saleId)}`}>{f.saleId}</a>
                {f.kioskId && <p className="cell-note">{kioskName(f.kioskId)}</p>}
              </td>
              <td>{f.detail}</td>
              <td><AcknowledgeFlag item={f} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
