import { z } from 'zod';
import { cloudshelfIssueListSchema } from '../../../../shared/admin-api.js';
import type { SyncIssue } from '../../db/cloudshelf-sync-issues-repo.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { adminErrors } from '../responses.js';

/**
 * Cloudshelf issues (refused updates, fields changed on Cloudshelf, a missing location): the open
 * ones, and those resolved in the last `days` days (an overwritten hand edit is still reported).
 */
export function cloudshelfRoutes(recent: (sinceMs: number) => SyncIssue[], now: () => number): RouteModule {
  return (app) => {
    app.get('/api/cloudshelf/issues', { schema: { querystring: z.object({ days: z.coerce.number().min(0).max(90).default(7) }), response: { 200: cloudshelfIssueListSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => ({
      items: recent(now() - request.query.days * 86_400_000),
    }));
  };
}
