import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo, type OutboxRow } from '../../electron/core/db/outbox-repo.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { OutboxRunner } from '../../electron/core/outbox/runner.js';
import type { SendResult } from '../../electron/core/outbox/send-result.js';

silenceLogging();
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(send: (row: OutboxRow) => Promise<SendResult>, offline: () => boolean = () => false) {
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  const outbox = new OutboxRepo(db);
  let pausedUntil: number | null = null;
  const runner = new OutboxRunner(
    { outbox, clock: { now: () => Date.now() }, send, offline, random: () => 0.5, pauseQueue: (u) => { pausedUntil = u; }, pausedUntil: () => (pausedUntil && pausedUntil > Date.now() ? pausedUntil : null) },
    { concurrency: 4, backoffBaseMs: 60_000, backoffCapMs: 600_000, offlineCanaryCapMs: 30_000, unknownOutcomeGraceMs: 5_000, pollIntervalMs: 50, rateLimitPauseMs: 1_000 },
  );
  return { db, outbox, runner };
}

describe('outbox runner', () => {
  it('sends up to the concurrency at once, but one at a time while Stok.ly is known to be down', async () => {
    let inFlight = 0;
    let peak = 0;
    let down = false;
    const { outbox, runner } = setup(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick(20);
      inFlight--;
      return { type: 'done' };
    }, () => down);
    for (let i = 0; i < 8; i++) outbox.insert('sale', `s${i}`, '{}', Date.now());
    runner.start();
    await tick(200);
    expect(peak).toBe(4);
    peak = 0;
    down = true;
    for (let i = 8; i < 14; i++) outbox.insert('sale', `s${i}`, '{}', Date.now());
    runner.wake();
    await tick(300);
    expect(peak).toBe(1);
    await runner.stop();
  });

  it('while Stok.ly is down, one failed canary holds the whole queue back instead of walking the backlog', async () => {
    let sends = 0;
    const { outbox, runner } = setup(async () => {
      sends++;
      return { type: 'retry', error: 'ECONNREFUSED', outcomeUnknown: false };
    }, () => true);
    for (let i = 0; i < 50; i++) outbox.insert('sale', `s${i}`, '{}', Date.now());
    runner.start();
    await tick(300);
    expect(sends).toBe(1);
    runner.reconnected(); // the link is back: everything is due again
    await tick(100);
    expect(sends).toBe(2); // still "offline" in this fake, so again one canary
    await runner.stop();
  });

  it('a permanent failure becomes an exception while the rest go on; a retry backs off', async () => {
    const { outbox, runner } = setup(async (row) =>
      row.ref === 'bad' ? { type: 'permanent', reason: 'unknown_sku', error: 'no such SKU' }
        : row.ref === 'flaky' ? { type: 'retry', error: 'timeout', outcomeUnknown: true } : { type: 'done' });
    for (const ref of ['a', 'bad', 'flaky', 'b']) outbox.insert('sale', ref, '{}', Date.now());
    runner.start();
    await tick(150);
    await runner.stop();
    expect(outbox.byRef('sale', 'a')!.status).toBe('done');
    expect(outbox.byRef('sale', 'b')!.status).toBe('done');
    expect(outbox.byRef('sale', 'bad')).toMatchObject({ status: 'exception', exceptionReason: 'unknown_sku' });
    const flaky = outbox.byRef('sale', 'flaky')!;
    expect(flaky).toMatchObject({ status: 'pending', attempts: 1, outcomeUnknown: true });
    expect(flaky.nextAttemptAt - flaky.lastAttemptAt!).toBeGreaterThanOrEqual(5_000); // at least the grace
  });

  it('on reconnect, rows in a network backoff go at once; unknown outcomes still wait their grace', async () => {
    const { outbox, runner } = setup(async () => ({ type: 'done' }));
    const now = Date.now();
    const known = outbox.insert('sale', 'known', '{}', now);
    const unknown = outbox.insert('sale', 'unknown', '{}', now);
    outbox.claimDue(now, 2);
    outbox.markRetry(known, { nextAttemptAt: now + 300_000, error: 'ECONNREFUSED', outcomeUnknown: false, countAttempt: true, now });
    outbox.markRetry(unknown, { nextAttemptAt: now + 300_000, error: 'socket hang up', outcomeUnknown: true, countAttempt: true, now });
    runner.start();
    runner.reconnected();
    await tick(150);
    await runner.stop();
    expect(outbox.get(known)!.status).toBe('done');
    const u = outbox.get(unknown)!;
    expect(u.status).toBe('pending');
    expect(u.nextAttemptAt).toBeLessThan(now + 300_000);
    expect(u.nextAttemptAt).toBeGreaterThanOrEqual(now + 5_000);
  });
});
