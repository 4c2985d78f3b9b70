import { describe, expect, it } from 'vitest';
import type { Health } from '../../shared/kiosk-api.js';
import { adminConnectionState } from '../../electron/shell/admin-connection.js';
import { trayIconBitmap } from '../../electron/shell/tray-icon.js';
import { trayView } from '../../electron/shell/tray-status.js';

const health = (over: Partial<Health> = {}): Health => ({
  status: 'ok', version: '0.1.0', online: true, reasons: [],
  backlog: { pending: 0, exceptions: 0, oldestPendingAgeSeconds: 0 },
  lastStockSyncAt: null, lastCatalogSyncAt: null, ...over,
});
const ready = { kind: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' } as const;

describe('tray status', () => {
  it('says OK in words and in colour when all is well', () => {
    expect(trayView(ready, health(), 0)).toEqual({ tooltip: 'Shelfbridge: OK · Stok.ly online · nothing waiting · 0 exceptions', tone: 'ok' });
  });

  it('names an offline backlog and its age', () => {
    const view = trayView(ready, health({ status: 'degraded', online: false, backlog: { pending: 12, exceptions: 1, oldestPendingAgeSeconds: 1_800 } }), 0);
    expect(view.tone).toBe('degraded');
    expect(view.tooltip).toBe('Shelfbridge: DEGRADED · Stok.ly OFFLINE · 12 waiting (oldest 30 min) · 1 exception');
  });

  it('shows a dead core as down with the first line of the reason and the retry time', () => {
    const view = trayView({ kind: 'restarting', at: 30_000, reason: 'config.json is not valid:\n  storeId: required' }, null, 0);
    expect(view.tone).toBe('down');
    expect(view.tooltip).toBe('Shelfbridge: NOT RUNNING, retry in 30 s. config.json is not valid:');
  });

  it('fits the Windows tooltip limit', () => {
    const view = trayView({ kind: 'restarting', at: 0, reason: 'x'.repeat(500) }, null, 0);
    expect(view.tooltip.length).toBeLessThanOrEqual(127);
  });

  it('is neutral while starting or before the first status', () => {
    expect(trayView({ kind: 'starting' }, null, 0).tone).toBe('starting');
    expect(trayView(ready, null, 0).tone).toBe('starting');
  });
});

describe('tray icon', () => {
  it('is a size×size BGRA circle: coloured centre, transparent corners', () => {
    const px = trayIconBitmap('down', 16);
    expect(px.length).toBe(16 * 16 * 4);
    const centre = (8 * 16 + 8) * 4;
    expect([...px.subarray(centre, centre + 4)]).toEqual([0x28, 0x28, 0xc6, 0xff]);
    expect(px[3]).toBe(0);
    expect(trayIconBitmap('ok', 16).equals(px)).toBe(false);
  });
});

describe('admin connection for the window', () => {
  it('hands over the URL and token only when the core is ready', () => {
    expect(adminConnectionState(ready)).toEqual({ state: 'ready', adminUrl: 'http://127.0.0.1:4781', adminToken: 'tok' });
    expect(adminConnectionState({ kind: 'starting' })).toEqual({ state: 'starting' });
    const failed = adminConnectionState({ kind: 'restarting', at: Date.UTC(2026, 10, 26, 10, 0, 0), reason: 'bad config' });
    expect(failed).toEqual({ state: 'failed', message: 'bad config', retryAt: '2026-11-26T10:00:00.000Z' });
    expect(JSON.stringify(adminConnectionState({ kind: 'stopping' }))).not.toContain('tok');
  });
});
