import {
  outboxItemSchema, outboxListSchema, statusSchema,
  type OutboxItem, type OutboxList, type Status,
} from '../../../shared/admin-api.js';
import { alertsApi, type AlertsApi } from './alerts-api.js';
import type { AdminConnection } from './connection.js';
import { exceptionsApi, type ExceptionsApi } from './exceptions-api.js';
import { monthEndApi, type MonthEndApi } from './month-end-api.js';
import { kiosksApi, type KiosksApi } from './kiosks-api.js';
import { reconciliationApi, type ReconciliationApi } from './reconciliation-api.js';
import { salesApi, type SalesApi } from './sales-api.js';
import { stockApi, type StockApi } from './stock-api.js';
import { createTransport, type FetchLike } from './transport.js';
import { windowApi, type WindowApi } from './window-api.js';

/** The admin API as the UI uses it; every answer is checked against the shared contract. */

export { AdminApiError, type FetchLike } from './transport.js';

export type OutboxFilter = 'all' | 'exception' | 'pending' | 'done';

export interface AdminClient extends ExceptionsApi, StockApi, ReconciliationApi, WindowApi, MonthEndApi, KiosksApi, AlertsApi, SalesApi {
  status(): Promise<Status>;
  /** A page of the Status list, newest first, with how many rows the filter matches. */
  outbox(filter: OutboxFilter, limit: number, offset?: number): Promise<OutboxList>;
  retry(id: number): Promise<OutboxItem | null>;
  /** The agent's events (see `GET /api/events`), until the stream ends or `signal` aborts. */
  events(onEvent: (name: string) => void, signal: AbortSignal): Promise<void>;
}

export function createAdminClient(connection: AdminConnection, fetchImpl: FetchLike): AdminClient {
  const t = createTransport(connection, fetchImpl);
  return {
    status: () => t.get('/api/status', statusSchema),
    outbox: (filter, limit, offset = 0) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (offset > 0) query.set('offset', String(offset));
      if (filter !== 'all') query.set('status', filter);
      return t.get(`/api/outbox?${query.toString()}`, outboxListSchema);
    },
    retry: (id) => t.postEmpty(`/api/outbox/${encodeURIComponent(String(id))}/retry`, outboxItemSchema.nullable()),
    events: (onEvent, signal) => t.events('/api/events', onEvent, signal),
    ...exceptionsApi(t),
    ...stockApi(t),
    ...reconciliationApi(t),
    ...windowApi(t),
    ...monthEndApi(t),
    ...kiosksApi(t),
    ...alertsApi(t),
    ...salesApi(t),
  };
}
