import { sleep, type Clock } from '../clock.js';

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
