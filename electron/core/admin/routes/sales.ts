import { z } from 'zod';
import { saleDetailSchema, salesPageSchema, salesQuerySchema } from '../../../../shared/sales-api.js';
import { currencyExponent } from '../../../../shared/money.js';
import type { CustomerDataView } from '../../../../shared/delivery.js';
import type { SalesFilter, SalesSearchRepo } from '../../db/sales-search-repo.js';
import { DomainError } from '../../domain-errors.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { dayWindow } from '../../reconcile/trading-day.js';
import { adminErrors } from '../responses.js';

export interface SalesRouteDeps {
  sales: SalesSearchRepo;
  timeZone: string;
  /** The store's currency (how many decimals an amount typed in the search has); null before a catalogue pull. */
  currency(): string | null;
  /** Endless aisle: held (masked), erased or unreadable customer details; never the details. */
  customerData(saleId: string): CustomerDataView | null;
}

/** "12.50", "£12.50", "12" → minor units in `currency`; null when the text is not an amount. */
export function amountOf(text: string, currency: string): number | null {
  const m = /^[^\d\s.,-]?\s*(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(text);
  if (!m) return null;
  const exponent = currencyExponent(currency);
  const fraction = m[2] ?? '';
  if (fraction.length > exponent) return null;
  return Number(m[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** `GET /api/sales` (search, paged on the server) and `GET /api/sales/:saleId` (one sale's story). */
export function salesRoutes(deps: SalesRouteDeps): RouteModule {
  return (app) => {
    app.get('/api/sales', { schema: { querystring: salesQuerySchema, response: { 200: salesPageSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => {
      const { q, kiosk, day, limit, offset } = request.query;
      const text = q && q.length > 0 ? q : null;
      const window = day ? dayWindow(day, deps.timeZone) : null;
      const filter: SalesFilter = {
        text,
        amount: text === null ? null : amountOf(text, deps.currency() ?? 'GBP'),
        kioskId: kiosk ?? null,
        receivedFrom: window ? new Date(window.start).toISOString() : null,
        receivedTo: window ? new Date(window.end).toISOString() : null,
      };
      return deps.sales.search(filter, limit, offset);
    });
    app.get('/api/sales/:saleId', { schema: { params: z.object({ saleId: z.string().min(1).max(200) }), response: { 200: saleDetailSchema, ...errorResponses(404), ...adminErrors } } }, async (request) => {
      const detail = deps.sales.detail(request.params.saleId);
      if (!detail) throw new DomainError('not_found', 'no_such_sale', `No sale ${request.params.saleId} was received.`);
      return { ...detail, customerData: deps.customerData(request.params.saleId) };
    });
  };
}
