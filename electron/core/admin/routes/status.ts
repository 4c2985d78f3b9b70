import { statusSchema, type Status } from '../../../../shared/admin-api.js';
import type { RouteModule } from '../../http/typed-app.js';
import { adminErrors } from '../responses.js';

export function statusRoutes(status: () => Status): RouteModule {
  return (app) => {
    app.get('/api/status', { schema: { response: { 200: statusSchema, ...adminErrors } } }, async () => status());
  };
}
