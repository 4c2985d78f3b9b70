import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { SyncRunsRepo } from '../../electron/core/db/sync-runs-repo.js';
import { trackedRun } from '../../electron/core/tracked-run.js';

function setup() {
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  let now = 1_000;
  const clock = { now: () => now };
  const advance = (ms: number): void => {
    now += ms;
  };
  return { runs: new SyncRunsRepo(db), clock, advance };
}

describe('trackedRun: the sync_runs bookkeeping of a scheduled job', () => {
  it('records start and success with the watermark and a full run, and returns the result', async () => {
    const { runs, clock, advance } = setup();
    const result = await trackedRun({ runs, clock }, 'catalog', async ({ startedAt, previous }) => {
      expect(startedAt).toBe(1_000);
      expect(previous.watermark).toBeNull();
      expect(runs.get('catalog').lastStartedAt).toBe(1_000); // marked started before the work
      advance(250);
      return { result: 42, watermark: '2026-12-01T10:00:00Z', full: true };
    });
    expect(result).toBe(42);
    expect(runs.get('catalog')).toMatchObject({
      lastStartedAt: 1_000, lastSuccessStartedAt: 1_000, lastSuccessAt: 1_250, lastFullAt: 1_000,
      watermark: '2026-12-01T10:00:00Z', lastError: null,
    });
  });

  it('hands the next run the record as it was, and keeps the watermark when a run sets none', async () => {
    const { runs, clock, advance } = setup();
    await trackedRun({ runs, clock }, 'cloudshelf_orders', async () => ({ result: null, watermark: 'w1' }));
    advance(10);
    let seen: string | null = null;
    await trackedRun({ runs, clock }, 'cloudshelf_orders', async ({ previous }) => {
      seen = previous.watermark;
      return { result: null };
    });
    expect(seen).toBe('w1');
    expect(runs.get('cloudshelf_orders').watermark).toBe('w1');
  });

  it('records a failure with its message and rethrows it; the last success stays', async () => {
    const { runs, clock, advance } = setup();
    await trackedRun({ runs, clock }, 'stock', async () => ({ result: 1 }));
    advance(60_000);
    const failure = trackedRun({ runs, clock }, 'stock', async () => {
      advance(5);
      throw new Error('ECONNREFUSED');
    });
    await expect(failure).rejects.toThrow('ECONNREFUSED');
    expect(runs.get('stock')).toMatchObject({ lastStartedAt: 61_000, lastSuccessAt: 1_000, lastError: 'ECONNREFUSED', lastErrorAt: 61_005 });
  });
});
