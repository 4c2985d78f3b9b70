import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemTimers } from '../../electron/shell/system-timers.js';
import { defaultUpdatePolicy, insideMaintenanceWindow, installDecision, nextCheckDelay, type OutboxView } from '../../electron/shell/update-policy.js';
import { startAutoUpdates, type AutoUpdateDeps, type FeedOptions, type UpdaterLike } from '../../electron/updater.js';

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

  it('installs when the core is down without waiting for its outbox: the update may be the fix', () => {
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
  allowDowngrade = false;
  channel: string | null = null;
  feeds: FeedOptions[] = [];
  /** What happened, in order: checks, backups (pushed by the test's backup) and installs. */
  events: string[] = [];
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
  setFeedURL(options: FeedOptions): void {
    this.feeds.push(options);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.events.push('install');
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
      feed: { channel: 'stable' },
      backup: async () => { updater.events.push('backup'); return '/data/backups/before-update.db'; },
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
    startAutoUpdates({ updater, feed: { channel: 'stable' }, backup: async () => null, outbox: async () => ({ kind: 'unknown' }), now: () => Date.now(), timers: systemTimers, log: { info: () => undefined, warn: (m) => warnings.push(m) } });
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
      feed: { channel: 'stable' },
      backup: async () => null,
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

describe('maintenance window', () => {
  const at = (iso: string) => Date.parse(iso);
  const night = { start: '02:00', end: '05:00', timeZone: 'UTC' };
  const overMidnight = { start: '22:30', end: '04:00', timeZone: 'UTC' };

  it('is start inclusive, end exclusive, in the store time zone', () => {
    expect(insideMaintenanceWindow(at('2026-12-02T01:59:00Z'), night)).toBe(false);
    expect(insideMaintenanceWindow(at('2026-12-02T02:00:00Z'), night)).toBe(true);
    expect(insideMaintenanceWindow(at('2026-12-02T04:59:00Z'), night)).toBe(true);
    expect(insideMaintenanceWindow(at('2026-12-02T05:00:00Z'), night)).toBe(false);
    // 02:30 in New York is 07:30 UTC.
    expect(insideMaintenanceWindow(at('2026-12-02T07:30:00Z'), { ...night, timeZone: 'America/New_York' })).toBe(true);
    expect(insideMaintenanceWindow(at('2026-12-02T02:30:00Z'), { ...night, timeZone: 'America/New_York' })).toBe(false);
  });

  it('may cross midnight', () => {
    expect(insideMaintenanceWindow(at('2026-12-02T23:00:00Z'), overMidnight)).toBe(true);
    expect(insideMaintenanceWindow(at('2026-12-02T03:59:00Z'), overMidnight)).toBe(true);
    expect(insideMaintenanceWindow(at('2026-12-02T12:00:00Z'), overMidnight)).toBe(false);
  });

  it('holds even an idle outbox or a stopped agent outside it', () => {
    const policy = { ...defaultUpdatePolicy, maintenanceWindow: night };
    const noon = at('2026-12-02T12:00:00Z');
    expect(installDecision({ downloadedAt: 0, now: noon, outbox: { kind: 'counts', pending: 0, sending: 0 } }, policy)).toMatchObject({ install: false, reason: expect.stringMatching(/maintenance window/) });
    expect(installDecision({ downloadedAt: 0, now: noon, outbox: { kind: 'core-down' } }, policy)).toMatchObject({ install: false });
    expect(installDecision({ downloadedAt: 0, now: at('2026-12-02T03:00:00Z'), outbox: { kind: 'counts', pending: 0, sending: 0 } }, policy)).toMatchObject({ install: true });
  });
});

describe('auto-updates wired to a fake autoUpdater', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T14:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  function wired(opts: { outbox: () => OutboxView; backup?: AutoUpdateDeps['backup']; feed?: AutoUpdateDeps['feed'] }) {
    const updater = new FakeUpdater();
    const pending: Array<string | null> = [];
    startAutoUpdates({
      updater,
      feed: opts.feed ?? { channel: 'stable' },
      backup: opts.backup ?? (async () => { updater.events.push('backup'); return '/data/backups/b.db'; }),
      outbox: async () => opts.outbox(),
      now: () => Date.now(),
      timers: systemTimers,
      log: { info: () => undefined, warn: () => undefined },
      policy: { ...defaultUpdatePolicy, maintenanceWindow: { start: '02:00', end: '05:00', timeZone: 'UTC' } },
      onPending: (p) => pending.push(p ? p.reason : null),
    });
    return { updater, pending };
  }

  it('uses the configured feed and channel, and never downgrades', () => {
    const { updater } = wired({ outbox: () => ({ kind: 'unknown' }), feed: { url: 'https://updates.example.com/shelfbridge', channel: 'beta' } });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/shelfbridge' }]);
    expect(updater.channel).toBe('beta');
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.autoDownload).toBe(true);
    const stable = wired({ outbox: () => ({ kind: 'unknown' }) }).updater;
    expect(stable.feeds).toEqual([]);
    expect(stable.channel).toBe('latest');
  });

  it('downloads, defers outside the window and while sending, then backs up and installs inside it', async () => {
    let outbox: OutboxView = { kind: 'counts', pending: 0, sending: 0 };
    const { updater, pending } = wired({ outbox: () => outbox });
    updater.announce('1.3.0');
    // Idle all afternoon and evening: still outside the window.
    await vi.advanceTimersByTimeAsync(11 * hour);
    expect(updater.events.filter((e) => e !== 'check')).toEqual([]);
    expect(pending.at(-1)).toMatch(/maintenance window/);
    // 01:59: a late sale being sent; the window opens at 02:00 but the send holds it.
    outbox = { kind: 'counts', pending: 1, sending: 1 };
    await vi.advanceTimersByTimeAsync(hour + 10 * 60_000);
    expect(updater.installs).toEqual([]);
    expect(pending.at(-1)).toMatch(/being sent/);
    outbox = { kind: 'counts', pending: 0, sending: 0 };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.events).toEqual(['backup', 'install']);
    expect(updater.installs).toEqual([[true, true]]);
    expect(new Date().toISOString()).toMatch(/T02:/);
    expect(pending.at(-1)).toBeNull();
  });

  it('a failed backup holds the install until a backup works', async () => {
    vi.setSystemTime(new Date('2026-12-02T02:10:00Z'));
    let failures = 1;
    const { updater, pending } = wired({
      outbox: () => ({ kind: 'counts', pending: 0, sending: 0 }),
      backup: async () => {
        if (failures-- > 0) throw new Error('disk full');
        updater.events.push('backup');
        return '/data/backups/b.db';
      },
    });
    updater.announce('1.3.0');
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.installs).toEqual([]);
    expect(pending.at(-1)).toMatch(/disk full/);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.events).toEqual(['backup', 'install']);
  });

  it('does not install if a send started while the backup was taken', async () => {
    vi.setSystemTime(new Date('2026-12-02T02:10:00Z'));
    let outbox: OutboxView = { kind: 'counts', pending: 0, sending: 0 };
    let saleArrives = true;
    const { updater } = wired({
      outbox: () => outbox,
      backup: async () => {
        updater.events.push('backup');
        if (saleArrives) outbox = { kind: 'counts', pending: 1, sending: 1 };
        saleArrives = false;
        return '/b.db';
      },
    });
    updater.announce('1.3.0');
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.installs).toEqual([]);
    outbox = { kind: 'counts', pending: 0, sending: 0 };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.events).toEqual(['backup', 'backup', 'install']);
  });
});
