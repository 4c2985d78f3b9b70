import { acceptedRefundSchema, refundSchema, type AcceptedRefund, type Refund } from '../../../../shared/kiosk-api.js';
import { errorResponses } from '../../http/contract.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import type { BatchedIngest } from '../ingest.js';
import { bodyErrors, kioskErrors } from '../responses.js';
import { acceptDocument } from './document-route.js';

const logger = scopedLogger('kiosk-refunds');

const response = { 201: acceptedRefundSchema, 200: acceptedRefundSchema, ...bodyErrors, ...errorResponses(403, 409), ...kioskErrors };

/** `POST /v1/refunds`: same answers as sales; a refund whose sale has not arrived is held. */
export function refundRoutes(ingest: BatchedIngest<Refund, AcceptedRefund>): RouteModule {
  return (app) => {
    app.post('/v1/refunds', { schema: { body: refundSchema, response } }, async (request, reply) =>
      acceptDocument(request, reply, request.body, { kind: 'refund', id: request.body.refundId }, ingest, logger));
  };
}
