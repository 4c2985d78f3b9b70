import { ApiError } from '../../http/api-error.js';
import type { RouteModule } from '../../http/typed-app.js';

/** The routes of a feature this store has turned off: a 409 that says so, rather than a bare 404. */
export function notConfiguredRoutes(patterns: readonly string[], message: string): RouteModule {
  return (app) => {
    for (const pattern of patterns) {
      app.all(pattern, async () => {
        throw new ApiError(409, 'not_configured', message);
      });
    }
  };
}
