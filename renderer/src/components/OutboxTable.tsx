import type { OutboxItem, OutboxListItem } from '../../../shared/admin-api.js';
import { useKioskName } from '../hooks/useKioskName.js';
import { OutboxRow } from './OutboxRow.js';

export function OutboxTable({ items, onRetry }: { items: OutboxListItem[]; onRetry(item: OutboxItem): Promise<void> }) {
  const kioskName = useKioskName();
  if (items.length === 0) return <p>Nothing to show.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Latest outbox rows, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Sale</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">Received</th>
            <th scope="col">Attempts</th>
            <th scope="col">Problem</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => <OutboxRow key={item.id} item={item} kioskName={item.kioskId === null ? null : kioskName(item.kioskId)} onRetry={onRetry} />)}
        </tbody>
      </table>
    </div>
  );
}
