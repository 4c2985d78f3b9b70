import type { Health } from '../../../shared/kiosk-api.js';
import type { OutboxCounts } from '../db/outbox-repo.js';

export interface HealthInput {
  version: string;
  counts: OutboxCounts;
  online: boolean;
  now: number;
  stallAfterSeconds: number;
  accepting: boolean;
  lastStockSyncAt: string | null;
  lastCatalogSyncAt: string | null;
}

/**
 * ok: Stok.ly reachable, nothing waiting for a person, nothing waiting too long.
 * degraded: still taking sales, but offline, stalled or with exceptions.
 * down: not taking sales (shutting down or the database cannot be written).
 */
export function computeHealth(input: HealthInput): Health {
  const { counts, now } = input;
  const oldestPendingAgeSeconds = counts.oldestPendingCreatedAt === null
    ? 0
    : Math.max(0, Math.floor((now - counts.oldestPendingCreatedAt) / 1000));
  const stalled = oldestPendingAgeSeconds > input.stallAfterSeconds;
  const status = !input.accepting ? 'down' : !input.online || stalled || counts.exception > 0 ? 'degraded' : 'ok';
  return {
    status,
    version: input.version,
    online: input.online,
    backlog: { pending: counts.pending + counts.sending, exceptions: counts.exception, oldestPendingAgeSeconds },
    lastStockSyncAt: input.lastStockSyncAt,
    lastCatalogSyncAt: input.lastCatalogSyncAt,
  };
}
