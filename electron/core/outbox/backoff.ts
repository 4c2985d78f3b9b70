/**
 * Exponential backoff with full jitter: a delay drawn uniformly from [0, min(cap, base·2^n)).
 * Jitter spreads retries so a store's backlog does not hit Stok.ly in waves after an outage.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.floor(random() * ceiling);
}
