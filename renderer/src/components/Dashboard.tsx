import { useCallback, useEffect, useMemo, useState } from 'react';
import { AdminApiError, createAdminClient, type OutboxFilter } from '../api/admin-client.js';
import type { AdminConnection } from '../api/connection.js';
import { usePolling } from '../hooks/usePolling.js';
import { ErrorBanner } from './ErrorBanner.js';
import { Header } from './Header.js';
import { OutboxSection } from './OutboxSection.js';
import { StatusPanel } from './StatusPanel.js';

const pollMs = 5_000;
const outboxLimit = 25;

export function Dashboard({ connection, inElectron, onUnauthorized }: {
  connection: AdminConnection;
  inElectron: boolean;
  onUnauthorized(): void;
}) {
  const client = useMemo(() => createAdminClient(connection, (url, init) => fetch(url, init)), [connection]);
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const status = usePolling(useCallback(() => client.status(), [client]), pollMs);
  const outbox = usePolling(useCallback(() => client.outbox(filter, outboxLimit), [client, filter]), pollMs, filter);
  const error = status.error ?? outbox.error;

  useEffect(() => {
    if (error instanceof AdminApiError && error.status === 401) onUnauthorized();
  }, [error, onUnauthorized]);

  const { refresh: refreshStatus } = status;
  const { refresh: refreshOutbox } = outbox;
  const retry = useCallback(async (id: number) => {
    await client.retry(id);
    refreshStatus();
    refreshOutbox();
  }, [client, refreshStatus, refreshOutbox]);

  return (
    <>
      <Header storeId={status.data?.storeId ?? null} version={status.data?.version ?? null} inElectron={inElectron} />
      <main className="dashboard">
        {error && <ErrorBanner message={error.message} lastUpdated={status.updatedAt} />}
        <StatusPanel status={status.data} updatedAt={status.updatedAt} stale={status.error !== null} />
        <OutboxSection items={outbox.data} filter={filter} onFilter={setFilter} onRetry={retry} />
      </main>
    </>
  );
}
