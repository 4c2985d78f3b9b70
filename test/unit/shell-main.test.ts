import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { desktopSettingsSchema } from '../../shared/desktop-settings.js';
import { shellToCoreSchema } from '../../shared/shell-protocol.js';
import { staffWindowCsp } from '../../electron/shell/content-security.js';
import { ipcChannels } from '../../electron/shell/ipc-channels.js';

/**
 * electron/main.ts itself, started against a fake `electron` module (the binary cannot run
 * here): what it asks of Electron is recorded, and the test plays the core and the updater.
 */
type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): unknown[] {
      return (this.listeners.get(event) ?? []).map((l) => l(...args));
    }
  }
  class FakeChild extends Emitter {
    sent: unknown[] = [];
    kills = 0;
    constructor(readonly path: string, readonly args: string[], readonly options: Record<string, unknown>) {
      super();
    }
    postMessage(message: unknown): void {
      this.sent.push(message);
    }
    kill(): void {
      this.kills += 1;
    }
  }
  class FakeWebContents extends Emitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.openHandler = handler;
    }
  }
  class FakeWindow extends Emitter {
    static created: FakeWindow[] = [];
    webContents = new FakeWebContents();
    loaded: string[] = [];
    shown = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.created.push(this);
    }
    loadFile(path: string): Promise<void> {
      this.loaded.push(path);
      return Promise.resolve();
    }
    isDestroyed(): boolean { return false; }
    isMinimized(): boolean { return false; }
    restore(): void {}
    show(): void { this.shown += 1; }
    focus(): void {}
    hide(): void {}
  }
  class FakeTray extends Emitter {
    static created: FakeTray[] = [];
    tooltip = '';
    menu: Array<{ label?: string; type?: string; click?: () => void }> = [];
    constructor(readonly image: unknown) {
      super();
      FakeTray.created.push(this);
    }
    setToolTip(text: string): void { this.tooltip = text; }
    setImage(): void {}
    setContextMenu(menu: Array<{ label?: string; click?: () => void }>): void { this.menu = menu; }
  }
  class FakeUpdater extends Emitter {
    autoDownload = false;
    autoInstallOnAppQuit = false;
    allowDowngrade = true;
    channel: string | null = null;
    feeds: unknown[] = [];
    checks = 0;
    installs = 0;
    setFeedURL(options: unknown): void { this.feeds.push(options); }
    checkForUpdates(): Promise<null> {
      this.checks += 1;
      return Promise.resolve(null);
    }
    quitAndInstall(): void { this.installs += 1; }
  }
  const state = {
    lock: true,
    userData: '',
    forks: [] as FakeChild[],
    handlers: new Map<string, Listener>(),
    appEvents: new Emitter(),
    quits: 0,
    permissionHandler: null as Listener | null,
    headersHandler: null as Listener | null,
    updater: new FakeUpdater(),
    FakeWindow,
    FakeTray,
  };
  /** A reversible scramble standing in for the OS encryption. */
  const scramble = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ 0x5a));
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => state.lock,
      whenReady: () => Promise.resolve(),
      setAppUserModelId: () => undefined,
      getPath: (name: string) => join(state.userData, name === 'userData' ? '' : name),
      getVersion: () => '1.4.0',
      on: (event: string, listener: Listener) => state.appEvents.on(event, listener),
      quit: () => { state.quits += 1; },
      exit: () => undefined,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => { state.permissionHandler = handler; },
        webRequest: { onHeadersReceived: (handler: Listener) => { state.headersHandler = handler; } },
      },
    },
    BrowserWindow: FakeWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromBitmap: () => ({}) },
    Notification: class { static isSupported(): boolean { return false; } show(): void {} },
    ipcMain: { handle: (channel: string, handler: Listener) => state.handlers.set(channel, handler) },
    shell: { openPath: () => Promise.resolve(''), openExternal: () => Promise.resolve() },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: (text: string) => Promise.resolve(scramble(Buffer.from(text))),
      decryptStringAsync: (data: Buffer) => Promise.resolve({ result: scramble(data).toString(), shouldReEncrypt: false }),
    },
    utilityProcess: {
      fork: (path: string, args: string[], options: Record<string, unknown>) => {
        const child = new FakeChild(path, args, options);
        state.forks.push(child);
        return child;
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...h.electron, default: h.electron }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: h.state.updater }, autoUpdater: h.state.updater }));
vi.mock('electron-log/main', () => {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return { default: { ...quiet, scope: () => quiet, transports: { file: {} } } };
});

const stoklySecret = 'sk_live_typed_in_settings_0123';
let dir: string;
const env = { ...process.env };

function child(i: number) {
  const c = h.state.forks[i];
  if (!c) throw new Error(`no core #${i}`);
  return c;
}
const startOf = (i: number) => shellToCoreSchema.parse(child(i).sent[0]);
const ready = (i: number) => child(i).emit('message', { type: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'admin-token' });
const rendererUrl = (): string => {
  const window = h.state.FakeWindow.created[0];
  return `file://${window?.loaded[0] ?? ''}`;
};
/** As ipcRenderer.invoke sees it: whatever the handler throws arrives as a rejection. */
const invoke = async (channel: string, sender: string, ...args: unknown[]): Promise<unknown> => {
  const handler = h.state.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: { url: sender } }, ...args);
};

describe('electron/main.ts against a fake electron', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shelfbridge-main-'));
    h.state.userData = join(dir, 'userData');
    const config = JSON.parse(readFileSync(new URL('../../docs/config.example.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    config.dataDir = join(dir, 'data');
    config.updates = { feedUrl: 'https://updates.example.com/shelfbridge', channel: 'beta', maintenanceWindow: { start: '02:00', end: '05:00' } };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
    process.env.SHELFBRIDGE_CONFIG = join(dir, 'config.json');
    delete process.env.SHELFBRIDGE_STOKLY_SECRET_KEY;
    delete process.env.SHELFBRIDGE_CLOUDSHELF_API_KEY;
    delete process.env.SHELFBRIDGE_AUTO_UPDATE;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-12-02T14:00:00Z'));
    await import('../../electron/main.js');
    await vi.waitFor(() => expect(h.state.forks).toHaveLength(1));
  });
  afterAll(() => {
    vi.useRealTimers();
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the single-instance lock and shows the one window on a second start', () => {
    expect(h.state.quits).toBe(0);
    const window = h.state.FakeWindow.created[0];
    const shownBefore = window?.shown ?? 0;
    h.state.appEvents.emit('second-instance');
    expect(h.state.FakeWindow.created).toHaveLength(1);
    expect(window?.shown).toBe(shownBefore + 1);
  });

  it('opens the window with secure options, refuses permissions and sets the CSP header', () => {
    const window = h.state.FakeWindow.created[0];
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[/\\]preload\.cjs$/);
    expect(window?.loaded[0]).toMatch(/dist-renderer[/\\]index\.html$/);

    const denied = vi.fn();
    h.state.permissionHandler?.({}, 'media', denied);
    expect(denied).toHaveBeenCalledWith(false);

    const headers = vi.fn();
    h.state.headersHandler?.({ responseHeaders: { 'content-security-policy': ["default-src *"], 'content-type': ['text/html'] } }, headers);
    expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [staffWindowCsp] } });
  });

  it('keeps the window on our pages and opens no other window', () => {
    const contents = h.state.FakeWindow.created[0]?.webContents;
    const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents?.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents?.openHandler?.({ url: 'https://help.example/' })).toEqual({ action: 'deny' });
  });

  it('forks the core as a utility process with the config path and the shell-kept personal-data key', () => {
    expect(child(0).path).toMatch(/core[/\\]process-entry\.js$/);
    expect(child(0).options).toMatchObject({ serviceName: 'Shelfbridge agent' });
    const start = startOf(0);
    expect(start).toMatchObject({ type: 'start', configPath: join(dir, 'config.json') });
    expect(Buffer.from(start.type === 'start' ? start.secrets.personalDataKey ?? '' : '', 'base64')).toHaveLength(32);
  });

  it('restarts the core when it dies', async () => {
    ready(0);
    child(0).emit('exit', 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.state.forks).toHaveLength(2);
    expect(startOf(1)).toEqual(startOf(0));
    ready(1);
  });

  it('puts a tray icon with open, logs and quit', () => {
    const tray = h.state.FakeTray.created[0];
    expect(tray?.menu.map((item) => item.label ?? item.type)).toEqual(['Open Shelfbridge', 'Open logs folder', 'separator', 'Quit Shelfbridge']);
    expect(tray?.tooltip).not.toBe('');
  });

  it('Settings over IPC: path and safe settings, secrets stored encrypted and never shown back, core restarted with them', async () => {
    const view = desktopSettingsSchema.parse(await invoke(ipcChannels.settings, rendererUrl()));
    expect(view.configPath).toBe(join(dir, 'config.json'));
    expect(view.version).toBe('1.4.0');
    expect(view.settings?.updates).toMatchObject({ channel: 'beta', feedUrl: 'https://updates.example.com/shelfbridge' });
    expect(view.secrets).toEqual({ stoklySecretKey: 'missing', cloudshelfApiKey: 'missing' });
    await expect(invoke(ipcChannels.settings, 'https://evil.example/')).rejects.toThrow('refused');

    const forksBefore = h.state.forks.length;
    const current = child(forksBefore - 1);
    const saved = invoke(ipcChannels.setSecrets, rendererUrl(), { stoklySecretKey: stoklySecret });
    await vi.waitFor(() => expect(current.sent.at(-1)).toEqual({ type: 'stop' }));
    current.emit('message', { type: 'stopped' });
    current.emit('exit', 0);
    const after = desktopSettingsSchema.parse(await saved);
    expect(after.secrets.stoklySecretKey).toBe('stored');
    expect(JSON.stringify(after)).not.toContain(stoklySecret);
    const restarted = startOf(forksBefore);
    expect(restarted.type === 'start' && restarted.secrets.stoklySecretKey).toBe(stoklySecret);
    expect(readFileSync(join(h.state.userData, 'secrets.bin')).includes(Buffer.from(stoklySecret))).toBe(false);
    ready(forksBefore);
  });

  it('wires the updater: configured feed and channel, no downgrade, checks at start', () => {
    const updater = h.state.updater;
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/shelfbridge' }]);
    expect(updater.channel).toBe('beta');
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.autoDownload).toBe(true);
    expect(updater.checks).toBeGreaterThanOrEqual(1);
  });

  it('installs a downloaded update only inside the window, after the core has taken a backup', async () => {
    const updater = h.state.updater;
    const core = child(h.state.forks.length - 1);
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(idleStatus())));
    updater.emit('update-downloaded', { version: '1.5.0' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.installs).toBe(0);
    expect(core.sent.some((m) => (m as { type: string }).type === 'backup')).toBe(false);
    const pending = desktopSettingsSchema.parse(await invoke(ipcChannels.settings, rendererUrl())).pendingUpdate;
    expect(pending?.reason).toMatch(/maintenance window/);

    // 02:00 in Europe/London (the store's zone) is 02:00 UTC in December.
    await vi.advanceTimersByTimeAsync(12 * 60 * 60_000);
    await vi.waitFor(() => expect(core.sent.at(-1)).toMatchObject({ type: 'backup' }));
    expect(updater.installs).toBe(0);
    const { id } = core.sent.at(-1) as { id: number };
    core.emit('message', { type: 'backup-done', id, path: '/data/backups/before-1.5.0.db' });
    await vi.waitFor(() => expect(updater.installs).toBe(1));
    vi.unstubAllGlobals();
  });

  it('a second copy started while one runs quits at once, starting nothing', async () => {
    const forks = h.state.forks.length;
    const windows = h.state.FakeWindow.created.length;
    h.state.lock = false;
    vi.resetModules();
    await import('../../electron/main.js');
    expect(h.state.quits).toBe(1);
    expect(h.state.forks).toHaveLength(forks);
    expect(h.state.FakeWindow.created).toHaveLength(windows);
  });
});

function idleStatus() {
  return {
    storeId: 'store-001', version: '1.4.0',
    health: { status: 'ok', version: '1.4.0', online: true, reasons: [], backlog: { pending: 0, exceptions: 0, oldestPendingAgeSeconds: 0 }, lastStockSyncAt: null, lastCatalogSyncAt: null },
    counts: { pending: 0, sending: 0, done: 3, exception: 0, voided: 0 },
    waitingForSale: 0,
    stokly: { online: true, lastContactAt: null, pausedUntil: null },
    kioskApi: { url: 'http://127.0.0.1:4780' },
    sync: { stock: { lastSuccessAt: null, lastError: null, lastErrorAt: null }, catalog: { lastSuccessAt: null, lastError: null, lastErrorAt: null }, cloudshelf: null },
    flags: {},
    exceptions: { open: 0, cloudshelfIssues: 0 },
    now: new Date().toISOString(),
  };
}
