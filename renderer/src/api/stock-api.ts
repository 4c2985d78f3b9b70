import { saleFlagListSchema, type SaleFlagItem, type SyncKind } from '../../../shared/admin-api.js';
import { syncResultSchema } from './schemas.js';
import type { Transport } from './transport.js';

/** The pulls the Stock tab offers. */
export type SyncJob = Extract<SyncKind, 'stock' | 'catalog'>;

export interface StockApi {
  /** Flags raised on sales, newest first; all kinds when `flag` is null. */
  flags(flag: string | null, limit?: number): Promise<SaleFlagItem[]>;
  /** Runs the pull now and resolves when it has finished. */
  syncNow(job: SyncJob): Promise<void>;
}

export function stockApi(t: Transport): StockApi {
  return {
    flags: async (flag, limit = 200) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (flag) query.set('flag', flag);
      return (await t.get(`/api/flags?${query.toString()}`, saleFlagListSchema)).items;
    },
    syncNow: async (job) => {
      await t.postEmpty(`/api/sync/${job}`, syncResultSchema);
    },
  };
}
