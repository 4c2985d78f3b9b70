import { configSchema, loadConfigFile, type Config } from '../core/config.js';
import type { SafeSettings } from '../../shared/desktop-settings.js';
import type { RestartPolicyOptions } from './restart-policy.js';
import type { MaintenanceWindow } from './update-policy.js';
import type { UpdateFeed } from '../updater.js';

/** What the shell itself takes from the store's configuration file. */
export interface ShellConfig {
  updates: { enabled: boolean; feed: UpdateFeed; maintenanceWindow: MaintenanceWindow };
  /** How the shell restarts an agent that stopped (retry.restart). */
  restart: RestartPolicyOptions;
  /** The values the Settings screen may show; null when the file cannot be read. */
  safe: SafeSettings | null;
  /** Why the file could not be read (the core reports the same as fatal). */
  error: string | null;
}

/** An explicit allow-list: a new configuration key is hidden until someone decides it is safe. */
export function safeSettingsOf(config: Config): SafeSettings {
  const window = config.updates.maintenanceWindow;
  return {
    storeId: config.storeId,
    dataDir: config.dataDir,
    kioskApi: { host: config.kioskApi.host, port: config.kioskApi.port, kiosksInFile: config.kioskApi.kiosks.length },
    adminApi: { host: config.adminApi.host, port: config.adminApi.port },
    stokly: { baseUrl: config.stokly.baseUrl, accountKey: config.stokly.accountKey, locationId: config.stokly.locationId, channelId: config.stokly.channelId },
    cloudshelf: config.cloudshelf ? { apiUrl: config.cloudshelf.apiUrl, locationId: config.cloudshelf.locationId } : null,
    backup: { schedule: config.backup.schedule, keep: config.backup.keep },
    updates: {
      enabled: config.updates.enabled,
      feedUrl: config.updates.feedUrl ?? null,
      channel: config.updates.channel,
      maintenanceWindow: { start: window.start, end: window.end, timeZone: config.reconciliation.timeZone },
    },
    logLevel: config.logLevel,
  };
}

function updatesOf(config: Pick<Config, 'updates' | 'reconciliation'>): ShellConfig['updates'] {
  return {
    enabled: config.updates.enabled,
    feed: { url: config.updates.feedUrl, channel: config.updates.channel },
    maintenanceWindow: { ...config.updates.maintenanceWindow, timeZone: config.reconciliation.timeZone },
  };
}

/**
 * Reads the configuration for the shell. An unreadable file still lets updates run with the
 * defaults (the new version may be the fix), and the Settings screen says why.
 */
export function readShellConfig(path: string, env: NodeJS.ProcessEnv): ShellConfig {
  try {
    const config = loadConfigFile(path, env);
    return { updates: updatesOf(config), restart: config.retry.restart, safe: safeSettingsOf(config), error: null };
  } catch (err) {
    const defaults = configSchema.shape.updates.parse(undefined);
    const timeZone = configSchema.shape.reconciliation.parse(undefined).timeZone;
    const restart = configSchema.shape.retry.parse(undefined).restart;
    return { updates: updatesOf({ updates: defaults, reconciliation: { timeZone, enabled: true } }), restart, safe: null, error: (err as Error).message };
  }
}

/**
 * Windows only checks an update's signature when the installed app-update.yml names the
 * publisher (written from electron-builder.yml signtoolOptions.publisherName when signed).
 * Without it the shell does not auto-update at all rather than install unchecked code.
 */
export function updateSignatureChecked(platform: NodeJS.Platform, appUpdateYml: string | null): boolean {
  if (platform !== 'win32') return true;
  return appUpdateYml !== null && /^publisherName:\s*\S/m.test(appUpdateYml);
}
