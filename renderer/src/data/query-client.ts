import { QueryCache, QueryClient, type QueryClient as Client } from '@tanstack/react-query';
import { AdminApiError } from '../api/transport.js';
import { onDemandFamilies } from './keys.js';

/** How often each kind of figure is asked again while its screen is open. */
export const pollMs = {
  /** Status, the sales list, Needs attention: what a person is waiting to see change. */
  live: 5_000,
  /** Stock flags. */
  flags: 15_000,
  /** Cloudshelf issues. */
  cloudshelf: 30_000,
  /** Today's takings (the agent reads Stok.ly to build it). */
  todayReport: 5 * 60_000,
} as const;

export const isUnauthorized = (error: unknown): boolean => error instanceof AdminApiError && error.status === 401;

/**
 * One client per signed-in window. No automatic retries: the next poll is the retry, and a
 * failure shows at once (the agent down, a refused token) instead of after three silent tries.
 * A refused token on any query hands over to `onUnauthorized`.
 */
export function createQueryClient(onUnauthorized: () => void): Client {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: true, staleTime: 1_000 },
      mutations: { retry: false },
    },
  });
}

/** After an action: everything on screen that it may have changed is asked again now. */
export function invalidateLive(client: Client): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => !onDemandFamilies.has(String(q.queryKey[0])) });
}

/** When the figures shown were last fetched, for "as of" labels; null before the first answer. */
export function fetchedAt(query: { dataUpdatedAt: number }): Date | null {
  return query.dataUpdatedAt > 0 ? new Date(query.dataUpdatedAt) : null;
}
