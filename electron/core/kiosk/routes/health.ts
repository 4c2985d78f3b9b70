import { healthSchema, type Health } from '../../../../shared/kiosk-api.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';

/** `GET /health`: no token, for IT's monitoring and the kiosks' own checks (503 while shutting down). */
export function healthRoutes(health: () => Health): RouteModule {
  return (app) => {
    app.get('/health', { schema: { response: { 200: healthSchema, ...errorResponses(500, 503) } } }, async () => health());
  };
}
