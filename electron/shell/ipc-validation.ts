import { z } from 'zod';
import { secretsInputSchema } from '../../shared/desktop-settings.js';
import { ipcChannels, type IpcChannel } from './ipc-channels.js';

/**
 * Every IPC call is checked before the shell acts: known channel, a trusted page, and
 * arguments that match the channel's schema exactly (anything extra is refused rather than
 * ignored).
 */
const argumentSchemas: Record<IpcChannel, z.ZodType<readonly unknown[]>> = {
  [ipcChannels.adminConnection]: z.tuple([]),
  [ipcChannels.openLogsFolder]: z.tuple([]),
  [ipcChannels.settings]: z.tuple([]),
  [ipcChannels.setSecrets]: z.tuple([secretsInputSchema]),
};

export type IpcCheck = { ok: true; args: readonly unknown[] } | { ok: false; reason: string };

/** The pages allowed to talk to the shell: the bundled UI file and the admin origin. */
export interface TrustedPages {
  rendererFileUrl: string;
  adminOrigin: string | null;
}

export function isTrustedSender(senderUrl: string | undefined, trusted: TrustedPages): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    const expected = new URL(trusted.rendererFileUrl);
    return url.pathname === expected.pathname;
  }
  return trusted.adminOrigin !== null && url.origin === trusted.adminOrigin;
}

export function checkIpcCall(channel: string, senderUrl: string | undefined, args: readonly unknown[], trusted: TrustedPages): IpcCheck {
  const schema = Object.hasOwn(argumentSchemas, channel) ? argumentSchemas[channel as IpcChannel] : undefined;
  if (!schema) return { ok: false, reason: `unknown channel ${channel}` };
  if (!isTrustedSender(senderUrl, trusted)) return { ok: false, reason: `untrusted sender ${senderUrl ?? '(none)'}` };
  const parsed = schema.safeParse(args);
  // Never echo the values: they may be secrets.
  if (!parsed.success) return { ok: false, reason: `bad arguments for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  return { ok: true, args: parsed.data };
}
