import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryPolicy, RetryStreak } from '../../electron/core/retry-policy.js';

/** A seeded generator (mulberry32): the same draws every run, spread over [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('retry policy: exponential backoff, full jitter, capped', () => {
  it('stays within [0, min(cap, base·2^n)) for every attempt', () => {
    const policy = retryPolicy({ baseMs: 1_000, capMs: 60_000 }, seeded(1));
    for (let failures = 0; failures < 40; failures++) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** failures);
      for (let i = 0; i < 200; i++) {
        const d = policy.delay(failures);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(ceiling);
      }
    }
  });

  it('uses the random draw across the whole range (full jitter, not equal jitter)', () => {
    expect(retryPolicy({ baseMs: 1_000, capMs: 60_000 }, () => 0).delay(3)).toBe(0);
    expect(retryPolicy({ baseMs: 1_000, capMs: 60_000 }, () => 0.5).delay(3)).toBe(4_000);
    expect(retryPolicy({ baseMs: 1_000, capMs: 60_000 }, () => 0.999999).delay(3)).toBe(7_999);
  });

  it('is capped however many attempts were made', () => {
    const top = retryPolicy({ baseMs: 1_000, capMs: 60_000 }, () => 0.999999);
    expect(top.delay(1_000)).toBeLessThan(60_000);
    expect(top.delay(1_000)).toBeGreaterThan(59_000);
    expect(Number.isFinite(top.delay(Number.MAX_SAFE_INTEGER))).toBe(true);
  });

  it('spreads retries: draws are not all the same', () => {
    const policy = retryPolicy({ baseMs: 1_000, capMs: 300_000 }, seeded(7));
    const draws = new Set(Array.from({ length: 100 }, () => policy.delay(10)));
    expect(draws.size).toBeGreaterThan(50);
  });

  it('a floor raises the low end only: [min, ceiling)', () => {
    expect(retryPolicy({ minMs: 1_500, baseMs: 5_000, capMs: 30_000 }, () => 0).delay(0)).toBe(1_500);
    expect(retryPolicy({ minMs: 1_500, baseMs: 5_000, capMs: 30_000 }, () => 0.5).delay(0)).toBe(3_250);
    expect(retryPolicy({ minMs: 1_500, baseMs: 5_000, capMs: 30_000 }, () => 0.999999).delay(9)).toBeLessThan(30_000);
    // A floor at or above the ceiling: the floor, but never above the cap.
    expect(retryPolicy({ minMs: 2_000, baseMs: 2_000, capMs: 30_000 }, () => 0.7).delay(0)).toBe(2_000);
    expect(retryPolicy({ minMs: 60_000, baseMs: 60_000, capMs: 30_000 }, () => 0.7).delay(0)).toBe(30_000);
  });

  it('without jitter: the ceiling itself, doubling up to the cap', () => {
    const policy = retryPolicy({ baseMs: 1_000, capMs: 10_000, jitter: 'none' }, () => 0);
    expect([0, 1, 2, 3, 4, 5].map((n) => policy.delay(n))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('honours a Retry-After exactly, else backs off', () => {
    const policy = retryPolicy({ baseMs: 1_000, capMs: 60_000 }, () => 0.5);
    expect(policy.delayHonouring(3, 45_000)).toBe(45_000);
    expect(policy.delayHonouring(3, 120_000)).toBe(120_000);
    expect(policy.delayHonouring(3, null)).toBe(4_000);
  });

  it('rejects a policy without a positive base and cap', () => {
    expect(() => retryPolicy({ baseMs: 0, capMs: 1_000 })).toThrow(RangeError);
    expect(() => retryPolicy({ baseMs: 1_000, capMs: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ baseMs: 1_000, capMs: 1_000, minMs: -1 })).toThrow(RangeError);
  });
});

describe('retry streak: consecutive failures of one thing', () => {
  it('grows with each failure and starts again after reset', () => {
    const streak = new RetryStreak(retryPolicy({ baseMs: 100, capMs: 1_000, jitter: 'none' }));
    expect([streak.next(), streak.next(), streak.next()]).toEqual([100, 200, 400]);
    expect(streak.count).toBe(3);
    streak.reset();
    expect(streak.next()).toBe(100);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('45', now)).toBe(45_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date as the time left until it, never negative', () => {
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('null when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
