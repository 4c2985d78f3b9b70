import { routeOf, shellAssets, shellCacheName } from './offline/shell.js';

/**
 * The staff window's service worker, served by the agent at /sw.js (scope /). It keeps the
 * window's shell (index.html and its hashed script and stylesheet) so a reload while the agent
 * is stopped shows the window, with its "not answering" banner, instead of the browser's error
 * page. API calls pass straight through and are never cached: figures and actions come only
 * from the agent.
 *
 * The window's code is type-checked with the DOM library, which has no service-worker types:
 * the few used here are declared below.
 */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: { href: string; origin: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
/** The window's page: the agent serves index.html at its root. */
const pageUrl = new URL('./', worker.location.href).href;

/** Keeps this page and the files it names; drops files an older page named. */
async function keepShell(page: Response): Promise<void> {
  const html = await page.clone().text();
  const cache = await caches.open(shellCacheName);
  const assets = shellAssets(html).map((a) => new URL(a, pageUrl).href);
  const missing: string[] = [];
  for (const asset of assets) if (!(await cache.match(asset))) missing.push(asset);
  await cache.addAll(missing);
  await cache.put(pageUrl, page);
  for (const request of await cache.keys()) {
    if (request.url !== pageUrl && !assets.includes(request.url)) await cache.delete(request);
  }
}

const isPage = (response: Response): boolean => response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html');

worker.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const page = await fetch(pageUrl, { cache: 'no-store' });
    if (isPage(page)) await keepShell(page);
    await worker.skipWaiting();
  })());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== shellCacheName) await caches.delete(name);
    await worker.clients.claim();
  })());
});

worker.addEventListener('fetch', (event) => {
  const route = routeOf(event.request, worker.location.origin);
  if (route === 'pass') return;
  if (route === 'asset') {
    event.respondWith((async () => (await caches.match(event.request)) ?? fetch(event.request))());
    return;
  }
  // A reload: the agent's page when it answers (kept for next time), else the kept one.
  event.respondWith((async () => {
    try {
      const page = await fetch(event.request);
      if (isPage(page)) event.waitUntil(keepShell(page.clone()));
      return page;
    } catch (networkError) {
      const kept = await caches.match(pageUrl);
      if (kept) return kept;
      throw networkError;
    }
  })());
});
