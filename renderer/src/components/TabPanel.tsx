import type { ReactNode } from 'react';
import type { TabId } from '../hooks/useHashRoute.js';
import { panelId, tabId } from './Tabs.js';

export function TabPanel({ tab, children }: { tab: TabId; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
      {children}
    </div>
  );
}
