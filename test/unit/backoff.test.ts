import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../electron/core/outbox/backoff.js';

describe('backoffDelay (exponential, full jitter, capped)', () => {
  it('stays within [0, min(cap, base·2^n)) for every attempt', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** attempt);
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(attempt, 1_000, 60_000);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(ceiling);
      }
    }
  });

  it('uses the random draw across the whole range (full jitter, not equal jitter)', () => {
    expect(backoffDelay(3, 1_000, 60_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 1_000, 60_000, () => 0.5)).toBe(4_000);
    expect(backoffDelay(3, 1_000, 60_000, () => 0.999999)).toBe(7_999);
  });

  it('is capped however many attempts were made', () => {
    expect(backoffDelay(1_000, 1_000, 60_000, () => 0.999999)).toBeLessThan(60_000);
    expect(backoffDelay(1_000, 1_000, 60_000, () => 0.999999)).toBeGreaterThan(59_000);
  });

  it('spreads retries: draws are not all the same', () => {
    const draws = new Set(Array.from({ length: 100 }, () => backoffDelay(10, 1_000, 300_000)));
    expect(draws.size).toBeGreaterThan(50);
  });
});
