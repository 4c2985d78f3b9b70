import { productSearchQuerySchema, productSearchSchema, storeFactsSchema, type PaymentMethod, type StoreFacts } from '../../../../shared/window-api.js';
import type { Config } from '../../config.js';
import { tenderMapping } from '../../config.js';
import type { KiosksRepo } from '../../db/kiosks-repo.js';
import type { MappingsRepo } from '../../db/mappings-repo.js';
import type { ProductSearchRepo } from '../../db/product-search-repo.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { adminErrors } from '../responses.js';

export interface WindowRouteDeps {
  config: Config;
  products: ProductSearchRepo;
  mappings: MappingsRepo;
  kiosks: KiosksRepo;
}

/**
 * Every kiosk the store has: IT's from the configuration, then those enrolled from the
 * window (revoked ones too: their sales stay in the history the pickers filter).
 */
export function storeKiosks(config: Config, enrolled: KiosksRepo): StoreFacts['kiosks'] {
  const fromConfig = config.kioskApi.kiosks.map((k) => ({ id: k.id, name: k.name ?? null }));
  const known = new Set(fromConfig.map((k) => k.id));
  return [...fromConfig, ...enrolled.all().filter((k) => !known.has(k.id)).map((k) => ({ id: k.id, name: k.name }))];
}

/** Payment methods the store knows: from the configuration (IT's) and mapped from the window, by code. */
export function paymentMethods(config: Config, mappings: MappingsRepo): PaymentMethod[] {
  const byMethod = new Map<number, { ledgers: Set<string>; tenders: Set<string> }>();
  const add = (tender: string, method: number, ledger: string | null): void => {
    const entry = byMethod.get(method) ?? { ledgers: new Set(), tenders: new Set() };
    if (ledger) entry.ledgers.add(ledger);
    entry.tenders.add(tender);
    byMethod.set(method, entry);
  };
  for (const tender of Object.keys(config.tenders)) {
    const mapped = tenderMapping(config, tender);
    if (mapped) add(tender, mapped.method, mapped.ledger);
  }
  for (const t of mappings.tenders()) if (!(t.tender in config.tenders)) add(t.tender, t.method, t.ledger);
  return [...byMethod.entries()]
    .sort(([a], [b]) => a - b)
    .map(([method, e]) => ({ method, ledgers: [...e.ledgers], tenders: [...e.tenders].sort() }));
}

/** `GET /api/products` (the SKU picker) and `GET /api/store` (names, currency, time zone, tenders). */
export function windowRoutes(deps: WindowRouteDeps): RouteModule {
  const facts = (): StoreFacts => ({
    storeId: deps.config.storeId,
    timeZone: deps.config.reconciliation.timeZone,
    currency: deps.products.currency(),
    supportContact: deps.config.window.supportContact ?? null,
    kiosks: storeKiosks(deps.config, deps.kiosks),
    paymentMethods: paymentMethods(deps.config, deps.mappings),
  });
  return (app) => {
    app.get('/api/products', { schema: { querystring: productSearchQuerySchema, response: { 200: productSearchSchema, ...errorResponses(400), ...adminErrors } } }, async (request) =>
      deps.products.search(request.query.q, request.query.limit, request.query.offset));
    app.get('/api/store', { schema: { response: { 200: storeFactsSchema, ...adminErrors } } }, async () => facts());
  };
}
