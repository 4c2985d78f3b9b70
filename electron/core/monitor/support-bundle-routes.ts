import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorResponses } from '../http/contract.js';
import type { RouteModule } from '../http/typed-app.js';

/** GET /api/support-bundle: the zip (admin token, like every /api route). */
export function supportBundleRoutes(build: () => Uint8Array, fileName: () => string): RouteModule {
  return (app) => {
    app.get('/api/support-bundle', {
      // A zip, so no serializer checks the 200; the errors are the contract's JSON body.
      schema: { response: { 200: z.string().describe('application/zip'), ...errorResponses(401, 500) } },
    }, async (_request, reply) => {
      const zip = build();
      // Bytes, not the declared text: Fastify sends a Buffer as it is, past any serializer.
      const untyped: FastifyReply = reply;
      return untyped
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${fileName()}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    });
  };
}
