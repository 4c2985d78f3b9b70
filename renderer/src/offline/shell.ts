/**
 * What the service worker (sw.ts) decides, as pure functions tested without a browser: which
 * requests it may answer from its cache, and which files make up the window's shell.
 */

/** One cache for the shell; a new name here drops the old one when the new worker activates. */
export const shellCacheName = 'shelfbridge-shell-v1';

/**
 * - `pass`: the network only, never cached: every /api call (figures, actions, the events
 *   stream), anything not GET, anything on another origin;
 * - `navigate`: loading the window (a reload): the network first, the cached page if it fails;
 * - `asset`: a hashed file under assets/ (its name changes with its content): the cache first.
 */
export type RequestRoute = 'pass' | 'navigate' | 'asset';

export function routeOf(request: { method: string; mode: string; url: string }, origin: string): RequestRoute {
  if (request.method !== 'GET') return 'pass';
  const url = new URL(request.url);
  if (url.origin !== origin || url.pathname.startsWith('/api/')) return 'pass';
  if (request.mode === 'navigate') return 'navigate';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  return 'pass';
}

/** The hashed files index.html loads (its script and stylesheet), as written in it ("./assets/index-B53Riu9c.js"). */
export function shellAssets(html: string): string[] {
  return [...new Set([...html.matchAll(/\b(?:src|href)="((?:\.\/|\/)?assets\/[^"]+)"/g)].map((m) => m[1]!))];
}
