import { z } from 'zod';
import { acknowledgeFlagSchema, flagItemSchema, flagPageQuerySchema, flagPageSchema, type FlagItem } from '../../../../shared/flags-api.js';
import type { AuditRepo } from '../../db/audit-repo.js';
import type { FlagRow, FlagsRepo } from '../../db/flags-repo.js';
import { DomainError } from '../../domain-errors.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { dayWindow } from '../../reconcile/trading-day.js';
import { adminErrors } from '../responses.js';

export interface FlagRouteDeps {
  flags: FlagsRepo;
  audit: AuditRepo;
  timeZone: string;
  clock: { now(): number };
  /** A SKU's product name, shown beside it. */
  productName(sku: string): string | null;
}

/**
 * Oversold, price and tax divergence, unknown and inactive SKUs: listed for retail ops by day,
 * counted as listed, paged; acknowledged by name with a note (audited on the sale).
 */
export function flagRoutes(deps: FlagRouteDeps): RouteModule {
  const toItem = (r: FlagRow): FlagItem => ({
    id: r.id, saleId: r.saleId, kioskId: r.kioskId, flag: r.flag, sku: r.sku, productName: r.sku === null ? null : deps.productName(r.sku),
    detail: r.detail, createdAt: new Date(r.createdAt).toISOString(),
    acknowledged: r.acknowledged ? { by: r.acknowledged.by, at: new Date(r.acknowledged.at).toISOString(), note: r.acknowledged.note } : null,
  });
  return (app) => {
    app.get('/api/flags', { schema: { querystring: flagPageQuerySchema, response: { 200: flagPageSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => {
      const { flag, day, state, limit, offset } = request.query;
      const window = day ? dayWindow(day, deps.timeZone) : null;
      const page = deps.flags.page({ flag: flag ?? null, from: window?.start ?? null, to: window?.end ?? null, state }, limit, offset);
      return { ...page, items: page.items.map(toItem) };
    });
    app.post('/api/flags/:id/acknowledge', {
      schema: { params: z.object({ id: z.coerce.number().int().positive() }), body: acknowledgeFlagSchema, response: { 200: flagItemSchema, ...errorResponses(400, 404, 409), ...adminErrors } },
    }, async (request) => {
      const { id } = request.params;
      const before = deps.flags.get(id);
      if (!before) throw new DomainError('not_found', 'no_such_flag', `There is no flag ${id}.`);
      const note = request.body.note && request.body.note.length > 0 ? request.body.note : null;
      const now = deps.clock.now();
      if (!deps.flags.acknowledge(id, request.body.actor, note, now)) {
        throw new DomainError('conflict', 'already_acknowledged', `Flag ${id} was already acknowledged by ${before.acknowledged?.by ?? 'someone'}.`);
      }
      deps.audit.append({
        at: now, actor: request.body.actor, action: 'flag_acknowledged', subjectKind: 'sale', subjectRef: before.saleId,
        after: { flag: before.flag, sku: before.sku }, ...(note ? { detail: note } : {}),
      });
      const after = deps.flags.get(id);
      if (!after) throw new DomainError('not_found', 'no_such_flag', `There is no flag ${id}.`);
      return toItem(after);
    });
  };
}
