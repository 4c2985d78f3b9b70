import type { Status, SyncRunStatus } from '../../../shared/admin-api.js';
import type { Health } from '../../../shared/kiosk-api.js';
import { isoOrNull as iso } from '../../../shared/time.js';
import type { OutboxCounts } from '../db/outbox-repo.js';
import type { SyncRun } from '../db/sync-runs-repo.js';

export interface StatusInput {
  storeId: string;
  version: string;
  now: number;
  kioskUrl: string;
  counts: OutboxCounts;
  /** Refunds held until their sale is in Stok.ly. */
  waitingForSale: number;
  health: Health;
  stokly: { online: boolean; lastContact: number | null; pausedUntil: number | null };
  runs: { stock: SyncRun; catalog: SyncRun; cloudshelf: SyncRun | null };
  flags: Record<string, number>;
  openExceptions: number;
  cloudshelfIssues: number;
}

const syncStatus = (r: SyncRun): SyncRunStatus => ({ lastSuccessAt: iso(r.lastSuccessAt), lastError: r.lastError, lastErrorAt: iso(r.lastErrorAt) });

/**
 * The agent's answer to "how are you?" for the staff window and the alerts: times as ISO text,
 * Cloudshelf's sync only when the store has Cloudshelf.
 */
export function statusAnswer(input: StatusInput): Status {
  const { counts } = input;
  return {
    storeId: input.storeId,
    version: input.version,
    health: input.health,
    counts: { pending: counts.pending, sending: counts.sending, done: counts.done, exception: counts.exception, voided: counts.voided },
    waitingForSale: input.waitingForSale,
    stokly: { online: input.stokly.online, lastContactAt: iso(input.stokly.lastContact), pausedUntil: iso(input.stokly.pausedUntil) },
    kioskApi: { url: input.kioskUrl },
    sync: { stock: syncStatus(input.runs.stock), catalog: syncStatus(input.runs.catalog), cloudshelf: input.runs.cloudshelf && syncStatus(input.runs.cloudshelf) },
    flags: input.flags,
    exceptions: { open: input.openExceptions, cloudshelfIssues: input.cloudshelfIssues },
    now: new Date(input.now).toISOString(),
  };
}
