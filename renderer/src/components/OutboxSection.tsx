import { useCallback, useState } from 'react';
import type { OutboxItem, OutboxList } from '../../../shared/admin-api.js';
import type { OutboxFilter } from '../api/admin-client.js';
import { outboxPageSize } from '../data/queries.js';
import { NotLoaded } from './NotLoaded.js';
import { OutboxTable } from './OutboxTable.js';
import { Pager, pageRange } from './Pager.js';

const filters: Array<{ value: OutboxFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'exception', label: 'Exceptions only' },
  { value: 'pending', label: 'Waiting only' },
  { value: 'done', label: 'Sent only' },
];

/** The Status tab's list of sales and refunds, newest first, filtered and paged by the agent. */
export function OutboxSection({ list, error, filter, onFilter, page, onPage, onRetry }: {
  list: OutboxList | null;
  error: Error | null;
  filter: OutboxFilter;
  onFilter(filter: OutboxFilter): void;
  page: number;
  onPage(page: number): void;
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
      {list !== null && list.items.length > 0 && <p className="subtle">Showing {pageRange(page, outboxPageSize, list.items.length, list.total)}, newest first.</p>}
      {list === null ? <NotLoaded error={error} /> : <OutboxTable items={list.items} onRetry={retry} />}
      {list !== null && <Pager label="Pages of sales and refunds" page={page} more={(page + 1) * outboxPageSize < list.total} onPage={onPage} />}
    </section>
  );
}
