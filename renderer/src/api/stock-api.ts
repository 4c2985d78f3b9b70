import type { SyncKind } from '../../../shared/admin-api.js';
import { flagItemSchema, flagPageSchema, type FlagItem, type FlagPage, type FlagState } from '../../../shared/flags-api.js';
import { syncResultSchema } from './schemas.js';
import type { Transport } from './transport.js';

/** The pulls the Stock tab offers. */
export type SyncJob = Extract<SyncKind, 'stock' | 'catalog'>;

export interface FlagSearch {
  /** One kind, or every kind when null. */
  flag: string | null;
  /** A trading day, or every day when null. */
  day: string | null;
  state: FlagState;
}

export interface StockApi {
  /** A page of flags raised on sales, newest first, with counts that match the list. */
  flags(search: FlagSearch, limit: number, offset: number): Promise<FlagPage>;
  acknowledgeFlag(id: number, actor: string, note: string): Promise<FlagItem>;
  /** Runs the pull now and resolves when it has finished. */
  syncNow(job: SyncJob): Promise<void>;
}

export function stockApi(t: Transport): StockApi {
  return {
    flags: (search, limit, offset) => {
      const query = new URLSearchParams({ limit: String(limit), offset: String(offset), state: search.state });
      if (search.flag) query.set('flag', search.flag);
      if (search.day) query.set('day', search.day);
      return t.get(`/api/flags?${query.toString()}`, flagPageSchema);
    },
    acknowledgeFlag: (id, actor, note) =>
      t.postJson(`/api/flags/${encodeURIComponent(String(id))}/acknowledge`, { actor, ...(note.trim() ? { note: note.trim() } : {}) }, flagItemSchema),
    syncNow: async (job) => {
      await t.postEmpty(`/api/sync/${job}`, syncResultSchema);
    },
  };
}
