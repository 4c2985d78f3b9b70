import type { Clock } from '../clock.js';
import type { Config, Secrets } from '../config.js';
import { scopedLogger } from '../logging/logger.js';
import { StoklyClient } from './client.js';

const logger = scopedLogger('agent');

/** The one Stok.ly client every feature shares (one rate budget, one online state). */
export function startStokly(deps: { config: Config; secrets: Secrets; clock: Clock }): { client: StoklyClient; stop(): void } {
  const { config } = deps;
  const client = new StoklyClient({
    baseUrl: config.stokly.baseUrl,
    accountKey: config.stokly.accountKey,
    clientId: config.stokly.clientId,
    secretKey: deps.secrets.stoklySecretKey,
    requestTimeoutMs: config.stokly.requestTimeoutMs,
    maxRequestsPerMinute: config.stokly.maxRequestsPerMinute,
    rateLimitPauseSeconds: config.stokly.rateLimitPauseSeconds,
    clock: deps.clock,
  });
  const online = (): void => logger.info('Stok.ly reachable');
  const offline = (): void => logger.warn('Stok.ly unreachable: sales keep being accepted and wait in the outbox');
  client.on('online', online);
  client.on('offline', offline);
  return {
    client,
    stop: () => {
      client.off('online', online);
      client.off('offline', offline);
    },
  };
}
