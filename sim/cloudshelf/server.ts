import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerControlRoutes } from './control-routes.js';
import { decideFault, faultBody, type CloudshelfFaults } from './faults.js';
import { createGraphqlEndpoint } from './graphql-endpoint.js';
import type { SandboxOrderInput } from './order-factory.js';
import type { VariantEdit } from './manual-edits.js';
import { describeRequest, type RequestLogEntry } from './request-log.js';
import { createRootValue } from './resolvers/index.js';
import { cloudshelfSchema } from './schema.js';
import type { CloudshelfState } from './state.js';
import { Views } from './views.js';

/** What the HTTP layer needs from the sandbox. */
export interface SandboxRuntime {
  apiKey: string;
  state: CloudshelfState;
  now: () => number;
  random: () => number;
  faults: () => CloudshelfFaults;
  setFaults: (patch: Partial<CloudshelfFaults>) => void;
  log: RequestLogEntry[];
  addOrder: (order: SandboxOrderInput) => string;
  editVariant: (id: string, edit: VariantEdit) => void;
}

export const GRAPHQL_PATH = '/graphql';

/** `Authorization: token <api key>`, as Cloudshelf's ingest API expects. */
export function isAuthorized(header: string | undefined, apiKey: string): boolean {
  const match = /^token\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] === apiKey;
}

export function buildServer(runtime: SandboxRuntime): FastifyInstance {
  // Large enough for 1000 products in one call (and for the test that sends 1001).
  const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
  const graphql = createGraphqlEndpoint(
    cloudshelfSchema(),
    createRootValue({ state: runtime.state, now: runtime.now, views: new Views(runtime.state) }),
  );

  app.route({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    handler: async (request, reply) => {
      const entry: RequestLogEntry = {
        ...describeRequest(request.method === 'GET' ? request.query : request.body),
        status: 0,
        at: runtime.now(),
      };
      runtime.log.push(entry);

      // Faults in order: latency, then outage or error status; only then auth and execution.
      const faults = runtime.faults();
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      const decision = decideFault(faults, runtime.random);
      if (decision.kind === 'drop') {
        entry.status = 'dropped';
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
      if (decision.kind === 'error') {
        entry.status = decision.status;
        return reply.code(decision.status).send(faultBody(decision.status));
      }
      if (!isAuthorized(request.headers.authorization, runtime.apiKey)) {
        entry.status = 401;
        return reply
          .code(401)
          .header('www-authenticate', 'token')
          .send({ errors: [{ message: 'Unauthorized: send the header "Authorization: token <api key>"', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      await graphql(request, reply);
      entry.status = reply.statusCode;
      return reply;
    },
  });

  registerControlRoutes(app, runtime);
  return app;
}
