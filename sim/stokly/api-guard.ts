import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dropConnection, type SandboxContext } from './context.js';
import { INJECTED_ERROR_MESSAGE } from './faults.js';
import { CONTROL_PREFIX } from './routes/control.js';

const GRANT_PATH = '/v1/grant';

export function isControlRequest(request: FastifyRequest): boolean {
  return request.url.startsWith(CONTROL_PREFIX);
}

function pathOf(request: FastifyRequest): string {
  const queryAt = request.url.indexOf('?');
  return queryAt < 0 ? request.url : request.url.slice(0, queryAt);
}

/**
 * What stands in front of every API handler, in this order: injected latency, outage, injected
 * 503, the rate limit (which counts every request that reaches it, 401s included), then the
 * bearer token (except for the grant itself). Returns the reply when the request was answered.
 */
export async function guardApiRequest(
  ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const latencyMs = ctx.faults.get().latencyMs;
  if (latencyMs > 0) await sleep(latencyMs);
  // Read again after the wait: a test may have started or ended an outage meanwhile.
  if (ctx.faults.get().outage) return dropConnection(ctx, request, reply);

  const accountKey = ctx.credentials.accountKey;
  if (ctx.faults.rollError()) {
    if (ctx.limiter) reply.header('x-ratelimit-remaining', String(ctx.limiter.remaining(accountKey)));
    return reply.code(503).send({ message: INJECTED_ERROR_MESSAGE });
  }

  if (ctx.limiter) {
    const decision = ctx.limiter.take(accountKey);
    reply.header('x-ratelimit-remaining', String(decision.remaining));
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return reply.code(429).send({ message: 'Too many requests' });
    }
  }

  if (pathOf(request) === GRANT_PATH) return undefined;
  const check = ctx.tokens.check(request.headers.authorization);
  if (!check.ok) return reply.code(401).send({ message: check.message });
  return undefined;
}
