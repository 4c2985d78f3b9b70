import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The async part of Electron's `safeStorage` the store needs (sync calls are deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: `basic_text` means no keyring, i.e. a fixed key — no better than plain text. */
  getSelectedStorageBackend?(): string;
}

/** A 256-bit key, base64: what `generatedKey` creates (AES-256-GCM in the core). */
const generatedKeySchema = z.base64().refine((b64) => Buffer.from(b64, 'base64').length === 32, 'a 32-byte key');

const secretsSchema = z.strictObject({
  stoklySecretKey: z.string().min(1).optional(),
  cloudshelfApiKey: z.string().min(1).optional(),
  /** Encrypts customers' personal data in the database; created by the shell, never typed in. */
  personalDataKey: generatedKeySchema.optional(),
});
export type ShellSecrets = z.infer<typeof secretsSchema>;

/** The secrets a person enters (Settings screen, environment); the others the shell creates. */
export const enterableSecrets = ['stoklySecretKey', 'cloudshelfApiKey'] as const;
export type EnterableSecret = (typeof enterableSecrets)[number];
/** Keys the shell creates once and keeps; a person never sees them. */
export type GeneratedSecret = Exclude<keyof ShellSecrets, EnterableSecret>;

/** Environment variables IT may set on first run; the shell then keeps them encrypted. */
export const secretEnvVars = {
  stoklySecretKey: 'SHELFBRIDGE_STOKLY_SECRET_KEY',
  cloudshelfApiKey: 'SHELFBRIDGE_CLOUDSHELF_API_KEY',
} as const satisfies Record<EnterableSecret, string>;

export interface LoadedSecrets {
  secrets: ShellSecrets;
  /** Set when secrets could not be kept encrypted (they are used this run, never written). */
  warning: string | null;
}

export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}

/**
 * The Stok.ly and Cloudshelf secrets, encrypted with the OS secret store (DPAPI, Keychain,
 * libsecret) in one file in userData. Nothing is ever written unencrypted: without real
 * encryption the store refuses to save, and the secrets live only in memory for this run.
 */
export class SecretStore {
  constructor(
    private readonly path: string,
    private readonly crypto: SafeStorageLike,
  ) {}

  async canEncrypt(): Promise<boolean> {
    if (this.crypto.getSelectedStorageBackend?.() === 'basic_text') return false;
    return this.crypto.isAsyncEncryptionAvailable();
  }

  async load(): Promise<ShellSecrets> {
    if (!existsSync(this.path)) return {};
    const { result, shouldReEncrypt } = await this.crypto.decryptStringAsync(readFileSync(this.path));
    let parsed: ShellSecrets;
    try {
      parsed = secretsSchema.parse(JSON.parse(result));
    } catch {
      throw new SecretStoreError(`${this.path} does not hold Shelfbridge secrets; delete it and set them again`);
    }
    if (shouldReEncrypt) await this.save(parsed);
    return parsed;
  }

  async save(secrets: ShellSecrets): Promise<void> {
    if (!(await this.canEncrypt())) {
      throw new SecretStoreError('the OS secret store is not available, so secrets cannot be saved encrypted');
    }
    const encrypted = await this.crypto.encryptStringAsync(JSON.stringify(secretsSchema.parse(secrets)));
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    // Write then rename, so a power cut never leaves half a file.
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, encrypted, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.path);
  }

  /**
   * The secrets for this run: stored ones, overridden by any given in the environment
   * (first run, or IT rotating a key), which are then stored encrypted.
   */
  async loadAdoptingEnv(env: Record<string, string | undefined>): Promise<LoadedSecrets> {
    const fromEnv: ShellSecrets = {};
    for (const [key, name] of Object.entries(secretEnvVars) as Array<[EnterableSecret, string]>) {
      const value = env[name]?.trim();
      if (value) fromEnv[key] = value;
    }
    if (!(await this.canEncrypt())) {
      return { secrets: fromEnv, warning: 'OS secret store unavailable: secrets come from the environment each run and are not saved' };
    }
    let stored: ShellSecrets = {};
    let warning: string | null = null;
    try {
      stored = await this.load();
    } catch (err) {
      // A new OS profile or keyring cannot decrypt the old file: carry on with the environment.
      warning = `stored secrets could not be read (${(err as Error).message}); using the environment`;
    }
    const merged: ShellSecrets = { ...stored, ...fromEnv };
    const changed = (Object.keys(fromEnv) as EnterableSecret[]).some((k) => stored[k] !== fromEnv[k]);
    if (changed) await this.save(merged);
    return { secrets: merged, warning };
  }

  /**
   * Enters or replaces secrets (the Settings screen); the others stay as they are. Refuses
   * without real encryption: a secret typed in must never land on disk readable.
   */
  async replace(values: Partial<Record<EnterableSecret, string>>): Promise<ShellSecrets> {
    const current = await this.load();
    const next: ShellSecrets = { ...current };
    for (const key of enterableSecrets) {
      const value = values[key]?.trim();
      if (value) next[key] = value;
    }
    await this.save(next);
    return next;
  }

  /** Which entered secrets are stored: yes or no only, never the values (for the Settings screen). */
  async presence(): Promise<Record<EnterableSecret, boolean>> {
    let stored: ShellSecrets = {};
    try {
      stored = await this.load();
    } catch {
      // An unreadable file holds nothing usable: the screen offers to enter them again.
    }
    return { stoklySecretKey: Boolean(stored.stoklySecretKey), cloudshelfApiKey: Boolean(stored.cloudshelfApiKey) };
  }

  /**
   * A key the shell creates on first use and keeps encrypted (e.g. `personalDataKey`, handed
   * to the core in the start message). Null when the OS secret store is unavailable: a key
   * that cannot be kept would change every run, so the core uses its own key file instead.
   */
  async generatedKey(name: GeneratedSecret): Promise<string | null> {
    if (!(await this.canEncrypt())) return null;
    const current = await this.load();
    const existing = current[name];
    if (existing) return existing;
    const created = randomBytes(32).toString('base64');
    await this.save({ ...current, [name]: created });
    return created;
  }
}
