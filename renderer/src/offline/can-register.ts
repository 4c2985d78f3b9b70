/**
 * Whether to register the shell's service worker: only where the agent serves the built window
 * over http(s). Skipped on file:// (the desktop app's first page, where service workers do not
 * exist) and in the dev server (no sw.js there).
 */
export function canUseServiceWorker(where: { protocol: string; hasServiceWorker: boolean; production: boolean }): boolean {
  return where.production && where.hasServiceWorker && (where.protocol === 'http:' || where.protocol === 'https:');
}
