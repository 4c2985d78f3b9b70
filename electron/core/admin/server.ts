import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { bearerMatches } from './bearer.js';
import { ApiError, errorHandler, notFoundHandler } from '../http/api-error.js';
import { enforceResponseContracts } from '../http/contract.js';
import type { RouteModule } from '../http/typed-app.js';
import { scopedLogger } from '../logging/logger.js';

const logger = scopedLogger('admin-api');

export interface AdminServerDeps {
  token: string;
  /** Route modules under routes/, each one job. */
  routes: readonly RouteModule[];
  /** Built UI to serve in headless mode, if present. */
  uiDir: string | null;
}

/** Admin API for the staff window; bound to 127.0.0.1, every /api route needs the bearer token. */
export async function buildAdminServer(deps: AdminServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!bearerMatches(request.headers.authorization, deps.token)) {
      throw new ApiError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>" (see docs/operations.md).');
    }
  });

  // The UI's static files (below) are outside the scope whose routes must declare their answers.
  await app.register(async (scope) => {
    enforceResponseContracts(scope, 'admin');
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    for (const register of deps.routes) register(typed);
  });

  if (deps.uiDir && existsSync(deps.uiDir)) {
    await app.register(fastifyStatic, { root: deps.uiDir, prefix: '/' });
  }
  return app;
}
