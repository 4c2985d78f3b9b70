import { useCallback, useState } from 'react';
import type { Status } from '../../../shared/admin-api.js';
import type { AdminClient, OutboxFilter } from '../api/admin-client.js';
import { usePolling, type Polled } from '../hooks/usePolling.js';
import { ErrorBanner } from './ErrorBanner.js';
import { OutboxSection } from './OutboxSection.js';
import { StatusPanel } from './StatusPanel.js';

const pollMs = 5_000;
const outboxLimit = 25;

/** Shop staff's first screen: is everything syncing, and the latest sales. */
export function StatusView({ client, status, onOpenAttention }: { client: AdminClient; status: Polled<Status>; onOpenAttention(): void }) {
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const outbox = usePolling(useCallback(() => client.outbox(filter, outboxLimit), [client, filter]), pollMs, filter);

  const { refresh: refreshStatus } = status;
  const { refresh: refreshOutbox } = outbox;
  const retry = useCallback(async (id: number) => {
    await client.retry(id);
    refreshStatus();
    refreshOutbox();
  }, [client, refreshStatus, refreshOutbox]);

  return (
    <>
      {outbox.error && !status.error && <ErrorBanner message={outbox.error.message} lastUpdated={outbox.updatedAt} />}
      <StatusPanel status={status.data} updatedAt={status.updatedAt} stale={status.error !== null} onOpenAttention={onOpenAttention} />
      <OutboxSection items={outbox.data} filter={filter} onFilter={setFilter} onRetry={retry} />
    </>
  );
}
