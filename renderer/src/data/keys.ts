import type { OutboxFilter } from '../api/admin-client.js';
import type { ExceptionStatusFilter } from '../api/exceptions-api.js';
import type { SalesSearch } from '../api/sales-api.js';
import type { FlagSearch } from '../api/stock-api.js';

/**
 * Every query's key, in one place, so an action can say what it changed. The first element is
 * the family: `invalidateLive` refreshes every family but the takings reports (which the
 * agent builds by reading Stok.ly, so they are only fetched when asked).
 */
export const queryKeys = {
  status: ['status'] as const,
  outbox: (filter: OutboxFilter, page: number) => ['outbox', filter, page] as const,
  exceptions: (status: ExceptionStatusFilter) => ['exceptions', status] as const,
  exception: (id: number) => ['exception', id] as const,
  cloudshelfIssues: ['cloudshelf-issues'] as const,
  flags: (search: FlagSearch, page: number) => ['flags', search, page] as const,
  report: (day: string, version: number | null) => ['reconciliation', day, version] as const,
  versions: (day: string) => ['reconciliation-versions', day] as const,
  products: (q: string, page: number) => ['products', q, page] as const,
  store: ['store'] as const,
  kiosks: ['kiosks'] as const,
  alerts: ['alerts'] as const,
  sales: (search: SalesSearch, page: number) => ['sales', search, page] as const,
  sale: (saleId: string) => ['sale', saleId] as const,
};

/** Families that only change when someone asks (never refreshed by an action elsewhere). */
export const onDemandFamilies: ReadonlySet<string> = new Set(['reconciliation']);
