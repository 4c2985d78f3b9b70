import {
  app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, safeStorage, session, shell, Tray, utilityProcess,
  type NativeImage, type UtilityProcess,
} from 'electron';
import log from 'electron-log/main';
import electronUpdater from 'electron-updater';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Health } from '../shared/kiosk-api.js';
import type { SecretsInput } from '../shared/desktop-settings.js';
import type { ShellToCore } from '../shared/shell-protocol.js';
import { adminConnectionState } from './shell/admin-connection.js';
import { withStaffWindowCsp } from './shell/content-security.js';
import { CoreSupervisor, type CoreHandle } from './shell/core-supervisor.js';
import { ipcChannels, type IpcChannel } from './shell/ipc-channels.js';
import { checkIpcCall, type TrustedPages } from './shell/ipc-validation.js';
import { configPathFor, logsFolderFor, shellFiles } from './shell/paths.js';
import { RestartBackoff } from './shell/restart-policy.js';
import { SecretStore, type ShellSecrets } from './shell/secret-store.js';
import { desktopSettingsView } from './shell/settings-view.js';
import { readShellConfig, updateSignatureChecked } from './shell/shell-config.js';
import { fetchStatus } from './shell/status-client.js';
import { systemTimers } from './shell/system-timers.js';
import { trayIconBitmap } from './shell/tray-icon.js';
import { trayView, type TrayTone } from './shell/tray-status.js';
import { defaultUpdatePolicy, type OutboxView } from './shell/update-policy.js';
import { isAllowedNavigation, isExternalLink, secureWindowOptions } from './shell/window-options.js';
import { startAutoUpdates } from './updater.js';
import { AGENT_NODE_FLAGS } from './core/node-flags.js';

/**
 * The thin shell: wiring only. Decisions live in electron/shell/ (tested without Electron);
 * the agent itself runs in a utilityProcess (electron/core/process-entry.ts).
 */
const logger = log.scope('shell');
const files = shellFiles(dirname(fileURLToPath(import.meta.url)));
const rendererFileUrl = pathToFileURL(files.rendererIndex).href;
const stopTimeoutMs = 15_000;
const statusPollMs = 15_000;
/** A VACUUM INTO of a year's store database takes seconds; this only guards against a hang. */
const backupTimeoutMs = 10 * 60_000;

function adaptCore(child: UtilityProcess): CoreHandle {
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', (message: unknown) => listener(message)),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body }).show();
}

function secretStoreIn(userData: string): SecretStore {
  return new SecretStore(join(userData, 'secrets.bin'), {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptStringAsync: (text) => safeStorage.encryptStringAsync(text),
    decryptStringAsync: (data) => safeStorage.decryptStringAsync(data),
    ...(process.platform === 'linux' ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() } : {}),
  });
}

async function loadSecrets(store: SecretStore): Promise<ShellSecrets> {
  try {
    // Created once, before loading, so the start message carries it (personal-data encryption).
    await store.generatedKey('personalDataKey').catch((err: unknown) => logger.warn(`personal-data key: ${(err as Error).message}`));
    const { secrets, warning } = await store.loadAdoptingEnv(process.env);
    if (warning) logger.warn(warning);
    return secrets;
  } catch (err) {
    logger.error(`secrets: ${(err as Error).message}`);
    return {};
  }
}

/** app-update.yml, written by electron-builder next to app.asar; null when absent (not packaged). */
function installedUpdateConfig(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

async function run(): Promise<void> {
  await app.whenReady();
  app.setAppUserModelId('com.shelfbridge.agent');
  // The UI needs no camera, location or notifications from the page: refuse them all.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The admin API's pages get the same CSP as the built page, as a header (electron/shell/content-security.ts).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withStaffWindowCsp(details.responseHeaders) }));

  const userData = app.getPath('userData');
  const configPath = configPathFor(process.env, userData);
  const logsDir = logsFolderFor(configPath, process.env, app.getPath('logs'));
  log.transports.file.resolvePathFn = () => join(logsDir, 'shell.log');
  logger.info(`Shelfbridge shell ${app.getVersion()}: config ${configPath}, logs ${logsDir}`);
  const secretStore = secretStoreIn(userData);
  const startMessage = async (): Promise<Extract<ShellToCore, { type: 'start' }>> => ({ type: 'start', configPath, secrets: await loadSecrets(secretStore) });

  let window: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let health: Health | null = null;
  let adminOrigin: string | null = null;
  let quitting = false;
  let coreStopped = false;
  let pendingUpdate: { version: string; reason: string } | null = null;

  const refreshTray = (): void => {
    if (!tray) return;
    const view = trayView(supervisor.state, health, Date.now());
    tray.setToolTip(view.tooltip);
    tray.setImage(trayIcon(view.tone));
  };

  const supervisor = new CoreSupervisor({
    // The agent's memory flags (see node-flags.ts).
    fork: () => adaptCore(utilityProcess.fork(files.coreEntry, [], { serviceName: 'Shelfbridge agent', stdio: 'inherit', execArgv: [...AGENT_NODE_FLAGS] })),
    startMessage: await startMessage(),
    // retry.restart from the configuration (its defaults when the file cannot be read).
    backoff: new RestartBackoff(readShellConfig(configPath, process.env).restart),
    now: Date.now,
    timers: systemTimers,
    onState: (state) => {
      if (state.kind === 'ready') adminOrigin = new URL(state.adminUrl).origin;
      if (state.kind !== 'ready') health = null;
      refreshTray();
    },
    onAlert: ({ title, body }) => notify(title, body),
    onFatal: (message, repeated) => {
      logger.error(`agent: ${message}`);
      if (!repeated) notify('Shelfbridge agent stopped', message.split('\n').slice(0, 3).join('\n'));
    },
    log: (message) => logger.info(message),
  });

  const trusted = (): TrustedPages => ({ rendererFileUrl, adminOrigin });
  const handle = (channel: IpcChannel, act: (args: readonly unknown[]) => unknown): void => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const check = checkIpcCall(channel, event.senderFrame?.url, args, trusted());
      if (!check.ok) {
        logger.warn(`IPC refused: ${check.reason}`);
        throw new Error('refused');
      }
      return act(check.args);
    });
  };
  handle(ipcChannels.adminConnection, () => adminConnectionState(supervisor.state));
  const openLogs = async (): Promise<void> => {
    mkdirSync(logsDir, { recursive: true });
    const error = await shell.openPath(logsDir);
    if (error) logger.warn(`open logs folder: ${error}`);
  };
  handle(ipcChannels.openLogsFolder, openLogs);
  const settingsView = async () =>
    desktopSettingsView({
      configPath,
      version: app.getVersion(),
      config: readShellConfig(configPath, process.env),
      stored: await secretStore.presence(),
      env: process.env,
      canStoreSecrets: await secretStore.canEncrypt(),
      pendingUpdate,
    });
  handle(ipcChannels.settings, settingsView);
  handle(ipcChannels.setSecrets, async (args) => {
    // Validated by checkIpcCall against secretsInputSchema; the values never reach a log.
    await secretStore.replace(args[0] as SecretsInput);
    logger.info('secrets replaced from the Settings screen; restarting the agent with them');
    await supervisor.restartWith(await startMessage(), stopTimeoutMs);
    return settingsView();
  });

  const showWindow = (): void => {
    if (!window || window.isDestroyed()) window = createWindow(trusted, () => quitting);
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', showWindow);
  // Closing the window leaves the agent running in the tray; Quit in the tray menu stops it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    quitting = true;
    if (coreStopped) return;
    event.preventDefault();
    void supervisor.stop(stopTimeoutMs).finally(() => {
      coreStopped = true;
      logger.info('agent stopped; quitting');
      app.quit();
    });
  });

  tray = createTray(showWindow, () => void openLogs());
  supervisor.start();

  const readStatus = async () => {
    const state = supervisor.state;
    return state.kind === 'ready' ? fetchStatus(state) : null;
  };
  setInterval(() => {
    readStatus().then(
      (status) => { health = status?.health ?? null; refreshTray(); },
      (err: unknown) => { logger.warn(`status: ${(err as Error).message}`); health = null; refreshTray(); },
    );
  }, statusPollMs);

  const updates = readShellConfig(configPath, process.env).updates;
  if (!app.isPackaged || process.env.SHELFBRIDGE_AUTO_UPDATE === '0' || !updates.enabled) {
    logger.info('automatic updates are off (not packaged, SHELFBRIDGE_AUTO_UPDATE=0 or updates.enabled false)');
  } else if (!updateSignatureChecked(process.platform, installedUpdateConfig())) {
    logger.error('automatic updates are off: this build names no publisher, so update signatures could not be checked (docs/operations.md, Release runbook)');
  } else {
    startAutoUpdates({
      updater: electronUpdater.autoUpdater,
      feed: updates.feed,
      policy: { ...defaultUpdatePolicy, maintenanceWindow: updates.maintenanceWindow },
      outbox: async (): Promise<OutboxView> => {
        if (supervisor.state.kind === 'restarting') return { kind: 'core-down' };
        const status = await readStatus();
        return status ? { kind: 'counts', pending: status.counts.pending, sending: status.counts.sending } : { kind: 'unknown' };
      },
      backup: () => supervisor.backupNow(backupTimeoutMs),
      onPending: (pending) => { pendingUpdate = pending; },
      now: Date.now,
      timers: systemTimers,
      log: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) },
    });
  }

  // IT starts it at login with --hidden; started by hand, it shows the window.
  if (!process.argv.includes('--hidden')) showWindow();
}

function createTray(open: () => void, openLogs: () => void): Tray {
  const tray = new Tray(trayIcon('starting'));
  tray.setToolTip('Shelfbridge');
  tray.setContextMenu(Menu.buildFromTemplate([
    { label: 'Open Shelfbridge', click: open },
    { label: 'Open logs folder', click: openLogs },
    { type: 'separator' },
    { label: 'Quit Shelfbridge', click: () => app.quit() },
  ]));
  tray.on('click', open);
  return tray;
}

function trayIcon(tone: TrayTone): NativeImage {
  return nativeImage.createFromBitmap(trayIconBitmap(tone, 16), { width: 16, height: 16 });
}

function createWindow(trusted: () => TrustedPages, quitting: () => boolean): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(files.preload));
  const contents = window.webContents;
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, rendererFileUrl, trusted().adminOrigin)) return;
    event.preventDefault();
    if (isExternalLink(event.url)) void shell.openExternal(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.on('close', (event) => {
    if (quitting()) return;
    event.preventDefault();
    window.hide();
  });
  // The bundled page asks for the admin connection, then moves to the admin origin.
  void window.loadFile(files.rendererIndex);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run().catch((err: unknown) => {
    logger.error(err);
    app.exit(1);
  });
}
