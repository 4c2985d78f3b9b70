import { enrolKioskSchema, enrolledKioskSchema, kioskIdParamsSchema, kioskListSchema, revokedKioskSchema } from '../../../../shared/kiosks-admin.js';
import { ApiError } from '../../http/api-error.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import type { KioskDirectory } from '../../kiosk/directory.js';
import { adminErrors } from '../responses.js';

/** Enrol a kiosk (its token shown once), list kiosks, revoke one: all without a restart. */
export function kioskRoutes(directory: KioskDirectory): RouteModule {
  return (app) => {
    app.get('/api/kiosks', { schema: { response: { 200: kioskListSchema, ...adminErrors } } }, async () => ({ items: directory.list() }));

    app.post('/api/kiosks', { schema: { body: enrolKioskSchema, response: { 201: enrolledKioskSchema, ...errorResponses(400, 409, 413, 415), ...adminErrors } } }, async (request, reply) => {
      const result = directory.enrol(request.body);
      if (!result.ok) {
        throw new ApiError(409, 'kiosk_exists', `A kiosk "${request.body.id}" is already enrolled; revoke it first or choose another id.`);
      }
      // The token is in this answer only; the agent keeps its SHA-256. Never cached by anything in between.
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send({ id: result.id, name: result.name, token: result.token });
    });

    app.delete('/api/kiosks/:id', { schema: { params: kioskIdParamsSchema, response: { 200: revokedKioskSchema, ...errorResponses(400, 404, 409), ...adminErrors } } }, async (request) => {
      const result = directory.revoke(request.params.id);
      if (!result.ok && result.reason === 'in_config') {
        throw new ApiError(409, 'kiosk_in_config', `Kiosk "${request.params.id}" is in the configuration file (kioskApi.kiosks); remove it there and restart.`);
      }
      if (!result.ok) throw new ApiError(404, 'not_found', `No enrolled kiosk "${request.params.id}".`);
      return { id: request.params.id, revokedAt: new Date(result.revokedAt).toISOString() };
    });
  };
}
