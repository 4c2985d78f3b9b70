import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from './ApiProvider.js';
import { queryKeys } from './keys.js';
import { invalidateLive } from './query-client.js';

const reconnectMs = 5_000;

/**
 * Listens to the agent's events for as long as the window is open: Stok.ly coming or going, or
 * figures moving, asks again at once instead of at the next poll. The stream ending means the
 * agent stopped: the status is asked again (and fails, which shows the banner) and the stream
 * is reopened a few seconds later.
 */
export function useServerEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listen = (): void => {
      api.events((name) => {
        if (name === 'online') void queryClient.invalidateQueries({ queryKey: queryKeys.status });
        else if (name === 'changed') void invalidateLive(queryClient);
      }, stop.signal)
        .catch(() => undefined)
        .finally(() => {
          if (stop.signal.aborted) return;
          void queryClient.invalidateQueries({ queryKey: queryKeys.status });
          timer = setTimeout(listen, reconnectMs);
        });
    };
    listen();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [api, queryClient]);
}
