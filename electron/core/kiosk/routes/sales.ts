import { saleSchema, type AcceptedSale, type Sale } from '../../../../shared/kiosk-api.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import type { BatchedIngest } from '../ingest.js';
import { acceptDocument } from './document-route.js';

const logger = scopedLogger('kiosk-sales');

/** `POST /v1/sales`: 201 after the commit, 200 for an identical resend, 409 for a changed body. */
export function salesRoutes(ingest: BatchedIngest<Sale, AcceptedSale>): RouteModule {
  return (app) => {
    app.post('/v1/sales', { schema: { body: saleSchema } }, async (request, reply) =>
      acceptDocument(request, reply, request.body, { kind: 'sale', id: request.body.saleId }, ingest, logger));
  };
}
