import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../electron/shell/ipc-channels.js';

/** A small fake of the 'electron' module: what the preload exposes and which channels it calls. */
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ state: 'starting' }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload.js');
  });

  it('exposes exactly window.shelfbridge with its four functions, never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['shelfbridge']);
    const api = exposed.get('shelfbridge') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['adminConnection', 'openLogsFolder', 'setSecrets', 'settings']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('calls only the shell channels, with no arguments from the page', async () => {
    const api = exposed.get('shelfbridge') as { adminConnection(): Promise<unknown>; openLogsFolder(...a: unknown[]): Promise<void> };
    await expect(api.adminConnection()).resolves.toEqual({ state: 'starting' });
    await api.openLogsFolder('/etc', 'rm -rf');
    expect(invoke.mock.calls).toEqual([[ipcChannels.adminConnection], [ipcChannels.openLogsFolder]]);
  });

  it('passes on only the two secret fields to the settings channel', async () => {
    invoke.mockClear();
    const api = exposed.get('shelfbridge') as { setSecrets(v: unknown): Promise<unknown>; settings(...a: unknown[]): Promise<unknown> };
    await api.setSecrets({ stoklySecretKey: 'sk', cloudshelfApiKey: 'ck', adminToken: 'smuggled' });
    await api.settings('extra');
    expect(invoke.mock.calls).toEqual([[ipcChannels.setSecrets, { stoklySecretKey: 'sk', cloudshelfApiKey: 'ck' }], [ipcChannels.settings]]);
  });
});
