import { useCallback, useEffect, useMemo } from 'react';
import { AdminApiError, createAdminClient } from '../api/admin-client.js';
import type { AdminConnection } from '../api/connection.js';
import { useHashRoute, type Route, type TabId } from '../hooks/useHashRoute.js';
import { usePolling } from '../hooks/usePolling.js';
import { ActorProvider } from './ActorProvider.js';
import { AttentionView } from './attention/AttentionView.js';
import { ErrorBanner } from './ErrorBanner.js';
import { Header } from './Header.js';
import { StatusView } from './StatusView.js';
import { StockView } from './stock/StockView.js';
import { TabPanel } from './TabPanel.js';
import { Tabs, type TabItem } from './Tabs.js';
import { TakingsView } from './takings/TakingsView.js';

const pollMs = 5_000;

const defaultRoute = (tab: TabId): Route => (tab === 'attention' ? { tab, exceptionId: null } : { tab });

export function Dashboard({ connection, inElectron, onUnauthorized }: {
  connection: AdminConnection;
  inElectron: boolean;
  onUnauthorized(): void;
}) {
  const client = useMemo(() => createAdminClient(connection, (url, init) => fetch(url, init)), [connection]);
  const status = usePolling(useCallback(() => client.status(), [client]), pollMs);
  const { route, navigate } = useHashRoute();

  useEffect(() => {
    if (status.error instanceof AdminApiError && status.error.status === 401) onUnauthorized();
  }, [status.error, onUnauthorized]);

  const open = status.data?.exceptions.open ?? 0;
  const tabs: TabItem[] = [
    { id: 'status', label: 'Status' },
    { id: 'attention', label: 'Needs attention', count: open, countWord: 'open' },
    { id: 'stock', label: 'Stock' },
    { id: 'takings', label: 'Takings' },
  ];
  const { refresh: refreshStatus } = status;

  return (
    <ActorProvider>
      <Header storeId={status.data?.storeId ?? null} version={status.data?.version ?? null} inElectron={inElectron} />
      <Tabs items={tabs} selected={route.tab} onSelect={(tab) => navigate(defaultRoute(tab))} />
      <main className="dashboard">
        {status.error && <ErrorBanner message={status.error.message} lastUpdated={status.updatedAt} />}
        <TabPanel tab={route.tab}>
          {route.tab === 'status' && (
            <StatusView client={client} status={status} onOpenAttention={() => navigate({ tab: 'attention', exceptionId: null })} />
          )}
          {route.tab === 'attention' && (
            <AttentionView
              client={client}
              exceptionId={route.exceptionId}
              onOpen={(exceptionId) => navigate({ tab: 'attention', exceptionId })}
              onChanged={refreshStatus}
            />
          )}
          {route.tab === 'stock' && <StockView client={client} status={status.data} onSynced={refreshStatus} />}
          {route.tab === 'takings' && <TakingsView client={client} />}
        </TabPanel>
      </main>
    </ActorProvider>
  );
}
