import type { StorageHealth } from './storage-health.js';

/**
 * While sales cannot be stored, tries a tiny write every few seconds, so /health turns back to
 * ok when the lock or the full disk clears even if no kiosk is sending.
 */
export function watchStorage(health: StorageHealth, probe: (now: number) => void, now: () => number, intervalMs = 5_000): { stop(): void } {
  const timer = setInterval(() => {
    if (!health.downReason) return;
    try {
      probe(now());
      health.storeSucceeded();
    } catch (err) {
      health.storeFailed(err);
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
