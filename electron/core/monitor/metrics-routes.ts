import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bearerMatches } from '../admin/bearer.js';
import { ApiError, errorHandler, frameworkErrors, notFoundHandler } from '../http/api-error.js';
import { clientErrors } from '../http/client-errors.js';
import { FailedAuthLimiter } from '../http/failed-auth-limiter.js';
import { DEFAULT_SOCKET_LIMITS, limitedServer, type SocketLimits } from '../http/socket-limits.js';
import { errorResponses } from '../http/contract.js';
import { listenOn } from '../http/listen.js';
import type { RouteModule } from '../http/typed-app.js';
import { scopedLogger } from '../logging/logger.js';
import type { AgentMetrics } from './metrics.js';

const logger = scopedLogger('metrics');

/** GET /metrics (Prometheus text format), answered only with this bearer token. */
export function metricsRoutes(metrics: AgentMetrics, token: string): RouteModule {
  return (app) => {
    app.get('/metrics', {
      // Text, so no serializer checks the 200; the errors are the contract's JSON body.
      schema: { response: { 200: z.string().describe('Prometheus text format'), ...errorResponses(401, 429, 500) } },
      onRequest: async (request) => {
        if (!bearerMatches(request.headers.authorization, token)) {
          throw new ApiError(401, 'unauthorized', 'Send the metrics token as "Authorization: Bearer <token>" (see docs/operations.md, Monitoring a fleet).');
        }
      },
    }, async (_request, reply) => {
      const { contentType, body } = await metrics.render();
      return reply.type(contentType).send(body);
    });
  };
}

/**
 * The LAN listener for a central Prometheus (metrics.host/port): /metrics and nothing else,
 * with the socket limits of the other servers (408, keep-alive, connections per address) and
 * 429 after too many wrong tokens from one address.
 */
export async function startMetricsServer(
  metrics: AgentMetrics,
  options: { host: string; port: number; token: string; sockets?: SocketLimits; failedAuthPerMinute?: number },
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024, serverFactory: limitedServer(options.sockets ?? DEFAULT_SOCKET_LIMITS), frameworkErrors, clientErrorHandler: clientErrors });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);
  const failedAuth = new FailedAuthLimiter(options.failedAuthPerMinute ?? 30);
  app.addHook('onRequest', async (request) => {
    const wait = failedAuth.blockedFor(request.ip);
    if (wait !== null) {
      throw new ApiError(429, 'rate_limited', `Too many failed authentications; retry in ${wait} s.`, undefined, { 'retry-after': String(wait) });
    }
    if (!bearerMatches(request.headers.authorization, options.token)) failedAuth.failed(request.ip);
  });
  metricsRoutes(metrics, options.token)(app.withTypeProvider<ZodTypeProvider>());
  try {
    await listenOn(app, 'metrics.port', options.host, options.port);
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}
