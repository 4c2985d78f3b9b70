import { z } from 'zod';
import { idSchema } from './ids.js';

/** Kiosk enrolment on the admin API: enrol (token shown once), list, revoke. */

export const enrolKioskSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1, 'give the kiosk a name staff recognise, e.g. "Entrance"').max(100),
});
export type EnrolKiosk = z.infer<typeof enrolKioskSchema>;

/** The only time the token exists outside the kiosk: the agent keeps its SHA-256. */
export const enrolledKioskSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
});
export type EnrolledKiosk = z.infer<typeof enrolledKioskSchema>;

export const kioskItemSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** "enrolled": from the staff window, can be revoked there; "config": fixed in the configuration file. */
  source: z.enum(['enrolled', 'config']),
  enrolledAt: z.string().nullable(),
  /** Its last authenticated request since the agent started, else its latest sale. */
  lastSeenAt: z.string().nullable(),
  salesToday: z.number().int().min(0),
});
export type KioskItem = z.infer<typeof kioskItemSchema>;

export const kioskListSchema = z.object({ items: z.array(kioskItemSchema) });
export type KioskList = z.infer<typeof kioskListSchema>;

export const kioskIdParamsSchema = z.object({ id: idSchema });

export const revokedKioskSchema = z.object({ id: z.string(), revokedAt: z.string() });
export type RevokedKiosk = z.infer<typeof revokedKioskSchema>;
