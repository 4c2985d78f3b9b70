import { createContext, useContext, type ReactNode } from 'react';
import type { AdminClient } from '../api/admin-client.js';

/** The one admin API client, for every component below the dashboard: `const api = useApi()`. */
const ApiContext = createContext<AdminClient | null>(null);

export function ApiProvider({ client, children }: { client: AdminClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): AdminClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiProvider> above it');
  return client;
}
