import { describe, expect, it } from 'vitest';
import { statusSchema } from '../../shared/admin-api.js';
import type { SyncRun } from '../../electron/core/db/sync-runs-repo.js';
import { statusAnswer, type StatusInput } from '../../electron/core/monitor/status.js';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const run = (kind: SyncRun['kind'], over: Partial<SyncRun> = {}): SyncRun => ({
  kind, lastStartedAt: null, lastSuccessStartedAt: null, lastSuccessAt: null, lastFullAt: null, lastError: null, lastErrorAt: null, watermark: null, ...over,
});

function input(over: Partial<StatusInput> = {}): StatusInput {
  return {
    storeId: 'store-001', version: '1.2.3', now: NOW, kioskUrl: 'http://127.0.0.1:4780',
    counts: { pending: 2, sending: 1, done: 40, exception: 3, voided: 1, oldestPendingCreatedAt: NOW - 60_000 },
    waitingForSale: 0,
    health: { status: 'degraded', version: '1.2.3', online: true, reasons: [], backlog: { pending: 3, exceptions: 3, oldestPendingAgeSeconds: 60 }, lastStockSyncAt: null, lastCatalogSyncAt: null },
    stokly: { online: true, lastContact: NOW - 5_000, pausedUntil: null },
    runs: { stock: run('stock', { lastSuccessAt: NOW - 30_000 }), catalog: run('catalog', { lastError: 'HTTP 503', lastErrorAt: NOW - 1_000 }), cloudshelf: null },
    flags: { price_mismatch: 2 },
    openExceptions: 4,
    cloudshelfIssues: 0,
    ...over,
  };
}

describe('statusAnswer: what the staff window and the alerts are told', () => {
  it('fits the admin contract, with times as ISO text and the outbox counts without internals', () => {
    const status = statusAnswer(input());
    expect(statusSchema.parse(status)).toEqual(status);
    expect(status.counts).toEqual({ pending: 2, sending: 1, done: 40, exception: 3, voided: 1 });
    expect(status.stokly).toEqual({ online: true, lastContactAt: '2026-03-02T09:59:55.000Z', pausedUntil: null });
    expect(status.sync.stock).toEqual({ lastSuccessAt: '2026-03-02T09:59:30.000Z', lastError: null, lastErrorAt: null });
    expect(status.sync.catalog).toEqual({ lastSuccessAt: null, lastError: 'HTTP 503', lastErrorAt: '2026-03-02T09:59:59.000Z' });
    expect(status.exceptions).toEqual({ open: 4, cloudshelfIssues: 0 });
    expect(status.now).toBe('2026-03-02T10:00:00.000Z');
    expect(status.kioskApi.url).toBe('http://127.0.0.1:4780');
  });

  it('shows Cloudshelf sync only for a store with Cloudshelf', () => {
    expect(statusAnswer(input()).sync.cloudshelf).toBeNull();
    const withCloudshelf = statusAnswer(input({ runs: { stock: run('stock'), catalog: run('catalog'), cloudshelf: run('cloudshelf', { lastSuccessAt: NOW }) }, cloudshelfIssues: 2 }));
    expect(withCloudshelf.sync.cloudshelf).toEqual({ lastSuccessAt: '2026-03-02T10:00:00.000Z', lastError: null, lastErrorAt: null });
    expect(withCloudshelf.exceptions.cloudshelfIssues).toBe(2);
  });

  it('reports a rate-limit pause as the time it ends', () => {
    expect(statusAnswer(input({ stokly: { online: true, lastContact: null, pausedUntil: NOW + 60_000 } })).stokly.pausedUntil).toBe('2026-03-02T10:01:00.000Z');
  });
});
