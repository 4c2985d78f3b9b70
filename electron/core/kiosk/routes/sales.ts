import { saleSchema } from '../../../../shared/kiosk-api.js';
import { ApiError } from '../../http/api-error.js';
import type { RouteModule } from '../../http/typed-app.js';
import { scopedLogger } from '../../logging/logger.js';
import type { SaleIngest } from '../ingest.js';
import { storageFailure } from '../storage-failure.js';

const logger = scopedLogger('kiosk-sales');

/** `POST /v1/sales`: 201 after the commit, 200 for an identical resend, 409 for a changed body. */
export function salesRoutes(ingest: SaleIngest): RouteModule {
  return (app) => {
    app.post('/v1/sales', { schema: { body: saleSchema } }, async (request, reply) => {
      const sale = request.body;
      if (sale.kioskId !== request.kiosk?.id) {
        throw new ApiError(403, 'forbidden', `This token belongs to kiosk ${request.kiosk?.id ?? '?'}, not ${sale.kioskId}.`);
      }
      let outcome;
      try {
        outcome = await ingest.submit(sale);
      } catch (err) {
        throw storageFailure(err, `sale ${sale.saleId}`, logger);
      }
      switch (outcome.type) {
        case 'accepted':
          logger.info(`sale ${sale.saleId} from ${sale.kioskId} accepted${outcome.receipt.flags.length ? ` flags=${outcome.receipt.flags.join(',')}` : ''}`);
          return reply.code(201).send(outcome.receipt);
        case 'duplicate':
          return reply.code(200).send(outcome.receipt);
        case 'conflict':
          throw new ApiError(409, 'sale_conflict', `Sale ${sale.saleId} was accepted at ${outcome.receivedAt} with a different body; a changed sale needs a new saleId (or a refund).`);
      }
    });
  };
}
