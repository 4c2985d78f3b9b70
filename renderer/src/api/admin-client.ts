import type { z } from 'zod';
import {
  outboxItemSchema, outboxListSchema, statusSchema,
  type OutboxItem, type Status,
} from '../../../shared/admin-api.js';
import { errorBodySchema } from '../../../shared/kiosk-api.js';
import type { AdminConnection } from './connection.js';

/** The admin API as the UI uses it; every answer is checked against the shared contract. */

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type OutboxFilter = 'all' | 'exception' | 'pending' | 'done';

export interface AdminClient {
  status(): Promise<Status>;
  outbox(filter: OutboxFilter, limit: number): Promise<OutboxItem[]>;
  retry(id: number): Promise<OutboxItem | null>;
}

const timeoutMs = 10_000;

export function createAdminClient(connection: AdminConnection, fetchImpl: FetchLike): AdminClient {
  async function call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>): Promise<T> {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchImpl(new URL(path, connection.adminUrl).href, {
        method,
        // No Content-Type: the retry POST has no body, and the API refuses an empty JSON one.
        headers: { authorization: `Bearer ${connection.adminToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new AdminApiError(0, `Cannot reach the agent at ${connection.adminUrl}.`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = errorBodySchema.safeParse(body);
      if (response.status === 401) throw new AdminApiError(401, 'The admin token was refused. Open the link from the agent again.');
      throw new AdminApiError(response.status, error.success ? error.data.error.message : `The agent answered ${response.status}.`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AdminApiError(response.status, `Unexpected answer from ${path}; is the agent the same version as this page?`);
    return parsed.data;
  }

  return {
    status: () => call('GET', '/api/status', statusSchema),
    outbox: async (filter, limit) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (filter !== 'all') query.set('status', filter);
      return (await call('GET', `/api/outbox?${query.toString()}`, outboxListSchema)).items;
    },
    retry: (id) => call('POST', `/api/outbox/${encodeURIComponent(String(id))}/retry`, outboxItemSchema.nullable()),
  };
}
