/**
 * Fixed-window rate limit per account. A window opens at the first request after the previous
 * one ended; refused requests are not counted, so they never eat into the next window.
 */

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export type RateLimitDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; remaining: 0; retryAfterSeconds: number };

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly config: RateLimitConfig, private readonly now: () => number) {
    if (!Number.isInteger(config.limit) || config.limit < 1) throw new RangeError('rateLimit.limit must be a whole number ≥ 1');
    if (!(config.windowMs > 0)) throw new RangeError('rateLimit.windowMs must be > 0');
  }

  /** Counts one request against the key's window. */
  take(key: string): RateLimitDecision {
    const window = this.current(key);
    if (window.count >= this.config.limit) {
      const msLeft = window.start + this.config.windowMs - this.now();
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
    }
    window.count++;
    return { allowed: true, remaining: this.config.limit - window.count };
  }

  /** Requests left without counting one (for answers given before the limiter runs). */
  remaining(key: string): number {
    return Math.max(0, this.config.limit - this.current(key).count);
  }

  private current(key: string): { start: number; count: number } {
    const now = this.now();
    let window = this.windows.get(key);
    // A window that starts in the future: the clock went back; a new one starts now.
    if (!window || now >= window.start + this.config.windowMs || now < window.start) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }
}
