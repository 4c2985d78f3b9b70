import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Credentials, TokenIssuer } from './auth.js';
import type { FaultSwitchboard } from './faults.js';
import type { FixedWindowRateLimiter } from './rate-limit.js';
import type { RequestLog } from './request-log.js';
import type { SandboxState } from './state.js';

/** Everything the routes and hooks share. */
export interface SandboxContext {
  state: SandboxState;
  credentials: Credentials;
  tokens: TokenIssuer;
  limiter: FixedWindowRateLimiter | null;
  faults: FaultSwitchboard;
  log: RequestLog;
  now: () => number;
}

/** Close the connection without an answer: the client cannot tell what happened. */
export function dropConnection(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  ctx.log.record(request.method, request.url, 'dropped');
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}

/**
 * Answer a request whose state change has already been applied — unless the
 * dropAfterCommit fault fires, in which case the change stands and the answer is lost.
 */
export function answerCommitted(
  ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, status: number, body: unknown,
): FastifyReply {
  if (ctx.faults.rollDropAfterCommit()) return dropConnection(ctx, request, reply);
  return reply.code(status).send(body);
}
