import { defaultUpdatePolicy, installDecision, nextCheckDelay, type OutboxView, type UpdatePolicyOptions } from './shell/update-policy.js';

/**
 * Auto-update for IT: check at start and every 6 hours, download in the background,
 * install when the outbox is idle (see shell/update-policy.ts) or when the app quits.
 *
 * electron-updater is NOT a dependency yet: to ship updates, add "electron-updater" to
 * package.json dependencies, then in main.ts pass its autoUpdater:
 *   import electronUpdater from 'electron-updater'; … updater: electronUpdater.autoUpdater
 * The feed URL comes from `publish` in electron-builder.yml (IT sets it).
 */

/** The part of electron-updater's AppUpdater this module drives. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface AutoUpdateDeps {
  updater: UpdaterLike;
  outbox(): Promise<OutboxView>;
  now(): number;
  timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  log: { info(message: string): void; warn(message: string): void };
  policy?: UpdatePolicyOptions;
  /** How often to look at the outbox once an update is downloaded. */
  installCheckEveryMs?: number;
}

export interface AutoUpdates {
  stop(): void;
}

export function startAutoUpdates(deps: AutoUpdateDeps): AutoUpdates {
  const policy = deps.policy ?? defaultUpdatePolicy;
  const installEvery = deps.installCheckEveryMs ?? 60_000;
  const { updater, timers, log } = deps;
  let lastCheckAt: number | null = null;
  let downloadedAt: number | null = null;
  let checkTimer: unknown = null;
  let installTimer: unknown = null;
  let stopped = false;
  let installing = false;

  updater.autoDownload = true;
  // The other half of the policy: whatever is downloaded goes in when the app quits.
  updater.autoInstallOnAppQuit = true;

  const scheduleCheck = (): void => {
    checkTimer = timers.setTimeout(check, nextCheckDelay(lastCheckAt, deps.now(), policy));
  };
  function check(): void {
    if (stopped) return;
    lastCheckAt = deps.now();
    updater.checkForUpdates().catch((err: unknown) => log.warn(`update check failed: ${(err as Error).message ?? String(err)}`));
    scheduleCheck();
  }

  const scheduleInstallCheck = (): void => {
    installTimer = timers.setTimeout(() => void considerInstall(), installEvery);
  };
  async function considerInstall(): Promise<void> {
    if (stopped || installing) return;
    let outbox: OutboxView;
    try {
      outbox = await deps.outbox();
    } catch {
      outbox = { kind: 'unknown' };
    }
    if (stopped) return;
    const decision = installDecision({ downloadedAt, now: deps.now(), outbox }, policy);
    if (!decision.install) {
      scheduleInstallCheck();
      return;
    }
    installing = true;
    log.info(`installing the downloaded update now: ${decision.reason}`);
    // Silent, and start the app again afterwards: nobody may be at the PC.
    updater.quitAndInstall(true, true);
  }

  updater.on('update-downloaded', (info) => {
    log.info(`update ${info.version} downloaded`);
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
