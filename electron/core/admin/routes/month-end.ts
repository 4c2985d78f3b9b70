import { z } from 'zod';
import {
  checklistSchema, checkTickInputSchema, monthSchema, monthSignOffInputSchema, monthTakingsSchema, movementListSchema, movementQuerySchema,
  type MovementList,
} from '../../../../shared/month-end.js';
import { ApiError } from '../../http/api-error.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { CheckPeriodError, type ChecklistService } from '../../month-end/checklist.js';
import { MonthNotStartedError, type MonthTakingsService } from '../../month-end/month-takings.js';
import { movementsToCsv } from '../../month-end/movements-csv.js';
import { monthToCsv } from '../../reconcile/month-csv.js';
import { isTradingDay } from '../../reconcile/trading-day.js';
import { adminErrors } from '../responses.js';

const monthParams = z.object({ month: monthSchema });
const dayQuery = z.object({ day: z.string().refine(isTradingDay, 'must be a day such as 2026-11-26').optional() });

export interface MonthEndRouteDeps {
  takings: MonthTakingsService;
  checklist: ChecklistService;
  movements(from: string, to: string): MovementList;
}

/** A month not started yet is a 404; a malformed month, day or body a 400. */
const monthErrors = { ...errorResponses(400, 404), ...adminErrors };
const queryErrors = { ...errorResponses(400), ...adminErrors };
/** CSV is sent as text, so no serializer checks it; declared for completeness. */
const csvSchema = z.string().describe('text/csv');

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');

/** Month end: the month's takings and sign-off, stock movements, the checklist. */
export function monthEndRoutes(deps: MonthEndRouteDeps, storeId: string): RouteModule {
  const month = async (m: string) => {
    try {
      return await deps.takings.month(m);
    } catch (err) {
      if (err instanceof MonthNotStartedError) throw new ApiError(404, 'month_not_started', err.message);
      throw err;
    }
  };
  const movements = (q: { from: string; to: string }): MovementList => {
    if (!isTradingDay(q.from) || !isTradingDay(q.to)) throw new ApiError(400, 'invalid_request', 'from and to must be calendar days such as 2026-11-01.');
    if (q.to < q.from) throw new ApiError(400, 'invalid_request', `to (${q.to}) is before from (${q.from}).`);
    return deps.movements(q.from, q.to);
  };
  const checkError = (err: unknown): never => {
    if (err instanceof CheckPeriodError) throw new ApiError(400, 'invalid_request', err.message);
    throw err;
  };

  return (app) => {
    app.get('/api/reconciliation/month/:month', { schema: { params: monthParams, response: { 200: monthTakingsSchema, ...monthErrors } } },
      async (request) => month(request.params.month));

    app.get('/api/reconciliation/month/:month.csv', { schema: { params: monthParams, response: { 200: csvSchema, ...monthErrors } } }, async (request, reply) => {
      const m = await month(request.params.month);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="takings-${safeName(storeId)}-${m.month}.csv"`)
        .send(monthToCsv(m));
    });

    app.post('/api/reconciliation/month/:month/signoff', { schema: { params: monthParams, body: monthSignOffInputSchema, response: { 200: monthTakingsSchema, ...errorResponses(413, 415), ...monthErrors } } },
      async (request) => {
        await month(request.params.month); // 404 before anything is recorded
        return deps.takings.signOff(request.params.month, request.body);
      });

    app.get('/api/stock-movements', { schema: { querystring: movementQuerySchema, response: { 200: movementListSchema, ...queryErrors } } },
      async (request) => movements(request.query));

    app.get('/api/stock-movements.csv', { schema: { querystring: movementQuerySchema, response: { 200: csvSchema, ...queryErrors } } }, async (request, reply) => {
      const list = movements(request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="stock-movements-${safeName(storeId)}-${list.from}-to-${list.to}.csv"`)
        .send(movementsToCsv(list));
    });

    app.get('/api/checks', { schema: { querystring: dayQuery, response: { 200: checklistSchema, ...queryErrors } } }, async (request) => {
      try {
        return deps.checklist.list(request.query.day);
      } catch (err) {
        return checkError(err);
      }
    });

    app.post('/api/checks', { schema: { body: checkTickInputSchema, response: { 200: checklistSchema, ...errorResponses(413, 415), ...queryErrors } } }, async (request) => {
      try {
        return deps.checklist.tick(request.body);
      } catch (err) {
        return checkError(err);
      }
    });
  };
}
