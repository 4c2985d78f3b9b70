import { describe, expect, it } from 'vitest';
import type { Status } from '../../shared/admin-api.js';
import { AlertMonitor, type Alert } from '../../electron/core/monitor/alerts.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');

function status(over: { pending?: number; oldestAge?: number; stockAgoMs?: number | null; open?: number } = {}): Status {
  const stockAt = over.stockAgoMs === null ? null : new Date(NOW - (over.stockAgoMs ?? 10_000)).toISOString();
  const run = { lastSuccessAt: stockAt, lastError: null, lastErrorAt: null };
  return {
    storeId: 's', version: '1',
    health: { status: 'ok', version: '1', online: true, reasons: [], backlog: { pending: over.pending ?? 0, exceptions: 0, oldestPendingAgeSeconds: over.oldestAge ?? 0 }, lastStockSyncAt: stockAt, lastCatalogSyncAt: null },
    counts: { pending: 0, sending: 0, done: 0, exception: 0, voided: 0 },
    waitingForSale: 0,
    stokly: { online: true, lastContactAt: null, pausedUntil: null },
    kioskApi: { url: '' },
    sync: { stock: run, catalog: run, cloudshelf: null },
    flags: {},
    exceptions: { open: over.open ?? 0, cloudshelfIssues: 0 },
    now: new Date(NOW).toISOString(),
  };
}

function monitor(current: () => Status) {
  const sent: Alert[] = [];
  const m = new AlertMonitor(current, (a) => sent.push(a), { now: () => NOW }, 300_000, 900_000);
  return { m, sent };
}

describe('alerts when sync stalls', () => {
  it('raises once when sales wait longer than the limit, and once when they flow again', () => {
    let s = status({ pending: 3, oldestAge: 100 });
    const { m, sent } = monitor(() => s);
    expect(m.check()).toEqual([]);
    s = status({ pending: 3, oldestAge: 1_000 });
    expect(m.check().map((a) => a.title)).toEqual(['Sales are not reaching Stok.ly']);
    expect(sent[0]!.body).toMatch(/3 sale\(s\) waiting, the oldest for 17 min/);
    expect(m.check()).toEqual([]); // not again while it lasts
    s = status();
    expect(m.check().map((a) => a.title)).toEqual(['Back to normal']);
  });

  it('raises when stock figures are older than the stale limit', () => {
    const { m } = monitor(() => status({ stockAgoMs: 600_000 }));
    expect(m.check().map((a) => a.title)).toEqual(['Kiosk stock figures are getting old']);
  });

  it('raises when new exceptions need a person, not for ones already known', () => {
    let s = status({ open: 1 });
    const { m } = monitor(() => s);
    expect(m.check().map((a) => a.title)).toEqual(['1 item(s) need you']);
    expect(m.check()).toEqual([]);
    s = status({ open: 2 });
    expect(m.check().map((a) => a.title)).toEqual(['2 item(s) need you']);
  });
});
