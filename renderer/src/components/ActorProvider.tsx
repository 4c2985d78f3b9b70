import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { ActorContext, actorStorageKey, type ActorContextValue } from '../hooks/useActor.js';
import { NameDialog } from './NameDialog.js';

function storedName(): string | null {
  try {
    return window.sessionStorage.getItem(actorStorageKey);
  } catch {
    return null;
  }
}

export function ActorProvider({ children }: { children: ReactNode }) {
  const [name, setName] = useState<string | null>(storedName);
  const [asking, setAsking] = useState(false);
  const pending = useRef<Array<(name: string | null) => void>>([]);

  const settle = useCallback((value: string | null) => {
    if (value !== null) {
      setName(value);
      try {
        window.sessionStorage.setItem(actorStorageKey, value);
      } catch {
        // Private mode: the name lasts as long as this page instead.
      }
    }
    setAsking(false);
    const waiting = pending.current;
    pending.current = [];
    for (const resolve of waiting) resolve(value);
  }, []);

  const ask = useCallback((): Promise<string | null> => {
    if (name) return Promise.resolve(name);
    setAsking(true);
    return new Promise((resolve) => pending.current.push(resolve));
  }, [name]);

  const change = useCallback(() => setAsking(true), []);
  const value = useMemo<ActorContextValue>(() => ({ name, ask, change }), [name, ask, change]);

  return (
    <ActorContext.Provider value={value}>
      {children}
      {asking && <NameDialog initial={name ?? ''} onDone={settle} />}
    </ActorContext.Provider>
  );
}
