import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { TokenIssuer, type Credentials } from './auth.js';
import type { SandboxContext } from './context.js';
import { FaultSwitchboard, type Faults } from './faults.js';
import { FixedWindowRateLimiter } from './rate-limit.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { sandboxStats, type SandboxStats } from './routes/control.js';
import { generateShop, type ShopSeed } from './seed.js';
import { buildServer } from './server.js';
import { SandboxState } from './state.js';

export type { Faults } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { SandboxStats } from './routes/control.js';
export type { ShopSeed } from './seed.js';
export { SandboxState } from './state.js';
export { grantSignature } from './auth.js';
export { COLLECTED_LINE_STATUS, OPEN_LINE_STATUS, UNASSIGNED_BIN_ID } from './types.js';

export interface StoklySandboxOptions {
  accountKey?: string;
  clientId?: string;
  secretKey?: string;
  tokenTtlSeconds?: number;
  /** Fixed window per account; null = unlimited (and no x-ratelimit-remaining header). */
  rateLimit?: { limit: number; windowMs: number } | null;
  host?: string;
  port?: number;
  /** Initial data; default generateShop({ itemCount: 30, seed: 1 }). */
  seed?: ShopSeed;
  /** Clock for tokens, rate-limit windows and timestamps (latency faults use real time). */
  now?: () => number;
  /** Dice for errorRate and dropAfterCommitRate (sandbox extension); default Math.random. */
  random?: () => number;
}

const DEFAULT_RATE_LIMIT = { limit: 600, windowMs: 60_000 };

/** A real HTTP server that behaves like Stok.ly as far as it is known (../shared/reference/stokly-api.md). */
export class StoklySandbox {
  private stopped = false;

  private constructor(
    readonly url: string,
    readonly credentials: Credentials,
    readonly state: SandboxState,
    private readonly ctx: SandboxContext,
    private readonly app: FastifyInstance,
  ) {}

  static async start(options: StoklySandboxOptions = {}): Promise<StoklySandbox> {
    const now = options.now ?? Date.now;
    const credentials: Credentials = {
      accountKey: options.accountKey ?? 'sandbox',
      clientId: options.clientId ?? 'sandbox-client',
      secretKey: options.secretKey ?? 'sandbox-secret',
    };
    const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
    const ctx: SandboxContext = {
      state: new SandboxState(now, options.seed ?? generateShop({ itemCount: 30, seed: 1 })),
      credentials,
      tokens: new TokenIssuer(credentials, options.tokenTtlSeconds ?? 3600, now),
      limiter: rateLimit === null ? null : new FixedWindowRateLimiter(rateLimit, now),
      faults: new FaultSwitchboard(options.random ?? Math.random),
      log: new RequestLog(now),
      now,
    };
    const app = buildServer(ctx);
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 0 });
    const { port } = app.server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return new StoklySandbox(`http://${urlHost}:${port}`, { ...credentials }, ctx.state, ctx, app);
  }

  setFaults(f: Partial<Faults>): void {
    this.ctx.faults.set(f);
  }

  faults(): Faults {
    return this.ctx.faults.get();
  }

  expireAllTokens(): void {
    this.ctx.tokens.expireAll();
  }

  requestLog(): ReadonlyArray<RequestLogEntry> {
    return this.ctx.log.list();
  }

  stats(): SandboxStats {
    return sandboxStats(this.ctx);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.app.close();
  }
}
