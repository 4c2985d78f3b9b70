import type { OutboxItem } from '../../../shared/admin-api.js';
import { OutboxRow } from './OutboxRow.js';

export function OutboxTable({ items, onRetry }: { items: OutboxItem[]; onRetry(item: OutboxItem): Promise<void> }) {
  if (items.length === 0) return <p>Nothing to show.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Latest outbox rows, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Sale</th>
            <th scope="col">Received</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => <OutboxRow key={item.id} item={item} onRetry={onRetry} />)}
        </tbody>
      </table>
    </div>
  );
}
