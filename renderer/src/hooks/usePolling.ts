import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | null;
  error: Error | null;
  updatedAt: Date | null;
  refresh(): void;
}

/**
 * Calls `load` now and every `intervalMs` after the previous call finished (never two at
 * once on a slow PC); with `intervalMs` null, only now and on `refresh()`. Keeps the last
 * good data when a call fails, so the page shows what it last knew next to the error. A new
 * `key` (e.g. a filter, a day) reloads at once and forgets what was shown for the old key, so
 * a list is never labelled with the wrong filter.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number | null, key = ''): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);

  useEffect(() => {
    if (keyRef.current !== key) {
      keyRef.current = key;
      setData(null);
      setError(null);
      setUpdatedAt(null);
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (): Promise<void> => {
      try {
        const next = await loadRef.current();
        if (cancelled) return;
        setData(next);
        setError(null);
        setUpdatedAt(new Date());
      } catch (err) {
        if (cancelled) return;
        setError(err instanceof Error ? err : new Error(String(err)));
      }
      if (!cancelled && intervalMs !== null) timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [intervalMs, tick, key]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, updatedAt, refresh };
}
