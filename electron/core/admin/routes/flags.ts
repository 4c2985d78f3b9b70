import { flagQuerySchema, saleFlagListSchema } from '../../../../shared/admin-api.js';
import type { FlagsRepo } from '../../db/flags-repo.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { adminErrors } from '../responses.js';

/** Oversold, price and tax divergence, unknown and inactive SKUs: listed for retail ops. */
export function flagRoutes(flags: FlagsRepo): RouteModule {
  return (app) => {
    app.get('/api/flags', { schema: { querystring: flagQuerySchema, response: { 200: saleFlagListSchema, ...errorResponses(400), ...adminErrors } } }, async (request) => ({
      items: flags.list(request.query),
    }));
  };
}
