import { useState } from 'react';
import type { OutboxFilter } from '../api/admin-client.js';
import { fetchedAt } from '../data/query-client.js';
import { useOutbox, useStatus } from '../data/queries.js';
import { useRetry } from '../data/mutations.js';
import { ErrorBanner } from './ErrorBanner.js';
import { OutboxSection } from './OutboxSection.js';
import { StatusPanel } from './StatusPanel.js';

/** Shop staff's first screen: is everything syncing, and the latest sales. */
export function StatusView({ onOpenAttention }: { onOpenAttention(): void }) {
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const [page, setPage] = useState(0);
  const status = useStatus();
  const outbox = useOutbox(filter, page);
  const retry = useRetry();

  return (
    <>
      {outbox.error && !status.error && <ErrorBanner message={outbox.error.message} lastUpdated={fetchedAt(outbox)} />}
      <StatusPanel status={status.data ?? null} updatedAt={fetchedAt(status)} stale={status.error !== null} onOpenAttention={onOpenAttention} />
      <OutboxSection
        list={outbox.data ?? null}
        error={outbox.error}
        filter={filter}
        onFilter={(next) => { setFilter(next); setPage(0); }}
        page={page}
        onPage={setPage}
        onRetry={async (id) => { await retry.mutateAsync(id); }}
      />
    </>
  );
}
