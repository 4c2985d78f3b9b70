import { z } from 'zod';

/** GET /api/alerts: the agent's alerts, newest first, with the fate of their webhook messages. */

export const deliveryStateSchema = z.enum(['delivered', 'waiting', 'not_sent']);

export const alertItemSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  title: z.string(),
  body: z.string(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The webhook message for the opening and the resolution; not_sent: no webhook configured (or not resolved yet). */
  webhook: z.object({
    opened: deliveryStateSchema,
    resolved: deliveryStateSchema,
    lastError: z.string().nullable(),
  }),
});
export type AlertItem = z.infer<typeof alertItemSchema>;

export const alertListSchema = z.object({ alerts: z.array(alertItemSchema), webhookConfigured: z.boolean() });
export type AlertList = z.infer<typeof alertListSchema>;
