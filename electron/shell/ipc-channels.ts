/**
 * The only IPC channels between the window and the shell: things only the shell can do.
 * No imports, so the sandboxed preload bundle stays tiny.
 */
export const ipcChannels = {
  adminConnection: 'shelfbridge:admin-connection',
  openLogsFolder: 'shelfbridge:open-logs-folder',
  settings: 'shelfbridge:settings',
  setSecrets: 'shelfbridge:set-secrets',
} as const;

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];
