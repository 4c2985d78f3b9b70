import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** The async part of Electron's `safeStorage` the store needs (sync calls are deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: `basic_text` means no keyring, i.e. a fixed key — no better than plain text. */
  getSelectedStorageBackend?(): string;
}

const secretsSchema = z.strictObject({
  stoklySecretKey: z.string().min(1).optional(),
  cloudshelfApiKey: z.string().min(1).optional(),
});
export type ShellSecrets = z.infer<typeof secretsSchema>;

/** Environment variables IT may set on first run; the shell then keeps them encrypted. */
export const secretEnvVars = {
  stoklySecretKey: 'SHELFBRIDGE_STOKLY_SECRET_KEY',
  cloudshelfApiKey: 'SHELFBRIDGE_CLOUDSHELF_API_KEY',
} as const satisfies Record<keyof ShellSecrets, string>;

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
    for (const [key, name] of Object.entries(secretEnvVars) as Array<[keyof ShellSecrets, string]>) {
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
    const changed = (Object.keys(fromEnv) as Array<keyof ShellSecrets>).some((k) => stored[k] !== fromEnv[k]);
    if (changed) await this.save(merged);
    return { secrets: merged, warning };
  }
}
