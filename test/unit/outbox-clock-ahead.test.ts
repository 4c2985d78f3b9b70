import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { OutboxRepo } from '../../electron/core/db/outbox-repo.js';

const HOUR = 3_600_000;

describe('an attempt stamped by a clock that was ahead does not hold a row back', () => {
  it('Stok.ly back: an outcome-unknown row waits its grace from now at most, not from an attempt two hours "later"', () => {
    const db = openDatabase(':memory:');
    migrate(db, { path: ':memory:', backupDir: null });
    const outbox = new OutboxRepo(db);
    const now = 1_800_000_000_000;
    // Sent by an agent whose clock ran two hours ahead, which was killed mid-send; recovered by it too.
    const id = outbox.insert('sale', 'sale-1', '{}', now);
    expect(outbox.claimDue(now + 2 * HOUR, 10).map((r) => r.id)).toEqual([id]);
    outbox.recoverInterrupted(now + 2 * HOUR, 300);
    // The clock is right again; the agent's next start came before the clamp could see it (or Stok.ly came back first).
    outbox.makeDueNow(now, 300);
    const row = outbox.get(id);
    expect(row?.outcomeUnknown).toBe(true);
    expect(row?.nextAttemptAt).toBeGreaterThanOrEqual(now);
    expect(row?.nextAttemptAt).toBeLessThanOrEqual(now + 300);
    // A recent attempt (right clock) still waits its grace from that attempt, so a request in flight can land first.
    const id2 = outbox.insert('sale', 'sale-2', '{}', now);
    outbox.claimDue(now, 10);
    outbox.recoverInterrupted(now, 60_000);
    outbox.makeDueNow(now + 100, 300);
    expect(outbox.get(id2)?.nextAttemptAt).toBe(now + 300);
  });
});
