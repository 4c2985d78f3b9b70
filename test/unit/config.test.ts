import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig, resolveSecrets, tenderMapping } from '../../electron/core/config.js';

const valid = () => ({
  storeId: 'store-001',
  dataDir: '/var/lib/shelfbridge',
  stokly: { baseUrl: 'https://api.stok.ly', accountKey: 'acme', clientId: 'cid', locationId: 'LOC', channelId: 'CH' },
  kioskApi: { host: '0.0.0.0', port: 4780, kiosks: [{ id: 'kiosk-01', tokenSha256: 'a'.repeat(64) }] },
  adminApi: { port: 4781 },
  tenders: { card: 4, cash: { method: 1, ledger: 'Cash takings' } },
});

describe('configuration', () => {
  it('accepts the documented example and fills defaults', () => {
    const c = parseConfig(valid());
    expect(c.kioskApi.port).toBe(4780);
    expect(c.adminApi.host).toBe('127.0.0.1');
    expect(c.outbox.concurrency).toBe(4);
    expect(c.reconciliation.timeZone).toBe('Europe/London');
    expect(tenderMapping(c, 'card')).toEqual({ method: 4, ledger: 'card' });
    expect(tenderMapping(c, 'cash')).toEqual({ method: 1, ledger: 'Cash takings' });
    expect(tenderMapping(c, 'voucher')).toBeUndefined();
  });

  it('names an unknown key, even nested', () => {
    const bad = { ...valid(), stokly: { ...valid().stokly, locationID: 'x' } };
    expect(() => parseConfig(bad, 'config.json')).toThrow(/stokly: unknown key "locationID"/);
    expect(() => parseConfig({ ...valid(), colour: 'red' })).toThrow(/unknown key "colour"/);
  });

  it('names a missing key and a bad value with what is expected', () => {
    const noLocation = valid() as Record<string, unknown>;
    noLocation.stokly = { ...valid().stokly, locationId: undefined };
    expect(() => parseConfig(noLocation)).toThrow(/stokly\.locationId/);
    const badPort = { ...valid(), kioskApi: { ...valid().kioskApi, port: 70000 } };
    expect(() => parseConfig(badPort)).toThrow(/kioskApi\.port/);
    const badHash = { ...valid(), kioskApi: { ...valid().kioskApi, kiosks: [{ id: 'k', tokenSha256: 'secret' }] } };
    expect(() => parseConfig(badHash)).toThrow(/kioskApi\.kiosks\.0\.tokenSha256: must be the lower-case hex SHA-256/);
    expect(() => parseConfig({ ...valid(), storeId: 'store 1' })).toThrow(/storeId: must be 1–128 characters/);
    expect(() => parseConfig({ ...valid(), tenders: { card: 'four' } })).toThrow(/tenders\.card/);
    expect(() => parseConfig({ ...valid(), reconciliation: { timeZone: 'Mars/Olympus' } })).toThrow(/IANA time zone/);
  });

  it('refuses two kiosks with the same token', () => {
    const dup = { ...valid(), kioskApi: { kiosks: [{ id: 'a', tokenSha256: 'b'.repeat(64) }, { id: 'c', tokenSha256: 'b'.repeat(64) }] } };
    expect(() => parseConfig(dup)).toThrow(/own token/);
  });

  it('accepts the example configuration shipped for IT (docs/config.example.json)', () => {
    const c = loadConfigFile(join(import.meta.dirname, '..', '..', 'docs', 'config.example.json'), {});
    expect(c.stokly.secretKeyFile).toBe('/etc/shelfbridge/stokly-secret');
    expect(c.cloudshelf?.orderIntake).toBe(true);
  });

  it('reports a file that is not JSON, with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    const path = join(dir, 'config.json');
    writeFileSync(path, '{ "storeId": ');
    expect(() => loadConfigFile(path)).toThrow(ConfigError);
    expect(() => loadConfigFile(path)).toThrow(/config\.json is not valid JSON/);
  });

  it('takes the secret from the environment before a file, and refuses a file others can read', () => {
    const c = parseConfig(valid());
    expect(resolveSecrets(c, { SHELFBRIDGE_STOKLY_SECRET_KEY: 'from-env' }).stoklySecretKey).toBe('from-env');
    expect(() => resolveSecrets(c, {})).toThrow(/no secret key/);
    const dir = mkdtempSync(join(tmpdir(), 'sb-secret-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 'from-file\n');
    chmodSync(file, 0o644);
    const withFile = parseConfig({ ...valid(), stokly: { ...valid().stokly, secretKeyFile: file } });
    expect(() => resolveSecrets(withFile, {})).toThrow(/chmod 600/);
    chmodSync(file, 0o600);
    expect(resolveSecrets(withFile, {}).stoklySecretKey).toBe('from-file');
  });

  it('passes the personal-data key from the shell (OS secret store) and takes none from the environment', () => {
    const c = parseConfig(valid());
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(resolveSecrets(c, {}, { stoklySecretKey: 's', personalDataKey: key }).personalDataKey).toBe(key);
    expect(resolveSecrets(c, { SHELFBRIDGE_STOKLY_SECRET_KEY: 's', SHELFBRIDGE_PERSONAL_DATA_KEY: key }).personalDataKey).toBeUndefined();
  });
});
