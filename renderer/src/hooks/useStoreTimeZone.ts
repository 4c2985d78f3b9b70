import { useCallback, useState } from 'react';

/**
 * The store's time zone, learnt from the first takings report (the agent's configuration is
 * not in the status) and remembered on this PC, so "yesterday" is the store's yesterday.
 */
const storageKey = 'shelfbridge.storeTimeZone';

function stored(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function useStoreTimeZone(): { timeZone: string | null; learn(timeZone: string): void } {
  const [timeZone, setTimeZone] = useState<string | null>(stored);
  const learn = useCallback((next: string) => {
    setTimeZone((current) => {
      if (current === next) return current;
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // Not remembered; learnt again next time.
      }
      return next;
    });
  }, []);
  return { timeZone, learn };
}
