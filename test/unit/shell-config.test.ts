import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeSettingsSchema } from '../../shared/desktop-settings.js';
import { defaultRestartPolicy } from '../../electron/shell/restart-policy.js';
import { readShellConfig, updateSignatureChecked } from '../../electron/shell/shell-config.js';

const secrets = {
  stokly: 'sk_live_in_the_file_0123',
  cloudshelf: 'cs_key_in_the_file_4567',
  admin: 'admin-token-in-the-file-89ab',
  metrics: 'metrics-token-in-the-file-cdef',
  webhook: 'https://hooks.example.com/services/T000/B000/XXXXSECRET',
  kioskHash: 'a'.repeat(64),
};

describe('the shell reading the store configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shelfbridge-shell-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (config: Record<string, unknown>): string => {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify(config), { mode: 0o600 });
    return path;
  };
  const example = (): Record<string, unknown> =>
    JSON.parse(readFileSync(new URL('../../docs/config.example.json', import.meta.url), 'utf8')) as Record<string, unknown>;

  it('shows only safe settings: no secret, token, token hash or webhook URL', () => {
    const config = example();
    config.stokly = { ...(config.stokly as object), secretKey: secrets.stokly, secretKeyFile: undefined };
    config.cloudshelf = { ...(config.cloudshelf as object), apiKey: secrets.cloudshelf };
    config.adminApi = { port: 4781, token: secrets.admin };
    config.metrics = { token: secrets.metrics };
    config.alerts = { webhook: { url: secrets.webhook } };
    config.kioskApi = { kiosks: [{ id: 'kiosk-01', tokenSha256: secrets.kioskHash }] };
    const shell = readShellConfig(write(config), {});
    expect(shell.error).toBeNull();
    const safe = safeSettingsSchema.parse(shell.safe);
    expect(safe.storeId).toBe('store-001');
    expect(safe.kioskApi.kiosksInFile).toBe(1);
    const text = JSON.stringify(safe);
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
  });

  it('takes the update feed, channel and maintenance window (in the store time zone)', () => {
    const config = {
      ...example(),
      updates: { feedUrl: 'https://updates.example.com/sb', channel: 'beta', maintenanceWindow: { start: '23:00', end: '04:30' } },
      reconciliation: { timeZone: 'Europe/Dublin' },
    };
    expect(readShellConfig(write(config), {}).updates).toEqual({
      enabled: true,
      feed: { url: 'https://updates.example.com/sb', channel: 'beta' },
      maintenanceWindow: { start: '23:00', end: '04:30', timeZone: 'Europe/Dublin' },
    });
  });

  it('takes how to restart a stopped agent (retry.restart), its defaults when the file cannot be read, and refuses a cap below the base', () => {
    const restart = { baseMs: 2_000, capMs: 60_000, stableAfterMs: 30_000 };
    expect(readShellConfig(write({ ...example(), retry: { restart } }), {}).restart).toEqual(restart);
    expect(readShellConfig(join(dir, 'missing.json'), {}).restart).toEqual(defaultRestartPolicy);
    const refused = readShellConfig(write({ ...example(), retry: { restart: { baseMs: 10_000, capMs: 5_000 } } }), {});
    expect(refused.error).toMatch(/retry\.restart\.capMs/);
    expect(refused.restart).toEqual(defaultRestartPolicy);
  });

  it('refuses a plain-http feed or a malformed window, naming the key', () => {
    const path = write({ ...example(), updates: { feedUrl: 'http://updates.example.com/sb', maintenanceWindow: { start: '2am', end: '05:00' } } });
    const shell = readShellConfig(path, {});
    expect(shell.safe).toBeNull();
    expect(shell.error).toMatch(/updates\.feedUrl/);
    expect(shell.error).toMatch(/updates\.maintenanceWindow\.start/);
  });

  it('an unreadable file still lets updates run with the defaults: the new version may be the fix', () => {
    const shell = readShellConfig(join(dir, 'missing.json'), {});
    expect(shell.error).toMatch(/cannot read/);
    expect(shell.updates).toEqual({ enabled: true, feed: { url: undefined, channel: 'stable' }, maintenanceWindow: { start: '02:00', end: '05:00', timeZone: 'Europe/London' } });
  });

  it('on Windows, auto-updates only when the build names the publisher whose signature is checked', () => {
    expect(updateSignatureChecked('win32', 'provider: generic\nurl: https://u.example\npublisherName:\n  - Shelfbridge Ltd\n')).toBe(true);
    expect(updateSignatureChecked('win32', 'provider: generic\nurl: https://u.example\n')).toBe(false);
    expect(updateSignatureChecked('win32', null)).toBe(false);
    expect(updateSignatureChecked('linux', null)).toBe(true);
  });
});
