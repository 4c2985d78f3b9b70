import { acceptedSaleSchema, saleSchema, type AcceptedSale, type Sale } from '../../../../shared/kiosk-api.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import type { BatchedIngest } from '../ingest.js';
import { bodyErrors, kioskErrors } from '../responses.js';
import { acceptDocument } from './document-route.js';

const logger = scopedLogger('kiosk-sales');

const response = { 201: acceptedSaleSchema, 200: acceptedSaleSchema, ...bodyErrors, ...errorResponses(403, 409), ...kioskErrors };

/** `POST /v1/sales`: 201 after the commit, 200 for an identical resend, 409 for a changed body. */
export function salesRoutes(ingest: BatchedIngest<Sale, AcceptedSale>): RouteModule {
  return (app) => {
    app.post('/v1/sales', { schema: { body: saleSchema, response } }, async (request, reply) =>
      acceptDocument(request, reply, request.body, { kind: 'sale', id: request.body.saleId }, ingest, logger));
  };
}
