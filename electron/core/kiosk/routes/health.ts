import type { Health } from '../../../../shared/kiosk-api.js';
import type { RouteModule } from '../../http/typed-app.js';

/** `GET /health`: no token, for IT's monitoring and the kiosks' own checks. */
export function healthRoutes(health: () => Health): RouteModule {
  return (app) => {
    app.get('/health', async () => health());
  };
}
