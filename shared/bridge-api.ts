import { z } from 'zod';
import type { DesktopSettings, SecretsInput } from './desktop-settings.js';

/**
 * What the preload exposes as `window.shelfbridge`, declared once for preload, main and
 * renderer (so it holds no Node or Electron code).
 */

/** Where the agent core stands, as the shell knows it. The token is given only when ready. */
export const adminConnectionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), adminUrl: z.url(), adminToken: z.string().min(1) }),
  z.object({ state: z.literal('starting') }),
  z.object({ state: z.literal('failed'), message: z.string(), retryAt: z.string().nullable() }),
]);
export type AdminConnectionState = z.infer<typeof adminConnectionStateSchema>;

export interface ShelfbridgeBridge {
  /** Admin API URL and bearer token once the core is ready; otherwise why not. */
  adminConnection(): Promise<AdminConnectionState>;
  /** Opens the agent's log folder in the file manager (for IT on the phone with staff). */
  openLogsFolder(): Promise<void>;
  /** The Settings screen: configuration path, safe settings, whether each secret is set. */
  settings(): Promise<DesktopSettings>;
  /** Stores the secrets typed in (encrypted by the OS), restarts the agent with them; never echoes them. */
  setSecrets(values: SecretsInput): Promise<DesktopSettings>;
}
