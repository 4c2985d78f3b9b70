import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorBodySchema } from '../../../shared/kiosk-api.js';
import { scopedLogger } from '../logging/logger.js';
import { ApiError } from './api-error.js';

const logger = scopedLogger('http-contract');

type ErrorResponses<C extends number> = { [K in C]: typeof errorBodySchema };

/** The error body for each listed status code, to spread into a route's `response` map. */
export function errorResponses<C extends number>(...codes: C[]): ErrorResponses<C> {
  return Object.fromEntries(codes.map((c) => [c, errorBodySchema])) as ErrorResponses<C>;
}

type ResponseMap = Record<string, unknown>;

function responsesOf(schema: RouteOptions['schema']): ResponseMap | undefined {
  const response = (schema as { response?: unknown } | undefined)?.response;
  return typeof response === 'object' && response !== null ? (response as ResponseMap) : undefined;
}

/** Is `status` declared, by its code or its class (`4xx`)? */
export function declares(responses: ResponseMap, status: number): boolean {
  return String(status) in responses || `${String(status)[0]}xx` in responses;
}

/** A route and the answers it declares, by status code (or class, `4xx`). */
export interface DeclaredRoute {
  method: string;
  url: string;
  responses: Readonly<ResponseMap>;
}

/**
 * Every route either API registered, with its declared answers: static facts about the code
 * (the same for every agent in a process), so tests can check each answer against them.
 */
const declared = new Map<string, DeclaredRoute>();

export function declaredRoutes(api: string): DeclaredRoute[] {
  return [...declared.entries()].filter(([key]) => key.startsWith(`${api} `)).map(([, route]) => route);
}

/**
 * Holds the routes registered in `scope` to their declared responses:
 * - a route without a response schema, or without a 2xx and a 500, does not start;
 * - an answer with a status the route does not declare becomes a 500 (logged as an error);
 * - an answer whose body its status's schema does not allow is already a 500: the zod
 *   serializer compiler refuses to serialize it.
 * So a wrong answer fails every test that exercises the route, instead of reaching a kiosk.
 */
export function enforceResponseContracts(scope: FastifyInstance, api: string, options: { guardAnswers?: readonly number[] } = {}): void {
  // Answers a server-wide guard gives before any route runs (wrong Host, too many failed logins):
  // every route may answer them, so they are declared once for the server instead of on each route.
  const guardAnswers = new Set(options.guardAnswers ?? []);
  scope.addHook('onRoute', (route) => {
    const responses = responsesOf(route.schema);
    const where = `${String(route.method)} ${route.url}`;
    if (!responses) throw new Error(`${where} declares no response schemas`);
    const codes = Object.keys(responses);
    if (!codes.some((c) => c.startsWith('2'))) throw new Error(`${where} declares no success response`);
    if (!('500' in responses)) throw new Error(`${where} does not declare its 500 answer`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.set(`${api} ${method} ${route.url}`, { method, url: route.url, responses });
    }
  });
  scope.addHook('onSend', async (request, reply, payload) => {
    const responses = responsesOf(request.routeOptions.schema);
    if (!responses || declares(responses, reply.statusCode) || guardAnswers.has(reply.statusCode)) return payload;
    // Rewritten here rather than thrown: an error thrown while an error answer is being sent
    // would bypass the error handler.
    logger.error(`${request.method} ${request.routeOptions.url ?? request.url} answered ${reply.statusCode}, which it does not declare: ${String(payload).slice(0, 300)}`);
    void reply.code(500).type('application/json; charset=utf-8');
    return JSON.stringify(new ApiError(500, 'internal_error', 'Something went wrong inside the agent; it is logged. Retry later.').body());
  });
}
