import { sleep, type Clock } from '../clock.js';
import { parseRetryAfter } from '../retry-policy.js';

/**
 * One gate for every Stok.ly request: paces requests evenly at our own budget, and pauses the
 * whole queue when Stok.ly signals a limit (429 + Retry-After, or x-ratelimit-remaining ≤ 3).
 */
export class RateGate {
  private nextSlotAt = 0;
  private pausedUntilMs = 0;
  private readonly intervalMs: number;

  constructor(maxPerMinute: number, private readonly clock: Clock) {
    this.intervalMs = 60_000 / maxPerMinute;
  }

  /** Waits for a pause to end and for this request's paced slot. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (this.pausedUntilMs > now) {
        await sleep(this.pausedUntilMs - now, signal);
        continue;
      }
      const slot = Math.max(now, this.nextSlotAt);
      this.nextSlotAt = slot + this.intervalMs;
      if (slot > now) await sleep(slot - now, signal);
      return;
    }
  }

  pauseUntil(untilMs: number): void {
    if (untilMs > this.pausedUntilMs) this.pausedUntilMs = untilMs;
  }

  pausedUntil(): number | null {
    return this.pausedUntilMs > this.clock.now() ? this.pausedUntilMs : null;
  }
}

/**
 * The longest pause Stok.ly's Retry-After may impose. An HTTP date read against a skewed clock,
 * or a server whose own clock jumped, can ask for hours; every sale would wait that long.
 */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Stok.ly's Retry-After in milliseconds, at most 15 min; null when absent or unreadable. */
export function stoklyRetryAfter(value: string | null, nowMs: number): number | null {
  const ms = parseRetryAfter(value, nowMs);
  return ms === null ? null : Math.min(ms, MAX_RETRY_AFTER_MS);
}
