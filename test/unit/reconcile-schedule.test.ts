import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../electron/core/config.js';
import { openDatabase, type Db } from '../../electron/core/db/connection.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { migration0050 } from '../../electron/core/db/migrations/0050-reconciliation.js';
import type { ReportContent } from '../../electron/core/db/reconciliation-reports-repo.js';
import { Reconciler } from '../../electron/core/reconcile/reconciler.js';
import { dueDays, RECONCILIATION_SCHEDULE_DEFAULTS } from '../../electron/core/reconcile/schedule.js';
import { dayWindow } from '../../electron/core/reconcile/trading-day.js';
import { StoklyClient } from '../../electron/core/stokly/client.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';

const TZ = 'Europe/London';
let db: Db;
afterEach(() => db?.close());

/** 26 Nov 2026, 09:00 in London: yesterday is the 25th. */
let now = Date.parse('2026-11-26T09:00:00Z');
const clock = { now: () => now };

function setup(): Reconciler {
  silenceLogging();
  db = openDatabase(':memory:');
  const all = migrations.some((m) => m.version === 50) ? migrations : [...migrations, migration0050];
  migrate(db, { path: ':memory:', backupDir: null }, all);
  const config = parseConfig({
    storeId: 'store-001', dataDir: '/tmp/unused',
    stokly: { baseUrl: 'http://127.0.0.1:9', accountKey: 'a', clientId: 'c', locationId: 'L', channelId: 'CH' },
    kioskApi: { kiosks: [] }, tenders: { card: 4 },
  });
  const client = new StoklyClient({ baseUrl: 'http://127.0.0.1:9', accountKey: 'a', clientId: 'c', secretKey: 's', requestTimeoutMs: 100, maxRequestsPerMinute: 60, rateLimitPauseSeconds: 1, clock });
  return new Reconciler({ db, client, config, clock });
}

function addSale(id: string, occurredAt: string, receivedAt: string): void {
  db.prepare(
    `INSERT INTO sales (sale_id, kiosk_id, occurred_at, currency, total, paid, body_hash, flags, received_at) VALUES (?, 'k', ?, 'GBP', 100, 100, 'h', '[]', ?)`,
  ).run(id, occurredAt, receivedAt);
}

function storeReport(rec: Reconciler, day: string, status: ReportContent['status'], builtAt: number): void {
  const w = dayWindow(day, TZ);
  const fig = { sales: 0, refunds: 0, net: 0, count: 0 };
  rec.store.save({
    day, timeZone: TZ, start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), storeId: 'store-001', channelId: 'CH',
    currency: null, status, provisionalReasons: status === 'provisional' ? ['pending'] : [], tenders: [],
    totals: { kiosk: fig, stokly: fig, variance: 0 }, lines: [], pending: { sales: 0, refunds: 0, exceptions: 0 }, notes: [],
  }, builtAt);
}

const due = (rec: Reconciler, receivedAfter = '2026-01-01T00:00:00.000Z') => dueDays(rec, now, receivedAfter, RECONCILIATION_SCHEDULE_DEFAULTS);

describe('which days the schedule builds', () => {
  it('yesterday once it has ended and settled (15 minutes), never today', () => {
    const rec = setup();
    now = Date.parse('2026-11-26T00:10:00Z'); // 00:10 in London: yesterday has ended, not settled
    expect(due(rec)).toEqual([]);
    now = Date.parse('2026-11-26T00:16:00Z');
    expect(due(rec)).toEqual(['2026-11-25']);
  });

  it('a recent day with sales but no report (the PC was off), not one without', () => {
    const rec = setup();
    now = Date.parse('2026-11-26T09:00:00Z');
    addSale('s1', '2026-11-22T12:00:00+00:00', '2026-11-22T12:00:01.000Z');
    storeReport(rec, '2026-11-25', 'balanced', now);
    // Receipts before 23 Nov were seen by earlier sweeps: this is the look-back rule alone.
    expect(due(rec, '2026-11-23T00:00:00.000Z')).toEqual(['2026-11-22']);
  });

  it('a provisional day of any age; a balanced one only when its last check is a day old', () => {
    const rec = setup();
    now = Date.parse('2026-11-26T09:00:00Z');
    storeReport(rec, '2026-09-01', 'provisional', now - 3_600_000);
    storeReport(rec, '2026-11-24', 'balanced', now - 3_600_000);
    storeReport(rec, '2026-11-25', 'variance', now - 25 * 3_600_000);
    expect(due(rec)).toEqual(['2026-09-01', '2026-11-25']);
  });

  it('a late arrival: a sale received after its day was last checked re-opens that day, however old', () => {
    const rec = setup();
    now = Date.parse('2026-11-26T09:00:00Z');
    const checked = Date.parse('2026-11-20T09:00:00Z');
    storeReport(rec, '2026-10-10', 'balanced', checked);
    storeReport(rec, '2026-11-25', 'balanced', now);
    addSale('early', '2026-10-10T12:00:00+01:00', '2026-10-10T11:00:05.000Z'); // seen by that check
    expect(due(rec, '2026-10-01T00:00:00.000Z')).toEqual([]);
    addSale('late', '2026-10-10T18:00:00+01:00', '2026-11-26T08:59:00.000Z'); // the kiosk was offline for weeks
    expect(due(rec, '2026-10-01T00:00:00.000Z')).toEqual(['2026-10-10']);
    // Already looked at by an earlier sweep: not again.
    expect(due(rec, '2026-11-26T08:59:30.000Z')).toEqual([]);
    // A sale for a late evening that is another day in London (BST) lands on that day.
    addSale('edge', '2026-10-10T23:30:00+00:00', '2026-11-26T08:59:40.000Z');
    expect(due(rec, '2026-11-26T08:59:30.000Z')).toEqual(['2026-10-11']);
  });
});
