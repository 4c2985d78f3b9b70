import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { createAdminClient } from '../api/admin-client.js';
import type { AdminConnection } from '../api/connection.js';
import { ApiProvider } from '../data/ApiProvider.js';
import { createQueryClient, fetchedAt } from '../data/query-client.js';
import { useAlerts, useStatus, useStoreFacts } from '../data/queries.js';
import { setDisplayTimeZone } from '../format.js';
import { useServerEvents } from '../data/server-events.js';
import { useHashRoute, type Route, type TabId } from '../hooks/useHashRoute.js';
import { isUnreachable } from '../data/agent-state.js';
import { ActorProvider } from './ActorProvider.js';
import { AgentDownBanner } from './AgentDownBanner.js';
import { AttentionView } from './attention/AttentionView.js';
import { ErrorBanner } from './ErrorBanner.js';
import { Header } from './Header.js';
import { StatusView } from './StatusView.js';
import { StockView } from './stock/StockView.js';
import { TabPanel } from './TabPanel.js';
import { Tabs, type TabItem } from './Tabs.js';
import { ChecklistView, OverdueChecks } from './month-end/ChecklistView.js';
import { StockMovementsView } from './month-end/StockMovementsView.js';
import { TakingsTab } from './month-end/TakingsTab.js';
import { KiosksView } from './kiosks/KiosksView.js';
import { AlertsView } from './monitoring/AlertsView.js';
import { SalesView } from './sales/SalesView.js';
import { SettingsView } from './settings/SettingsView.js';
import { electronBridge } from '../api/bridge.js';

const defaultRoute = (tab: TabId): Route => {
  if (tab === 'attention') return { tab, exceptionId: null };
  if (tab === 'sales') return { tab, saleId: null };
  return { tab };
};

/** The signed-in window: one API client and one query cache for everything below. */
export function Dashboard({ connection, inElectron, onUnauthorized }: {
  connection: AdminConnection;
  inElectron: boolean;
  onUnauthorized(): void;
}) {
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const client = useMemo(() => createAdminClient(connection, (url, init) => fetch(url, init)), [connection]);
  const queryClient = useMemo(() => createQueryClient(() => unauthorized.current()), []);
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={client}>
        <ActorProvider>
          <DashboardTabs inElectron={inElectron} />
        </ActorProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}

function DashboardTabs({ inElectron }: { inElectron: boolean }) {
  const status = useStatus();
  // Every time on screen is in the store's time zone once the agent has said which it is.
  setDisplayTimeZone(useStoreFacts().data?.timeZone ?? null);
  useServerEvents();
  const { route, navigate } = useHashRoute();

  const bridge = inElectron ? electronBridge() : null;
  const open = status.data?.exceptions.open ?? 0;
  const openAlerts = useAlerts().data?.alerts.filter((a) => a.resolvedAt === null).length ?? 0;
  const tabs: TabItem[] = [
    { id: 'status', label: 'Status' },
    { id: 'attention', label: 'Needs attention', count: open, countWord: 'open' },
    { id: 'sales', label: 'Sales' },
    { id: 'stock', label: 'Stock' },
    { id: 'takings', label: 'Takings' },
    { id: 'checks', label: 'Checks' },
    { id: 'kiosks', label: 'Kiosks' },
    { id: 'alerts', label: 'Alerts', count: openAlerts, countWord: 'open' },
    // Desktop only: secrets go to the shell through the window's bridge.
    ...(bridge ? [{ id: 'settings' as const, label: 'Settings' }] : []),
  ];

  return (
    <>
      <Header storeId={status.data?.storeId ?? null} version={status.data?.version ?? null} inElectron={inElectron} />
      <Tabs items={tabs} selected={route.tab} onSelect={(tab) => navigate(defaultRoute(tab))} />
      <section aria-label="Agent not answering" className="agent-down-region">
        <AgentDownBanner />
      </section>
      <main className="dashboard">
        {status.error && !isUnreachable(status.error) && <ErrorBanner message={status.error.message} lastUpdated={fetchedAt(status)} />}
        <TabPanel tab={route.tab}>
          {route.tab === 'status' && <OverdueChecks onOpen={() => navigate({ tab: 'checks' })} />}
          {route.tab === 'status' && <StatusView onOpenAttention={() => navigate({ tab: 'attention', exceptionId: null })} />}
          {route.tab === 'attention' && (
            <AttentionView exceptionId={route.exceptionId} onOpen={(exceptionId) => navigate({ tab: 'attention', exceptionId })} />
          )}
          {route.tab === 'sales' && <SalesView saleId={route.saleId} onOpen={(saleId) => navigate({ tab: 'sales', saleId })} />}
          {route.tab === 'stock' && <><StockView /><StockMovementsView /></>}
          {route.tab === 'takings' && <TakingsTab />}
          {route.tab === 'checks' && <ChecklistView />}
          {route.tab === 'kiosks' && <KiosksView />}
          {route.tab === 'alerts' && <AlertsView />}
          {route.tab === 'settings' && (bridge ? <SettingsView bridge={bridge} /> : <p>Settings are in the Shelfbridge desktop app on the store PC.</p>)}
        </TabPanel>
      </main>
    </>
  );
}
