import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, errorHandler, frameworkErrors, notFoundHandler } from '../http/api-error.js';
import { clientErrors } from '../http/client-errors.js';
import { enforceResponseContracts } from '../http/contract.js';
import { scopedLogger } from '../logging/logger.js';
import type { KioskIdentity } from './auth.js';
import type { RouteModule } from '../http/typed-app.js';
import { OPENAPI_PATH, registerOpenApi } from './openapi.js';
import { FailedAuthLimiter } from '../http/failed-auth-limiter.js';
import { DEFAULT_SOCKET_LIMITS, limitedServer, type SocketLimits } from '../http/socket-limits.js';

const logger = scopedLogger('kiosk-api');

/** The routes a kiosk may call without a token: the health check and the contract itself. */
const PUBLIC_PATHS: readonly string[] = ['/health', OPENAPI_PATH];
const isPublic = (url: string): boolean => PUBLIC_PATHS.includes(url.split('?')[0] ?? url);

export const BODY_LIMIT_BYTES = 256 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    kiosk: KioskIdentity | null;
  }
}

export interface KioskServerDeps {
  /** The kiosk a bearer token belongs to (the file's and the enrolled ones), or null. */
  identify(authorization: string | undefined): KioskIdentity | null;
  requestsPerMinute: number;
  /** 1.1: 408 for a slow request, idle keep-alive closed, connections per address capped. */
  sockets?: SocketLimits;
  /** Wrong or missing tokens per address and minute before 429. */
  failedAuthPerMinute?: number;
  accepting(): boolean;
  /** Route modules (sales, health, stock, …), each in its own file under routes/. */
  routes: readonly RouteModule[];
}

/** The kiosk LAN API, version 1.1: exactly docs/kiosk-api.md. */
export async function buildKioskServer(deps: KioskServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES, logger: false, return503OnClosing: false,
    serverFactory: limitedServer(deps.sockets ?? DEFAULT_SOCKET_LIMITS), frameworkErrors, clientErrorHandler: clientErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);

  // JSON only: every other Content-Type is a 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(new ApiError(400, 'invalid_request', 'The body is empty; send a JSON document.'), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new ApiError(400, 'invalid_json', `The body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });

  const failedAuth = new FailedAuthLimiter(deps.failedAuthPerMinute ?? 30);
  app.decorateRequest('kiosk', null);
  app.addHook('onRequest', async (request) => {
    if (!deps.accepting()) {
      throw new ApiError(503, 'unavailable', 'The agent is shutting down; keep the sale and retry.', undefined, { 'retry-after': '5' });
    }
    if (isPublic(request.url)) return;
    const wait = failedAuth.blockedFor(request.ip);
    if (wait !== null) {
      throw new ApiError(429, 'rate_limited', `Too many failed authentications from this address; retry in ${wait} s.`, undefined, { 'retry-after': String(wait) });
    }
    const kiosk = deps.identify(request.headers.authorization);
    if (!kiosk) {
      failedAuth.failed(request.ip);
      throw new ApiError(401, 'unauthorized', 'Send this kiosk\'s token as "Authorization: Bearer <token>".');
    }
    request.kiosk = kiosk;
  });

  await app.register(rateLimit, {
    global: true,
    // After the auth hook (registered first), before parsing: malformed floods count too.
    hook: 'onRequest',
    max: deps.requestsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.kiosk?.id ?? request.ip,
    allowList: (request) => request.kiosk === null,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `Too many requests from this kiosk; retry in ${context.after}.`, undefined, {
        'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))),
      }),
  });

  // Before the routes: @fastify/swagger collects each route's zod schemas as it is added.
  await registerOpenApi(app);

  await app.register(async (scope) => {
    enforceResponseContracts(scope, 'kiosk');
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    for (const register of deps.routes) register(typed);
  });

  return app;
}
