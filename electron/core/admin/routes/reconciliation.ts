import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  reconciliationReportSchema, reconciliationVersionsSchema, tradingDaySchema, type ReconciliationReport,
} from '../../../../shared/reconciliation.js';
import { DomainError } from '../../domain-errors.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import { adminErrors } from '../responses.js';
import { reportToCsv } from '../../reconcile/csv.js';
import type { Reconciler } from '../../reconcile/reconciler.js';
import { isTradingDay } from '../../reconcile/trading-day.js';
import { StoklyHttpError, StoklyNetworkError, StoklyResponseError } from '../../stokly/errors.js';

const logger = scopedLogger('admin-reconciliation');

const params = z.object({ day: tradingDaySchema.refine(isTradingDay, 'is not a calendar day') });
const query = z.object({ version: z.coerce.number().int().positive().optional() });
/** No such version or the day has not started (404); Stok.ly unreadable and nothing stored (503). */
const reportErrors = { ...errorResponses(400, 404, 503), ...adminErrors };
/** The CSV is sent as text, so no serializer checks it; it is declared for completeness. */
const csvSchema = z.string().describe('text/csv');

/**
 * `GET /api/reconciliation/<day>` builds the day now (on demand) and answers its latest version;
 * `?version=N` answers a stored version without building. If Stok.ly cannot be read, the latest
 * stored version is answered with an `x-reconciliation-stale` header saying why.
 */
export function reconciliationRoutes(reconciler: Reconciler): RouteModule {
  const report = async (day: string, version: number | undefined, reply: FastifyReply): Promise<ReconciliationReport> => {
    if (version !== undefined) {
      const stored = reconciler.version(day, version);
      if (!stored) throw new DomainError('not_found', 'not_found', `${day} has no reconciliation version ${version}; see /api/reconciliation/${day}/versions.`);
      return stored;
    }
    try {
      return await reconciler.build(day);
    } catch (err) {
      if (!(err instanceof StoklyNetworkError || err instanceof StoklyHttpError || err instanceof StoklyResponseError)) throw err;
      logger.warn(`${day}: could not read Stok.ly: ${err.message}`);
      const stored = reconciler.latest(day);
      if (!stored) throw new DomainError('unavailable', 'stokly_unavailable', `Stok.ly could not be read (${err.message}) and ${day} has no stored report yet. Retry later.`);
      void reply.header('x-reconciliation-stale', `Stok.ly could not be read; version ${stored.version} as checked at ${stored.checkedAt}`);
      return stored;
    }
  };

  return (app) => {
    app.get('/api/reconciliation/:day', { schema: { params, querystring: query, response: { 200: reconciliationReportSchema, ...reportErrors } } },
      async (request, reply) => report(request.params.day, request.query.version, reply));

    app.get('/api/reconciliation/:day.csv', { schema: { params, querystring: query, response: { 200: csvSchema, ...reportErrors } } }, async (request, reply) => {
      const r = await report(request.params.day, request.query.version, reply);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="reconciliation-${r.storeId.replace(/[^A-Za-z0-9._-]/g, '_')}-${r.day}-v${r.version}.csv"`)
        .send(reportToCsv(r));
    });

    app.get('/api/reconciliation/:day/versions', { schema: { params, response: { 200: reconciliationVersionsSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => ({
      day: request.params.day,
      versions: reconciler.versions(request.params.day),
    }));
  };
}
