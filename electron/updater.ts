import { defaultUpdatePolicy, installDecision, nextCheckDelay, type OutboxView, type UpdatePolicyOptions } from './shell/update-policy.js';

/**
 * Auto-update for IT: check at start and every 6 hours, download in the background, and
 * install inside the maintenance window once no sale is being sent (shell/update-policy.ts),
 * after a fresh backup of the database; whatever is downloaded also goes in when the app quits.
 * main.ts passes electron-updater's autoUpdater; tests pass a fake.
 */

/** The generic feed electron-updater reads (GenericServerOptions). */
export interface FeedOptions {
  provider: 'generic';
  url: string;
}

/** The part of electron-updater's AppUpdater this module drives. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  setFeedURL(options: FeedOptions): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Where updates come from (configuration: updates.feedUrl, updates.channel). */
export interface UpdateFeed {
  /** Absent: the URL built into the app (electron-builder.yml `publish`, app-update.yml). */
  url?: string | undefined;
  channel: 'stable' | 'beta';
}

export interface AutoUpdateDeps {
  updater: UpdaterLike;
  feed: UpdateFeed;
  outbox(): Promise<OutboxView>;
  /**
   * A consistent copy of the database before the new version may migrate it. Resolves with
   * its path, or null when the agent is not running (nothing to copy now; the migration
   * takes its own copy before changing the schema); rejects when it failed (install waits).
   */
  backup(): Promise<string | null>;
  now(): number;
  timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  log: { info(message: string): void; warn(message: string): void };
  policy?: UpdatePolicyOptions;
  /** How often to look at the outbox once an update is downloaded. */
  installCheckEveryMs?: number;
  /** Told when a downloaded update is waiting, and why (for the window and the tray). */
  onPending?(pending: { version: string; reason: string } | null): void;
}

export interface AutoUpdates {
  stop(): void;
}

/** electron-builder names the stable feed file latest.yml. */
const feedChannel = { stable: 'latest', beta: 'beta' } as const;

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function startAutoUpdates(deps: AutoUpdateDeps): AutoUpdates {
  const policy = deps.policy ?? defaultUpdatePolicy;
  const installEvery = deps.installCheckEveryMs ?? 60_000;
  const { updater, timers, log } = deps;
  let lastCheckAt: number | null = null;
  let downloadedAt: number | null = null;
  let downloadedVersion: string | null = null;
  let checkTimer: unknown = null;
  let installTimer: unknown = null;
  let stopped = false;
  let installing = false;

  updater.autoDownload = true;
  // The other half of the policy: whatever is downloaded goes in when the app quits.
  updater.autoInstallOnAppQuit = true;
  if (deps.feed.url) updater.setFeedURL({ provider: 'generic', url: deps.feed.url });
  // latest.yml or beta.yml on the feed; setting it also turns allowDowngrade on, hence below.
  updater.channel = feedChannel[deps.feed.channel];
  // A lower version in the feed is never installed: rolling back means publishing the last
  // good build under a higher version (docs/operations.md), because the database may already
  // have the newer schema.
  updater.allowDowngrade = false;

  const scheduleCheck = (): void => {
    checkTimer = timers.setTimeout(check, nextCheckDelay(lastCheckAt, deps.now(), policy));
  };
  function check(): void {
    if (stopped) return;
    lastCheckAt = deps.now();
    updater.checkForUpdates().catch((err: unknown) => log.warn(`update check failed: ${messageOf(err)}`));
    scheduleCheck();
  }

  const scheduleInstallCheck = (): void => {
    installTimer = timers.setTimeout(() => void considerInstall(), installEvery);
  };
  const readOutbox = async (): Promise<OutboxView> => {
    try {
      return await deps.outbox();
    } catch {
      return { kind: 'unknown' };
    }
  };
  const decide = async () => installDecision({ downloadedAt, now: deps.now(), outbox: await readOutbox() }, policy);

  async function considerInstall(): Promise<void> {
    if (stopped || installing) return;
    const decision = await decide();
    if (stopped) return;
    if (!decision.install) {
      deps.onPending?.({ version: downloadedVersion ?? '', reason: decision.reason });
      scheduleInstallCheck();
      return;
    }
    installing = true;
    try {
      const path = await deps.backup();
      log.info(path ? `database backed up to ${path} before the update` : 'agent not running: no backup now (the migration takes its own copy)');
    } catch (err) {
      installing = false;
      log.warn(`update waits: the backup before it failed: ${messageOf(err)}`);
      deps.onPending?.({ version: downloadedVersion ?? '', reason: `the backup before it failed: ${messageOf(err)}` });
      scheduleInstallCheck();
      return;
    }
    // The backup took a moment: a sale may have started sending meanwhile.
    const again = await decide();
    if (stopped || !again.install) {
      installing = false;
      if (!stopped) scheduleInstallCheck();
      return;
    }
    log.info(`installing update ${downloadedVersion ?? ''} now: ${again.reason}`);
    deps.onPending?.(null);
    // Silent, and start the app again afterwards: nobody may be at the PC.
    updater.quitAndInstall(true, true);
  }

  updater.on('update-downloaded', (info) => {
    log.info(`update ${info.version} downloaded`);
    downloadedVersion = info.version;
    // A newer update replacing a waiting one keeps the first date: the deferral limit holds.
    if (downloadedAt !== null) return;
    downloadedAt = deps.now();
    void considerInstall();
  });
  updater.on('error', (err) => log.warn(`updater: ${err.message}`));

  check();
  return {
    stop(): void {
      stopped = true;
      if (checkTimer !== null) timers.clearTimeout(checkTimer);
      if (installTimer !== null) timers.clearTimeout(installTimer);
    },
  };
}
