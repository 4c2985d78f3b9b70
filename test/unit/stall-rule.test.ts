import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo } from '../../electron/core/db/outbox-repo.js';

function outbox(): OutboxRepo {
  const db = openDatabase(':memory:');
  migrate(db, { path: ':memory:', backupDir: null });
  return new OutboxRepo(db);
}

describe('what counts as a stall (oldest sale that should be reaching Stok.ly)', () => {
  it('a refund waiting for a sale that has not arrived is not a stall', () => {
    const o = outbox();
    o.insert('refund', 'r-1', '{}', 1_000, 's-missing');
    const counts = o.counts();
    expect(counts.pending).toBe(1); // still counted as waiting…
    expect(counts.oldestPendingCreatedAt).toBeNull(); // …but not as stalled
  });

  it('a refund waiting for a sale still on its way is not a stall either: the sale is', () => {
    const o = outbox();
    o.insert('refund', 'r-1', '{}', 1_000, 's-1');
    o.insert('sale', 's-1', '{}', 5_000);
    expect(o.oldestAwaitedCreatedAt()).toBe(5_000);
  });

  it('once its sale is in Stok.ly, a waiting refund is measured from when it came', () => {
    const o = outbox();
    const sale = o.insert('sale', 's-1', '{}', 500);
    o.insert('refund', 'r-1', '{}', 1_000, 's-1');
    o.insert('sale', 's-2', '{}', 3_000);
    expect(o.oldestAwaitedCreatedAt()).toBe(500);
    o.markDone(sale, 2_000);
    expect(o.oldestAwaitedCreatedAt()).toBe(1_000);
    expect(o.counts().oldestPendingCreatedAt).toBe(1_000);
  });
});
