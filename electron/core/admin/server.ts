import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { bearerMatches } from './bearer.js';
import { ApiError, errorHandler, frameworkErrors, notFoundHandler } from '../http/api-error.js';
import { clientErrors } from '../http/client-errors.js';
import { enforceResponseContracts } from '../http/contract.js';
import type { RouteModule } from '../http/typed-app.js';
import { scopedLogger } from '../logging/logger.js';
import type { AddressInfo } from 'node:net';
import { FailedAuthLimiter } from '../http/failed-auth-limiter.js';
import { DEFAULT_SOCKET_LIMITS, limitedServer, type SocketLimits } from '../http/socket-limits.js';

const logger = scopedLogger('admin-api');

export interface AdminServerDeps {
  token: string;
  /** Route modules under routes/, each one job. */
  routes: readonly RouteModule[];
  /** Built UI to serve in headless mode, if present. */
  uiDir: string | null;
  /** The configured bind host: besides loopback names, the only Host header accepted. */
  host?: string;
  /** adminApi.allowRemote: a non-loopback bind the IT admin asked for; any Host is then accepted. */
  allowRemote?: boolean;
  sockets?: SocketLimits;
  failedAuthPerMinute?: number;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host header ("127.0.0.1:4781" → "127.0.0.1", "[::1]:4781" → "[::1]") and its port. */
function splitHost(header: string): { name: string; port: string | null } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  return { name: m?.[1] ?? '', port: m?.[2] ?? null };
}

/** Admin API for the staff window; bound to 127.0.0.1, every /api route needs the bearer token. */
export async function buildAdminServer(deps: AdminServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, serverFactory: limitedServer(deps.sockets ?? DEFAULT_SOCKET_LIMITS), frameworkErrors, clientErrorHandler: clientErrors });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);

  const failedAuth = new FailedAuthLimiter(deps.failedAuthPerMinute ?? 30);
  const allowedNames = new Set([...LOOPBACK_NAMES, ...(deps.host ? [deps.host.includes(':') ? `[${deps.host}]` : deps.host] : [])]);
  app.addHook('onRequest', async (request, reply) => {
    // A page elsewhere must not frame the staff window (clickjacking).
    void reply.header('content-security-policy', "frame-ancestors 'none'").header('x-frame-options', 'DENY');
    // DNS rebinding: a web page at evil.example resolved to 127.0.0.1 sends Host: evil.example.
    if (!deps.allowRemote) {
      const { name, port } = splitHost(request.headers.host ?? '');
      const listening = (app.server.address() as AddressInfo | null)?.port;
      if (!allowedNames.has(name) || (port !== null && listening !== undefined && Number(port) !== listening)) {
        throw new ApiError(421, 'wrong_host', 'This address is not the one Shelfbridge serves; open the staff window at http://127.0.0.1.');
      }
    }
    if (!request.url.startsWith('/api/')) return;
    const wait = failedAuth.blockedFor(request.ip);
    if (wait !== null) {
      throw new ApiError(429, 'rate_limited', `Too many failed authentications; retry in ${wait} s.`, undefined, { 'retry-after': String(wait) });
    }
    if (!bearerMatches(request.headers.authorization, deps.token)) {
      failedAuth.failed(request.ip);
      throw new ApiError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>" (see docs/operations.md).');
    }
  });

  // The UI's static files (below) are outside the scope whose routes must declare their answers.
  await app.register(async (scope) => {
    enforceResponseContracts(scope, 'admin', { guardAnswers: [421, 429] });
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    for (const register of deps.routes) register(typed);
  });

  if (deps.uiDir && existsSync(deps.uiDir)) {
    await app.register(fastifyStatic, {
      root: deps.uiDir,
      prefix: '/',
      // Cache-Control set here, not by send (which would overwrite it): the window's service worker
      // (scope /) is asked again on each load, so a new version's shell replaces the kept one.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', basename(path) === 'sw.js' ? 'no-cache' : 'public, max-age=0');
      },
    });
  }
  return app;
}
