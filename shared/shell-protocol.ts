import { z } from 'zod';

/**
 * Messages between the Electron shell and the agent core running in a utilityProcess.
 * Both sides parse with these schemas: nothing is called by name from the other side.
 */
export const shellToCoreSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    configPath: z.string(),
    secrets: z.object({
      stoklySecretKey: z.string().optional(),
      cloudshelfApiKey: z.string().optional(),
      /** From the shell's secret store (electron/shell/secret-store.ts); absent without one. */
      personalDataKey: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('stop') }),
  /** A database backup now (before an update installs); answered by backup-done/failed with the id. */
  z.object({ type: z.literal('backup'), id: z.number().int() }),
]);
export type ShellToCore = z.infer<typeof shellToCoreSchema>;

export const coreToShellSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), adminUrl: z.string(), adminToken: z.string() }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
  z.object({ type: z.literal('alert'), title: z.string(), body: z.string() }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('backup-done'), id: z.number().int(), path: z.string() }),
  z.object({ type: z.literal('backup-failed'), id: z.number().int(), message: z.string() }),
]);
export type CoreToShell = z.infer<typeof coreToShellSchema>;
