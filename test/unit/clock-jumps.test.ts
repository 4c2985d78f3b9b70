import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo } from '../../electron/core/db/outbox-repo.js';
import { MAX_RETRY_AFTER_MS, stoklyRetryAfter as parseRetryAfter } from '../../electron/core/stokly/rate-gate.js';
import { FixedWindowRateLimiter } from '../../sim/stokly/rate-limit.js';

/**
 * Clock jumps and absurd waits, found by `npm run chaos`: the outbox stalled for the length of
 * a backward clock jump, and a Retry-After of 90 minutes paused every sale for 90 minutes.
 */
const HOUR = 3_600_000;

function outbox(): OutboxRepo {
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  return new OutboxRepo(db);
}

describe('after the clock went back', () => {
  it('a row left sending waits only the grace from now, not the jump', () => {
    const repo = outbox();
    const before = 1_000 * HOUR;
    repo.insert('sale', 's1', '{}', before);
    expect(repo.claimDue(before, 1)).toHaveLength(1);
    // Restarted with the clock 3 h behind where it was when the row was claimed.
    const now = before - 3 * HOUR;
    expect(repo.recoverInterrupted(now, 5_000, 15 * 60_000)).toBe(1);
    expect(repo.claimDue(now + 4_999, 1)).toHaveLength(0);
    expect(repo.claimDue(now + 5_000, 1).map((r) => r.ref)).toEqual(['s1']);
  });

  it('a row scheduled further ahead than any backoff is due at once; one within the backoff keeps its time', () => {
    const repo = outbox();
    const now = 1_000 * HOUR;
    const far = repo.insert('sale', 'far', '{}', now);
    const near = repo.insert('sale', 'near', '{}', now);
    repo.claimDue(now, 2);
    repo.markRetry(far, { nextAttemptAt: now + 2 * HOUR, error: 'scheduled under a clock 2 h ahead', outcomeUnknown: false, countAttempt: true, now });
    repo.markRetry(near, { nextAttemptAt: now + 60_000, error: 'an ordinary backoff', outcomeUnknown: false, countAttempt: true, now });
    repo.recoverInterrupted(now, 5_000, 15 * 60_000);
    expect(repo.claimDue(now, 2).map((r) => r.ref)).toEqual(['far']);
    expect(repo.claimDue(now + 60_000, 2).map((r) => r.ref)).toEqual(['near']);
  });
});

describe('Stok.ly\'s Retry-After', () => {
  it('is honoured up to 15 minutes, in seconds or as a date', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('5382', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 13:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('the Stok.ly sandbox rate limit', () => {
  it('opens a new window when its clock goes back, instead of refusing until the old one ends', () => {
    let now = 10 * HOUR;
    const limiter = new FixedWindowRateLimiter({ limit: 2, windowMs: 2_000 }, () => now);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    now -= 90 * 60_000;
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 1 });
  });
});
