import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { ApiError, parseBody } from '../errors.js';

/** Note the lower-case k in `accountkey`: that is how the real API spells it. */
const grantSchema = z.strictObject({
  accountkey: z.string(),
  clientId: z.string(),
  signature: z.string(),
});

export function registerGrantRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/v1/grant', async (request) => {
    const body = parseBody(grantSchema, request.body);
    const grant = ctx.tokens.grant(body.accountkey, body.clientId, body.signature);
    if (!grant) throw new ApiError(401, 'Invalid account key, client id or signature');
    return { data: { authenticationResult: grant } };
  });
}
