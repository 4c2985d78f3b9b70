import { afterEach, describe, expect, it } from 'vitest';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { Scheduler } from '../../electron/core/schedule.js';

silenceLogging();

let scheduler: Scheduler;
afterEach(async () => scheduler.stop());

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Scheduler', () => {
  it('never overlaps runs, and runNow during a run waits for one more run that starts after it', async () => {
    scheduler = new Scheduler();
    const events: string[] = [];
    let running = 0;
    let n = 0;
    scheduler.every('job', 3600, async () => {
      const id = ++n;
      running++;
      expect(running).toBe(1);
      events.push(`start ${id}`);
      await tick(30);
      events.push(`end ${id}`);
      running--;
    });
    await tick(5); // run 1 is in progress (started at registration)
    const a = scheduler.runNow('job');
    const b = scheduler.runNow('job');
    await Promise.all([a, b]);
    // Both callers waited for a run that began after they asked; the two asks were coalesced.
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('repeats a plain interval after each run ends and keeps going after a failure', async () => {
    scheduler = new Scheduler();
    let runs = 0;
    scheduler.every('flaky', 0.02, async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    });
    await tick(150);
    expect(runs).toBeGreaterThanOrEqual(3);
  });

  it('refuses an invalid cron expression and runs nothing after stop', async () => {
    scheduler = new Scheduler();
    expect(() => scheduler.every('bad', 'not a cron at all x', async () => {}, { runAtStart: false })).toThrow(/cron/);
    let runs = 0;
    scheduler.every('late', 0.01, async () => {
      runs++;
    }, { runAtStart: false });
    await scheduler.stop();
    await tick(50);
    expect(runs).toBe(0);
  });
});
