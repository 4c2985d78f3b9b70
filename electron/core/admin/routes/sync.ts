import { z } from 'zod';
import { ApiError } from '../../http/api-error.js';
import type { RouteModule } from '../../http/typed-app.js';

/** On-demand pulls and pushes: "sync now" for staff and IT. */
export function syncRoutes(run: (job: 'stock' | 'catalog' | 'cloudshelf' | 'cloudshelf_orders') => Promise<void>, hasCloudshelf: boolean): RouteModule {
  return (app) => {
    app.post('/api/sync/:job', { schema: { params: z.object({ job: z.enum(['stock', 'catalog', 'cloudshelf', 'cloudshelf_orders']) }) } }, async (request) => {
      if (request.params.job.startsWith('cloudshelf') && !hasCloudshelf) {
        throw new ApiError(409, 'not_configured', 'Cloudshelf is not configured for this store (no "cloudshelf" section).');
      }
      await run(request.params.job);
      return { ok: true };
    });
  };
}
