import { z } from 'zod';

/**
 * The desktop Settings screen (Electron only): what the shell shows and what it accepts.
 * Secrets go in and never come back out; the screen only learns whether each is set.
 */

/** Where an entered secret comes from: the environment wins over the stored one each start. */
export const secretStateSchema = z.enum(['stored', 'environment', 'missing']);
export type SecretState = z.infer<typeof secretStateSchema>;

/** The configuration values safe to show staff: no secret, token or token hash. */
export const safeSettingsSchema = z.object({
  storeId: z.string(),
  dataDir: z.string(),
  kioskApi: z.object({ host: z.string(), port: z.number(), kiosksInFile: z.number() }),
  adminApi: z.object({ host: z.string(), port: z.number() }),
  stokly: z.object({ baseUrl: z.string(), accountKey: z.string(), locationId: z.string(), channelId: z.string() }),
  cloudshelf: z.object({ apiUrl: z.string(), locationId: z.string() }).nullable(),
  backup: z.object({ schedule: z.string(), keep: z.number() }),
  updates: z.object({
    enabled: z.boolean(),
    feedUrl: z.string().nullable(),
    channel: z.enum(['stable', 'beta']),
    maintenanceWindow: z.object({ start: z.string(), end: z.string(), timeZone: z.string() }),
  }),
  logLevel: z.string(),
});
export type SafeSettings = z.infer<typeof safeSettingsSchema>;

export const desktopSettingsSchema = z.object({
  configPath: z.string(),
  version: z.string(),
  /** Null with the reason when the configuration file cannot be read. */
  settings: safeSettingsSchema.nullable(),
  configError: z.string().nullable(),
  secrets: z.object({ stoklySecretKey: secretStateSchema, cloudshelfApiKey: secretStateSchema }),
  /** False when the OS has no secret store (e.g. Linux without a keyring): nothing can be saved. */
  canStoreSecrets: z.boolean(),
  /** A downloaded update waiting to install, and why it waits. */
  pendingUpdate: z.object({ version: z.string(), reason: z.string() }).nullable(),
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/** What the Settings screen sends: only the secrets typed in; an empty field keeps the stored one. */
export const secretsInputSchema = z.strictObject({
  stoklySecretKey: z.string().trim().min(1).max(4_096).optional(),
  cloudshelfApiKey: z.string().trim().min(1).max(4_096).optional(),
}).refine((v) => v.stoklySecretKey !== undefined || v.cloudshelfApiKey !== undefined, 'enter at least one secret');
export type SecretsInput = z.infer<typeof secretsInputSchema>;
