import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter } from '../../sim/stokly/rate-limit.js';

describe('FixedWindowRateLimiter', () => {
  it('counts down, refuses past the limit with the seconds left, and resets with the window', () => {
    let clock = 1_000_000;
    const limiter = new FixedWindowRateLimiter({ limit: 3, windowMs: 10_000 }, () => clock);
    expect(limiter.take('acct')).toEqual({ allowed: true, remaining: 2 });
    expect(limiter.take('acct')).toEqual({ allowed: true, remaining: 1 });
    clock += 2_500;
    expect(limiter.take('acct')).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take('acct')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 8 });
    clock += 7_400; // 100 ms left: still at least one second
    expect(limiter.take('acct')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    clock += 100;
    // Refused requests did not count against the new window.
    expect(limiter.take('acct')).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps accounts apart', () => {
    const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 1000 }, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.remaining('a')).toBe(0);
  });
});
