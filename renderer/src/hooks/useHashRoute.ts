import { useCallback, useEffect, useState } from 'react';

/**
 * Which view is open, kept in the address fragment (#/attention/12) so Back, reload and a
 * bookmark work. The token fragment (#token=…) is removed before the dashboard mounts.
 */
export type TabId = 'status' | 'attention' | 'sales' | 'stock' | 'takings' | 'checks' | 'kiosks' | 'alerts' | 'settings';

export type Route =
  | { tab: 'status' }
  | { tab: 'attention'; exceptionId: number | null }
  | { tab: 'sales'; saleId: string | null }
  | { tab: 'stock' }
  | { tab: 'takings' }
  | { tab: 'checks' }
  | { tab: 'kiosks' }
  | { tab: 'alerts' }
  | { tab: 'settings' };

export function parseRoute(hash: string): Route {
  const [tab, id] = hash.replace(/^#\/?/, '').split('/');
  switch (tab) {
    case 'attention': {
      const n = Number(id);
      return { tab: 'attention', exceptionId: Number.isSafeInteger(n) && n > 0 ? n : null };
    }
    case 'sales':
      return { tab: 'sales', saleId: id ? decodeURIComponent(id) : null };
    case 'stock':
      return { tab: 'stock' };
    case 'takings':
      return { tab: 'takings' };
    case 'checks':
      return { tab: 'checks' };
    case 'kiosks':
      return { tab: 'kiosks' };
    case 'alerts':
      return { tab: 'alerts' };
    case 'settings':
      return { tab: 'settings' };
    default:
      return { tab: 'status' };
  }
}

export function routeHash(route: Route): string {
  if (route.tab === 'attention' && route.exceptionId !== null) return `#/attention/${route.exceptionId}`;
  if (route.tab === 'sales' && route.saleId !== null) return `#/sales/${encodeURIComponent(route.saleId)}`;
  return `#/${route.tab}`;
}

export function useHashRoute(): { route: Route; navigate(route: Route): void } {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return { route, navigate };
}
