import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemTimers } from '../../electron/shell/system-timers.js';
import { defaultUpdatePolicy, installDecision, nextCheckDelay, type OutboxView } from '../../electron/shell/update-policy.js';
import { startAutoUpdates, type UpdaterLike } from '../../electron/updater.js';

const hour = 60 * 60_000;
const day = 24 * hour;

describe('update policy', () => {
  it('checks at once on start, then every six hours', () => {
    expect(nextCheckDelay(null, 1_000)).toBe(0);
    expect(nextCheckDelay(0, 1 * hour)).toBe(5 * hour);
    expect(nextCheckDelay(0, 7 * hour)).toBe(0);
    expect(defaultUpdatePolicy.checkEveryMs).toBe(6 * hour);
  });

  const decide = (outbox: OutboxView, waitedMs = 0) => installDecision({ downloadedAt: 0, now: waitedMs, outbox });

  it('installs when the outbox is idle', () => {
    expect(decide({ kind: 'counts', pending: 0, sending: 0 })).toMatchObject({ install: true });
  });

  it('waits while sales wait or are being sent', () => {
    expect(decide({ kind: 'counts', pending: 3, sending: 0 })).toMatchObject({ install: false });
    expect(decide({ kind: 'counts', pending: 0, sending: 1 })).toMatchObject({ install: false });
  });

  it('does not guess when the outbox state is unknown', () => {
    expect(decide({ kind: 'unknown' }, 30 * day)).toMatchObject({ install: false });
  });

  it('after the deferral limit installs with sales waiting, but never with one in flight', () => {
    expect(decide({ kind: 'counts', pending: 40, sending: 0 }, 3 * day - 1)).toMatchObject({ install: false });
    expect(decide({ kind: 'counts', pending: 40, sending: 0 }, 3 * day)).toMatchObject({ install: true });
    expect(decide({ kind: 'counts', pending: 40, sending: 2 }, 30 * day)).toMatchObject({ install: false });
  });

  it('installs at once when the core is down: the update may be the fix', () => {
    expect(decide({ kind: 'core-down' })).toMatchObject({ install: true });
  });

  it('has nothing to install before a download', () => {
    expect(installDecision({ downloadedAt: null, now: 0, outbox: { kind: 'core-down' } })).toMatchObject({ install: false });
  });
});

/** A fake electron-updater: counts checks, lets the test announce a download. */
class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failNextCheck = false;
  private downloaded: Array<(info: { version: string }) => void> = [];
  private errors: Array<(error: Error) => void> = [];
  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    if (this.failNextCheck) {
      this.failNextCheck = false;
      throw new Error('ENOTFOUND updates.example.invalid');
    }
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded' | 'error', listener: ((info: { version: string }) => void) | ((error: Error) => void)): unknown {
    if (event === 'update-downloaded') this.downloaded.push(listener as (info: { version: string }) => void);
    else this.errors.push(listener as (error: Error) => void);
    return this;
  }
  announce(version: string): void {
    for (const l of this.downloaded) l({ version });
  }
}

describe('auto-updates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start(outbox: () => OutboxView) {
    const updater = new FakeUpdater();
    const warnings: string[] = [];
    const running = startAutoUpdates({
      updater,
      outbox: async () => outbox(),
      now: () => Date.now(),
      timers: systemTimers,
      log: { info: () => undefined, warn: (m) => warnings.push(m) },
    });
    return { updater, warnings, running };
  }

  it('downloads in the background, installs on quit, checks at start and every six hours', async () => {
    const { updater, running } = start(() => ({ kind: 'unknown' }));
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(6 * hour - 1);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(12 * hour);
    expect(updater.checks).toBe(4);
    running.stop();
    await vi.advanceTimersByTimeAsync(24 * hour);
    expect(updater.checks).toBe(4);
  });

  it('a failed check is logged and the next one still happens', async () => {
    const updater = new FakeUpdater();
    updater.failNextCheck = true;
    const warnings: string[] = [];
    startAutoUpdates({ updater, outbox: async () => ({ kind: 'unknown' }), now: () => Date.now(), timers: systemTimers, log: { info: () => undefined, warn: (m) => warnings.push(m) } });
    await vi.advanceTimersByTimeAsync(0);
    expect(warnings.join()).toMatch(/update check failed: ENOTFOUND/);
    await vi.advanceTimersByTimeAsync(6 * hour);
    expect(updater.checks).toBe(2);
  });

  it('waits for an idle outbox before installing, then installs silently and restarts the app once', async () => {
    let outbox: OutboxView = { kind: 'counts', pending: 2, sending: 1 };
    const { updater } = start(() => outbox);
    updater.announce('1.2.0');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(updater.installs).toEqual([]);
    outbox = { kind: 'counts', pending: 0, sending: 0 };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.installs).toEqual([[true, true]]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(updater.installs).toHaveLength(1);
  });

  it('installs at once when the update arrives while the outbox is idle', async () => {
    const { updater } = start(() => ({ kind: 'counts', pending: 0, sending: 0 }));
    updater.announce('1.2.0');
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.installs).toHaveLength(1);
  });

  it('an unreadable outbox counts as unknown, not idle', async () => {
    const updater = new FakeUpdater();
    startAutoUpdates({
      updater,
      outbox: () => Promise.reject(new Error('ECONNREFUSED')),
      now: () => Date.now(),
      timers: systemTimers,
      log: { info: () => undefined, warn: () => undefined },
    });
    updater.announce('1.2.0');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(updater.installs).toEqual([]);
  });
});
