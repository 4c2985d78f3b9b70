import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../electron/shell/ipc-channels.js';
import { checkIpcCall, isTrustedSender, type TrustedPages } from '../../electron/shell/ipc-validation.js';

const trusted: TrustedPages = {
  rendererFileUrl: 'file:///opt/Shelfbridge/resources/app.asar/dist-renderer/index.html',
  adminOrigin: 'http://127.0.0.1:4781',
};
const page = 'http://127.0.0.1:4781/';

describe('IPC validation', () => {
  const noArguments = [ipcChannels.adminConnection, ipcChannels.openLogsFolder, ipcChannels.settings];

  it('accepts each channel without arguments from the bundled page and the admin origin', () => {
    for (const channel of noArguments) {
      expect(checkIpcCall(channel, page, [], trusted)).toEqual({ ok: true, args: [] });
      expect(checkIpcCall(channel, `${trusted.rendererFileUrl}#x`, [], trusted)).toEqual({ ok: true, args: [] });
    }
  });

  it('rejects any argument on the channels that take none', () => {
    for (const channel of noArguments) {
      for (const args of [[undefined], ['C:\\Windows'], [{ path: '/' }], [1, 2]]) {
        const result = checkIpcCall(channel, page, args, trusted);
        expect(result.ok, JSON.stringify(args)).toBe(false);
      }
    }
  });

  it('takes only the two secrets, trimmed, and never echoes a value it refuses', () => {
    expect(checkIpcCall(ipcChannels.setSecrets, page, [{ stoklySecretKey: '  sk_1  ' }], trusted)).toEqual({ ok: true, args: [{ stoklySecretKey: 'sk_1' }] });
    for (const args of [[], [{}], [{ stoklySecretKey: '' }], [{ stoklySecretKey: 'sk_secret', adminToken: 'x' }], [{ stoklySecretKey: 'sk_secret' }, 2], ['sk_secret']]) {
      const result = checkIpcCall(ipcChannels.setSecrets, page, args, trusted);
      expect(result.ok, JSON.stringify(args)).toBe(false);
      expect(result.ok ? '' : result.reason).not.toContain('sk_secret');
    }
  });

  it('rejects unknown channels, including inherited property names', () => {
    for (const channel of ['shelfbridge:exec', 'constructor', '__proto__', 'toString', '']) {
      const result = checkIpcCall(channel, page, [], trusted);
      expect(result).toMatchObject({ ok: false });
      expect(result.ok ? '' : result.reason).toMatch(/unknown channel/);
    }
  });

  it('rejects senders that are not our pages', () => {
    for (const sender of [
      undefined,
      '',
      'https://evil.example/',
      'http://127.0.0.1:4780/',
      'http://localhost:4781/',
      'file:///tmp/index.html',
      'about:blank',
      'garbage',
    ]) {
      expect(isTrustedSender(sender, trusted), String(sender)).toBe(false);
      expect(checkIpcCall(ipcChannels.adminConnection, sender, [], trusted).ok).toBe(false);
    }
  });

  it('before the core is ready, only the bundled page is trusted', () => {
    const early = { ...trusted, adminOrigin: null };
    expect(isTrustedSender(page, early)).toBe(false);
    expect(isTrustedSender(trusted.rendererFileUrl, early)).toBe(true);
  });
});
