import { contextBridge, ipcRenderer } from 'electron';
import type { AdminConnectionState, ShelfbridgeBridge } from '../shared/bridge-api.js';
import type { DesktopSettings, SecretsInput } from '../shared/desktop-settings.js';
import { ipcChannels } from './shell/ipc-channels.js';

/**
 * window.shelfbridge: the admin API's URL and token, and what only the shell can do.
 * Functions only, never ipcRenderer itself: the page cannot reach other channels. The page
 * validates what it receives (renderer/src/api/connection.ts); main validates every call.
 * Bundled to CommonJS by Vite (vite.config.ts): sandboxed preloads cannot be ES modules.
 */
const bridge = {
  adminConnection: () => ipcRenderer.invoke(ipcChannels.adminConnection) as Promise<AdminConnectionState>,
  openLogsFolder: async () => {
    await ipcRenderer.invoke(ipcChannels.openLogsFolder);
  },
  settings: () => ipcRenderer.invoke(ipcChannels.settings) as Promise<DesktopSettings>,
  // Only the two secret fields are passed on; main validates them again (ipc-validation.ts).
  setSecrets: (values: SecretsInput) =>
    ipcRenderer.invoke(ipcChannels.setSecrets, { stoklySecretKey: values.stoklySecretKey, cloudshelfApiKey: values.cloudshelfApiKey }) as Promise<DesktopSettings>,
} satisfies ShelfbridgeBridge;

contextBridge.exposeInMainWorld('shelfbridge', bridge);
