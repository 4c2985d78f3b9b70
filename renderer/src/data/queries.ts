import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OutboxFilter } from '../api/admin-client.js';
import type { ExceptionStatusFilter } from '../api/exceptions-api.js';
import type { SalesSearch } from '../api/sales-api.js';
import type { FlagSearch } from '../api/stock-api.js';
import { useApi } from './ApiProvider.js';
import { queryKeys } from './keys.js';
import { pollMs } from './query-client.js';
import { recalledFacts, rememberFacts } from './remembered-facts.js';

/**
 * One hook per thing the window reads. Each is `useQuery` with its key, its call and how often
 * it is asked again; components use `data`, `error`, `refetch` and `fetchedAt(query)`.
 */

export const outboxPageSize = 25;

export function useStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.status, queryFn: () => api.status(), refetchInterval: pollMs.live });
}

/** The Status list, one page at a time; the previous page stays while the next comes. */
export function useOutbox(filter: OutboxFilter, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.outbox(filter, page),
    queryFn: () => api.outbox(filter, outboxPageSize, page * outboxPageSize),
    placeholderData: keepPreviousData,
    refetchInterval: pollMs.live,
  });
}

export function useExceptions(status: ExceptionStatusFilter) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.exceptions(status), queryFn: () => api.exceptions(status), refetchInterval: pollMs.live });
}

export function useException(id: number) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.exception(id), queryFn: () => api.exception(id), refetchInterval: pollMs.live });
}

export function useCloudshelfIssues() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.cloudshelfIssues, queryFn: () => api.cloudshelfIssues(), refetchInterval: pollMs.cloudshelf });
}

export const flagPageSize = 50;

/** Stock flags by day, kind and state, one page at a time; the previous page stays while the next comes. */
export function useFlags(search: FlagSearch, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.flags(search, page),
    queryFn: () => api.flags(search, flagPageSize, page * flagPageSize),
    placeholderData: keepPreviousData,
    refetchInterval: pollMs.flags,
  });
}

/** A day's takings: built by the agent on each ask, so only today (still trading) is re-asked by itself. */
export function useReport(day: string, version: number | null, isToday: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.report(day, version),
    queryFn: () => api.report(day, version),
    refetchInterval: isToday && version === null ? pollMs.todayReport : false,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function useVersions(day: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.versions(day), queryFn: () => api.versions(day), refetchOnWindowFocus: false });
}

export const productPageSize = 8;

/** The SKU picker's results; the previous page stays on screen while the next answer comes. */
export function useProductSearch(q: string, page: number) {
  const api = useApi();
  const text = q.trim();
  return useQuery({
    queryKey: queryKeys.products(text, page),
    queryFn: () => api.products(text, productPageSize, page * productPageSize),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * Store facts change only with the configuration or a new tender mapping. The last ones fetched
 * are kept (remembered-facts.ts) and start the query, dated when they were fetched, so a window
 * reloaded while the agent is down still has the support contact and the time zone.
 */
export function useStoreFacts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.store,
    queryFn: async () => {
      const facts = await api.store();
      rememberFacts(window.localStorage, facts, Date.now());
      return facts;
    },
    initialData: () => recalledFacts(window.localStorage)?.facts,
    initialDataUpdatedAt: () => recalledFacts(window.localStorage)?.savedAt,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function useKiosks() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.kiosks, queryFn: () => api.kiosks(), refetchInterval: pollMs.live });
}

export const alertHistoryLimit = 100;

/** The alert history (open and resolved): changes when an alert opens or resolves, or a webhook is sent. */
export function useAlerts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.alerts, queryFn: () => api.alerts(alertHistoryLimit), refetchInterval: pollMs.flags });
}

export const salesPageSize = 25;

/** The Sales tab's page: searched and paged by the agent; the previous page stays while the next comes. */
export function useSales(search: SalesSearch, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.sales(search, page),
    queryFn: () => api.sales(search, salesPageSize, page * salesPageSize),
    placeholderData: keepPreviousData,
    refetchInterval: pollMs.live,
  });
}

export function useSale(saleId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.sale(saleId), queryFn: () => api.sale(saleId), refetchInterval: pollMs.live });
}
