import { z } from 'zod';
import { storeFactsSchema, type StoreFacts } from '../../../shared/window-api.js';

/**
 * The store's facts (name, time zone, currency, support contact) as last fetched, kept in
 * localStorage so a window reloaded while the agent is down still says whom to call. Nothing
 * secret: the admin token stays in sessionStorage only.
 */
export const rememberedFactsKey = 'shelfbridge.storeFacts';

const rememberedSchema = z.object({ savedAt: z.number(), facts: storeFactsSchema });
export type RememberedFacts = z.infer<typeof rememberedSchema>;

export interface FactsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function rememberFacts(storage: FactsStorage, facts: StoreFacts, savedAt: number): void {
  try {
    storage.setItem(rememberedFactsKey, JSON.stringify({ savedAt, facts } satisfies RememberedFacts));
  } catch {
    // Storage full or refused (private mode): the window works without it.
  }
}

/** The kept facts, or null when there are none or they are not of this version's shape. */
export function recalledFacts(storage: FactsStorage): RememberedFacts | null {
  try {
    const raw = storage.getItem(rememberedFactsKey);
    if (raw === null) return null;
    const parsed = rememberedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
