import { canUseServiceWorker } from './can-register.js';

/**
 * Registers the shell's service worker (sw.ts, built to /sw.js). Nothing here is shared with
 * sw.ts, so the worker builds as one file with no imports. A failure only means a reload while
 * the agent is down shows the browser's error page, as before.
 */
export function registerShellCache(): void {
  const where = { protocol: window.location.protocol, hasServiceWorker: 'serviceWorker' in navigator, production: import.meta.env.PROD };
  if (!canUseServiceWorker(where)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}
