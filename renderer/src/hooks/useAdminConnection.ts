import { useCallback, useEffect, useState } from 'react';
import { electronBridge } from '../api/bridge.js';
import { browserConnection, interpretBridgeState, tokenStorageKey, type AdminConnection } from '../api/connection.js';

export type ConnectionView =
  | { kind: 'loading' }
  | { kind: 'connected'; connection: AdminConnection; inElectron: boolean }
  | { kind: 'waiting'; message: string; retryAt: string | null }
  | { kind: 'no-token' }
  /** The agent answered 401: the token this window holds is not (or no longer) the agent's. */
  | { kind: 'refused' }
  | { kind: 'error'; message: string };

const shellRetryMs = 2_000;

/** Finds the admin API: from the Electron shell, or from this page's origin and #token=…. */
export function useAdminConnection(): { view: ConnectionView; forgetToken(): void } {
  const [view, setView] = useState<ConnectionView>({ kind: 'loading' });

  useEffect(() => {
    const bridge = electronBridge();
    if (!bridge) {
      const connection = browserConnection(window.location, window.sessionStorage, (url) => window.history.replaceState(null, '', url));
      setView(connection ? { kind: 'connected', connection, inElectron: false } : { kind: 'no-token' });
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (): Promise<void> => {
      let raw: unknown;
      try {
        raw = await bridge.adminConnection();
      } catch {
        raw = null;
      }
      if (cancelled) return;
      const outcome = interpretBridgeState(raw, window.location.origin);
      switch (outcome.kind) {
        case 'connected':
          setView({ kind: 'connected', connection: outcome.connection, inElectron: true });
          return;
        case 'navigate':
          window.location.replace(outcome.url);
          return;
        case 'waiting':
          setView({ kind: 'waiting', message: outcome.message, retryAt: outcome.retryAt });
          timer = setTimeout(() => void ask(), shellRetryMs);
          return;
        case 'invalid':
          setView({ kind: 'error', message: outcome.message });
          return;
        default: {
          const unreachable: never = outcome;
          return unreachable;
        }
      }
    };
    void ask();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);

  const forgetToken = useCallback(() => {
    window.sessionStorage.removeItem(tokenStorageKey);
    if (!electronBridge()) setView({ kind: 'refused' });
  }, []);

  return { view, forgetToken };
}
