import { useCallback, useState } from 'react';
import type { OutboxItem } from '../../../shared/admin-api.js';
import type { OutboxFilter } from '../api/admin-client.js';
import { NotLoaded } from './NotLoaded.js';
import { OutboxTable } from './OutboxTable.js';

const filters: Array<{ value: OutboxFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'exception', label: 'Exceptions only' },
  { value: 'pending', label: 'Waiting only' },
  { value: 'done', label: 'Sent only' },
];

export function OutboxSection({ items, error, filter, onFilter, onRetry }: {
  items: OutboxItem[] | null;
  error: Error | null;
  filter: OutboxFilter;
  onFilter(filter: OutboxFilter): void;
  onRetry(id: number): Promise<void>;
}) {
  const [message, setMessage] = useState('');
  const retry = useCallback(async (item: OutboxItem) => {
    try {
      await onRetry(item.id);
      setMessage(`Retry requested for ${item.ref}.`);
    } catch (err) {
      setMessage(`Retry of ${item.ref} failed: ${(err as Error).message}`);
    }
  }, [onRetry]);

  return (
    <section aria-labelledby="outbox-heading">
      <div className="section-head">
        <h2 id="outbox-heading">Latest sales and refunds</h2>
        <label className="filter">
          Show{' '}
          <select value={filter} onChange={(e) => onFilter(e.target.value as OutboxFilter)}>
            {filters.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
      </div>
      <p className="live-message" role="status">{message}</p>
      {items === null ? <NotLoaded error={error} /> : <OutboxTable items={items} onRetry={retry} />}
    </section>
  );
}
