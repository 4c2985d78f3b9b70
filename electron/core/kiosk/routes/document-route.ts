import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutboxKind } from '../../../../shared/admin-api.js';
import { ApiError } from '../../http/api-error.js';
import type { Logger } from '../../logging/logger.js';
import type { BatchedIngest } from '../ingest.js';
import { storageFailure } from '../storage-failure.js';

/**
 * The answer every kiosk document gets (sales and refunds alike): 403 for another kiosk's
 * document, 201 after the commit, 200 for an identical resend, 409 for a changed one, 503
 * when it cannot be stored.
 */
export async function acceptDocument<T extends { kioskId: string }, R extends { flags: readonly string[] }>(
  request: FastifyRequest,
  reply: FastifyReply,
  doc: T,
  what: { kind: OutboxKind; id: string },
  ingest: BatchedIngest<T, R>,
  logger: Logger,
): Promise<R> {
  if (doc.kioskId !== request.kiosk?.id) {
    throw new ApiError(403, 'forbidden', `This token belongs to kiosk ${request.kiosk?.id ?? '?'}, not ${doc.kioskId}.`);
  }
  let outcome;
  try {
    outcome = await ingest.submit(doc);
  } catch (err) {
    throw storageFailure(err, `${what.kind} ${what.id}`, logger);
  }
  switch (outcome.type) {
    case 'accepted':
      logger.info(`${what.kind} ${what.id} from ${doc.kioskId} accepted${outcome.receipt.flags.length ? ` flags=${outcome.receipt.flags.join(',')}` : ''}`);
      void reply.code(201);
      return outcome.receipt;
    case 'duplicate':
      void reply.code(200);
      return outcome.receipt;
    case 'conflict':
      // 1.1: nothing about the other document (whose, when, what): the id may be another kiosk's.
      throw new ApiError(409, `${what.kind}_conflict`, `This ${what.kind} id was used before for a different ${what.kind}; a changed ${what.kind} needs a new id.`);
  }
}
