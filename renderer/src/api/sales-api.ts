import { saleDetailSchema, salesPageSchema, type SaleDetail, type SalesPage } from '../../../shared/sales-api.js';
import type { Transport } from './transport.js';

export interface SalesSearch {
  q: string;
  kiosk: string | null;
  day: string | null;
}

export interface SalesApi {
  /** One page of sales, newest first, matching the search. */
  sales(search: SalesSearch, limit: number, offset: number): Promise<SalesPage>;
  /** One sale with its timeline (a 404 error when the agent has no such sale). */
  sale(saleId: string): Promise<SaleDetail>;
}

export function salesApi(t: Transport): SalesApi {
  return {
    sales: (search, limit, offset) => {
      const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
      if (search.q.trim()) query.set('q', search.q.trim());
      if (search.kiosk) query.set('kiosk', search.kiosk);
      if (search.day) query.set('day', search.day);
      return t.get(`/api/sales?${query.toString()}`, salesPageSchema);
    },
    sale: (saleId) => t.get(`/api/sales/${encodeURIComponent(saleId)}`, saleDetailSchema),
  };
}
