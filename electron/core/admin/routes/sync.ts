import { z } from 'zod';
import { syncKindSchema, syncStartedSchema, type SyncKind } from '../../../../shared/admin-api.js';
import { DomainError } from '../../domain-errors.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { adminErrors } from '../responses.js';

const response = { 200: syncStartedSchema, ...errorResponses(400, 409), ...adminErrors };

/** On-demand pulls and pushes: "sync now" for staff and IT. */
export function syncRoutes(run: (job: SyncKind) => Promise<void>, hasCloudshelf: boolean): RouteModule {
  return (app) => {
    app.post('/api/sync/:job', { schema: { params: z.object({ job: syncKindSchema }), response } }, async (request) => {
      if (request.params.job.startsWith('cloudshelf') && !hasCloudshelf) {
        throw new DomainError('conflict', 'not_configured', 'Cloudshelf is not configured for this store (no "cloudshelf" section).');
      }
      await run(request.params.job);
      return { ok: true as const };
    });
  };
}
