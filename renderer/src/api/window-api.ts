import { productSearchSchema, storeFactsSchema, type ProductSearch, type StoreFacts } from '../../../shared/window-api.js';
import type { Transport } from './transport.js';

export interface WindowApi {
  /** The product master by any part of SKU, name or barcode. */
  products(q: string, limit: number, offset: number): Promise<ProductSearch>;
  /** Names, currency, time zone, support contact and payment methods of this store. */
  store(): Promise<StoreFacts>;
}

export function windowApi(t: Transport): WindowApi {
  return {
    products: (q, limit, offset) => t.get(`/api/products?${new URLSearchParams({ q, limit: String(limit), offset: String(offset) }).toString()}`, productSearchSchema),
    store: () => t.get('/api/store', storeFactsSchema),
  };
}
