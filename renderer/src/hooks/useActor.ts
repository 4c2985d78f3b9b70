import { createContext, useContext } from 'react';

/**
 * Who is acting, for the audit log: asked once per session (kept in sessionStorage, gone when
 * the window closes, so the next person on the shared PC is asked again).
 */
export const actorStorageKey = 'shelfbridge.actor';

export interface ActorContextValue {
  name: string | null;
  /** The name, asking for it first if this session has none; null if the person cancels. */
  ask(): Promise<string | null>;
  /** Let someone else take over the PC. */
  change(): void;
}

export const ActorContext = createContext<ActorContextValue | null>(null);

export function useActor(): ActorContextValue {
  const value = useContext(ActorContext);
  if (!value) throw new Error('useActor needs an <ActorProvider> above it');
  return value;
}
