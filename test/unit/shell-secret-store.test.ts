import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore, SecretStoreError, type SafeStorageLike } from '../../electron/shell/secret-store.js';

/** A stand-in for safeStorage: a reversible scramble, so plain text never shows in the file. */
class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend: string | undefined = undefined;
  reEncrypt = false;
  encryptCalls = 0;
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.encryptCalls += 1;
    const bytes = Buffer.from(plainText, 'utf8').map((b) => b ^ 0xa5);
    return Buffer.concat([Buffer.from('FAKE1'), bytes]);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (encrypted.subarray(0, 5).toString() !== 'FAKE1') throw new Error('decryption failed');
    return { result: Buffer.from(encrypted.subarray(5).map((b) => b ^ 0xa5)).toString('utf8'), shouldReEncrypt: this.reEncrypt };
  }
  getSelectedStorageBackend?(): string;
}

function withBackend(fake: FakeSafeStorage, backend: string): FakeSafeStorage {
  fake.getSelectedStorageBackend = () => backend;
  return fake;
}

const stoklySecret = 'sk_live_0123456789abcdef';
const cloudshelfKey = 'cs_key_fedcba9876543210';

describe('secret store', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shelfbridge-secrets-'));
    path = join(dir, 'secrets.bin');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function expectNoPlainText(): void {
    const bytes = readFileSync(path);
    for (const secret of [stoklySecret, cloudshelfKey]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('stoklySecretKey'))).toBe(false);
  }

  it('round-trips through the OS encryption and never writes plain text', async () => {
    const store = new SecretStore(path, new FakeSafeStorage());
    await store.save({ stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey });
    expectNoPlainText();
    expect(await new SecretStore(path, new FakeSafeStorage()).load()).toEqual({ stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey });
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable by its owner only', async () => {
    await new SecretStore(path, new FakeSafeStorage()).save({ stoklySecretKey: stoklySecret });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('first run takes the secrets from the environment and stores them encrypted', async () => {
    const env = { SHELFBRIDGE_STOKLY_SECRET_KEY: stoklySecret, SHELFBRIDGE_CLOUDSHELF_API_KEY: cloudshelfKey };
    const first = await new SecretStore(path, new FakeSafeStorage()).loadAdoptingEnv(env);
    expect(first).toEqual({ secrets: { stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey }, warning: null });
    expectNoPlainText();
    const later = await new SecretStore(path, new FakeSafeStorage()).loadAdoptingEnv({});
    expect(later.secrets).toEqual({ stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey });
  });

  it('a key set in the environment replaces the stored one (rotation); unchanged keys are not rewritten', async () => {
    const fake = new FakeSafeStorage();
    const store = new SecretStore(path, fake);
    await store.save({ stoklySecretKey: 'old-key', cloudshelfApiKey: cloudshelfKey });
    const writes = fake.encryptCalls;
    await store.loadAdoptingEnv({ SHELFBRIDGE_STOKLY_SECRET_KEY: 'old-key' });
    expect(fake.encryptCalls).toBe(writes);
    const rotated = await store.loadAdoptingEnv({ SHELFBRIDGE_STOKLY_SECRET_KEY: stoklySecret });
    expect(rotated.secrets).toEqual({ stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey });
    expect(await store.load()).toEqual({ stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey });
  });

  it('without OS encryption it refuses to save and writes nothing', async () => {
    const fake = new FakeSafeStorage();
    fake.available = false;
    const store = new SecretStore(path, fake);
    await expect(store.save({ stoklySecretKey: stoklySecret })).rejects.toBeInstanceOf(SecretStoreError);
    const loaded = await store.loadAdoptingEnv({ SHELFBRIDGE_STOKLY_SECRET_KEY: stoklySecret });
    expect(loaded.secrets).toEqual({ stoklySecretKey: stoklySecret });
    expect(loaded.warning).toMatch(/not saved/);
    expect(existsSync(path)).toBe(false);
  });

  it("treats Linux's basic_text backend (a fixed key) as no encryption", async () => {
    const store = new SecretStore(path, withBackend(new FakeSafeStorage(), 'basic_text'));
    expect(await store.canEncrypt()).toBe(false);
    await store.loadAdoptingEnv({ SHELFBRIDGE_STOKLY_SECRET_KEY: stoklySecret });
    expect(existsSync(path)).toBe(false);
    expect(await new SecretStore(path, withBackend(new FakeSafeStorage(), 'gnome_libsecret')).canEncrypt()).toBe(true);
  });

  it('a file it cannot decrypt does not stop the app: the environment is used and stored anew', async () => {
    writeFileSync(path, 'garbage from another profile');
    const store = new SecretStore(path, new FakeSafeStorage());
    const loaded = await store.loadAdoptingEnv({ SHELFBRIDGE_STOKLY_SECRET_KEY: stoklySecret });
    expect(loaded.secrets).toEqual({ stoklySecretKey: stoklySecret });
    expect(loaded.warning).toMatch(/could not be read/);
    expect(await store.load()).toEqual({ stoklySecretKey: stoklySecret });
  });

  it('re-encrypts when the OS says its key was rotated', async () => {
    const fake = new FakeSafeStorage();
    const store = new SecretStore(path, fake);
    await store.save({ stoklySecretKey: stoklySecret });
    fake.reEncrypt = true;
    const before = fake.encryptCalls;
    await store.load();
    expect(fake.encryptCalls).toBe(before + 1);
  });

  it('refuses a decrypted file that is not a secrets document', async () => {
    const fake = new FakeSafeStorage();
    writeFileSync(path, await fake.encryptStringAsync(JSON.stringify({ password: 'x' })));
    await expect(new SecretStore(path, fake).load()).rejects.toBeInstanceOf(SecretStoreError);
  });

  it('Settings replaces one secret, keeps the others, and only says which are set', async () => {
    const store = new SecretStore(path, new FakeSafeStorage());
    expect(await store.presence()).toEqual({ stoklySecretKey: false, cloudshelfApiKey: false });
    await store.save({ stoklySecretKey: 'old-secret', cloudshelfApiKey: cloudshelfKey });
    await store.replace({ stoklySecretKey: `  ${stoklySecret}  `, cloudshelfApiKey: '' });
    expect(await store.load()).toEqual({ stoklySecretKey: stoklySecret, cloudshelfApiKey: cloudshelfKey });
    expect(await store.presence()).toEqual({ stoklySecretKey: true, cloudshelfApiKey: true });
    expectNoPlainText();
  });

  it('Settings refuses to store a secret without real encryption', async () => {
    const fake = new FakeSafeStorage();
    fake.available = false;
    await expect(new SecretStore(path, fake).replace({ stoklySecretKey: stoklySecret })).rejects.toBeInstanceOf(SecretStoreError);
    expect(existsSync(path)).toBe(false);
  });

  it('creates the personal-data key once, keeps it encrypted, and hands the same one back', async () => {
    const store = new SecretStore(path, new FakeSafeStorage());
    await store.save({ stoklySecretKey: stoklySecret });
    const key = await store.generatedKey('personalDataKey');
    expect(key).not.toBeNull();
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(readFileSync(path).includes(Buffer.from(key ?? ''))).toBe(false);
    expect(await new SecretStore(path, new FakeSafeStorage()).generatedKey('personalDataKey')).toBe(key);
    const loaded = await store.loadAdoptingEnv({});
    expect(loaded.secrets).toEqual({ stoklySecretKey: stoklySecret, personalDataKey: key });
    // Entering secrets later keeps the key: losing it would lose unsent customers' details.
    await store.replace({ cloudshelfApiKey: cloudshelfKey });
    expect((await store.load()).personalDataKey).toBe(key);
  });

  it('creates no personal-data key it could not keep', async () => {
    const fake = withBackend(new FakeSafeStorage(), 'basic_text');
    expect(await new SecretStore(path, fake).generatedKey('personalDataKey')).toBeNull();
    expect(existsSync(path)).toBe(false);
  });
});
