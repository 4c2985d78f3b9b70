import { adminConnectionStateSchema } from '../../../shared/bridge-api.js';

/**
 * Where the admin API is and which token to send, in each mode. Pure functions over small
 * interfaces (no DOM types) so they are tested without a browser.
 */
export interface AdminConnection {
  adminUrl: string;
  adminToken: string;
}

/** sessionStorage key: the token lives as long as the tab, never in localStorage. */
export const tokenStorageKey = 'shelfbridge.adminToken';

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PageLocation {
  origin: string;
  pathname: string;
  search: string;
  hash: string;
}

/**
 * Browser mode (page served by the headless agent): the API is this page's origin. The token
 * comes once in the fragment (`#token=…`, never sent to a server or kept in logs); it is kept
 * in sessionStorage and removed from the address bar so it is not bookmarked or shared.
 */
export function browserConnection(
  location: PageLocation,
  storage: TokenStorage,
  replaceUrl: (url: string) => void,
): AdminConnection | null {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromFragment) {
    storage.setItem(tokenStorageKey, fromFragment);
    replaceUrl(`${location.pathname}${location.search}`);
  }
  const token = fromFragment || storage.getItem(tokenStorageKey);
  return token ? { adminUrl: location.origin, adminToken: token } : null;
}

export type BridgeOutcome =
  | { kind: 'connected'; connection: AdminConnection }
  /** The bundled page (file://) moves to the UI served at the admin origin. */
  | { kind: 'navigate'; url: string }
  | { kind: 'waiting'; message: string; retryAt: string | null }
  | { kind: 'invalid'; message: string };

/** Electron mode: what the preload handed over, validated, and what the page should do. */
export function interpretBridgeState(raw: unknown, pageOrigin: string): BridgeOutcome {
  const parsed = adminConnectionStateSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', message: 'The app shell sent an unexpected answer.' };
  const state = parsed.data;
  switch (state.state) {
    case 'starting':
      return { kind: 'waiting', message: 'The agent is starting…', retryAt: null };
    case 'failed':
      return { kind: 'waiting', message: state.message, retryAt: state.retryAt };
    case 'ready': {
      const origin = new URL(state.adminUrl).origin;
      // Same origin as the API, or the API would need CORS: it has none, by design.
      if (origin !== pageOrigin) return { kind: 'navigate', url: `${origin}/` };
      return { kind: 'connected', connection: { adminUrl: state.adminUrl, adminToken: state.adminToken } };
    }
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
