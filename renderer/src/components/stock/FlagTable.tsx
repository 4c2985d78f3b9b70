import type { SaleFlagItem } from '../../../../shared/admin-api.js';
import { formatTime } from '../../format.js';
import { flagLabel, flagMeaning } from './flag-words.js';

export function FlagTable({ items, filtered }: { items: SaleFlagItem[]; filtered: boolean }) {
  if (items.length === 0) {
    return <p className="all-clear"><span aria-hidden="true">✓ </span>{filtered ? 'No sales with this flag.' : 'No flagged sales.'}</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Flagged sales, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Flag</th>
            <th scope="col">SKU</th>
            <th scope="col">Sale</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <td className="nowrap">{formatTime(f.createdAt)}</td>
              <td><span className={`pill pill-flag`} title={flagMeaning(f.flag) ?? undefined}>{flagLabel(f.flag)}</span></td>
              <td className="mono">{f.sku ?? '—'}</td>
              <td className="mono">{f.saleId}</td>
              <td>{f.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
