import { statusSchema, type Status } from '../../../../shared/admin-api.js';
import type { RouteModule } from '../../http/typed-app.js';

export function statusRoutes(status: () => Status): RouteModule {
  return (app) => {
    app.get('/api/status', { schema: { response: { 200: statusSchema } } }, async () => status());
  };
}
