import type { Health } from '../../../shared/kiosk-api.js';
import type { OutboxCounts } from '../db/outbox-repo.js';

export interface HealthInput {
  version: string;
  /** The outbox counts; null when the database cannot be read right now. */
  counts: OutboxCounts | null;
  online: boolean;
  now: number;
  stallAfterSeconds: number;
  accepting: boolean;
  /** Why sales cannot be stored right now (the last attempt failed), or null. */
  storageDown: string | null;
  lastStockSyncAt: string | null;
  lastCatalogSyncAt: string | null;
}

/**
 * ok: Stok.ly reachable, nothing waiting for a person, nothing waiting too long.
 * degraded: still taking sales, but offline, stalled or with exceptions.
 * down: not taking sales (shutting down, or the last attempt to store one failed).
 * `reasons` says why in words, for IT's monitoring and the tray.
 */
export function computeHealth(input: HealthInput): Health {
  const { counts, now } = input;
  const oldestPendingAgeSeconds = counts?.oldestPendingCreatedAt == null
    ? 0
    : Math.max(0, Math.floor((now - counts.oldestPendingCreatedAt) / 1000));
  const stalled = oldestPendingAgeSeconds > input.stallAfterSeconds;
  const down: string[] = [];
  if (!input.accepting) down.push('the agent is shutting down');
  if (input.storageDown) down.push(input.storageDown);
  const degraded: string[] = [];
  if (!input.online) degraded.push('Stok.ly is unreachable: sales wait in the outbox');
  if (stalled) degraded.push(`the oldest waiting sale is ${oldestPendingAgeSeconds} s old`);
  if (counts && counts.exception > 0) degraded.push(`${counts.exception} sale(s) or refund(s) need a person`);
  if (!counts) degraded.push('the database cannot be read right now');
  const status = down.length ? 'down' : degraded.length ? 'degraded' : 'ok';
  return {
    status,
    version: input.version,
    online: input.online,
    reasons: [...down, ...degraded],
    backlog: {
      pending: counts ? counts.pending + counts.sending : 0,
      exceptions: counts?.exception ?? 0,
      oldestPendingAgeSeconds,
    },
    lastStockSyncAt: input.lastStockSyncAt,
    lastCatalogSyncAt: input.lastCatalogSyncAt,
  };
}
