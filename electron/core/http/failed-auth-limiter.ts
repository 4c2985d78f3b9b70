/**
 * Failed authentications per client address: after `maxPerMinute` wrong or missing tokens in
 * a minute, that address gets 429 (with Retry-After) until the minute is over, so a token
 * cannot be guessed at wire speed from the store LAN.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { startedAt: number; failures: number }>();

  constructor(private readonly maxPerMinute: number, private readonly now: () => number = Date.now) {}

  /** Seconds to wait when the address is blocked, or null. */
  blockedFor(address: string): number | null {
    const w = this.windows.get(address);
    if (!w) return null;
    const elapsed = this.now() - w.startedAt;
    if (elapsed >= 60_000) {
      this.windows.delete(address);
      return null;
    }
    return w.failures >= this.maxPerMinute ? Math.max(1, Math.ceil((60_000 - elapsed) / 1000)) : null;
  }

  failed(address: string): void {
    const now = this.now();
    const w = this.windows.get(address);
    if (!w || now - w.startedAt >= 60_000) {
      // Old windows go as new failures come: the map never outgrows the addresses failing this minute.
      if (this.windows.size > 10_000) for (const [a, old] of this.windows) if (now - old.startedAt >= 60_000) this.windows.delete(a);
      this.windows.set(address, { startedAt: now, failures: 1 });
    } else {
      w.failures++;
    }
  }
}
