import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAdminServer } from '../../electron/core/admin/server.js';
import { routeOf, shellAssets } from '../../renderer/src/offline/shell.js';
import { canUseServiceWorker } from '../../renderer/src/offline/can-register.js';
import { recalledFacts, rememberFacts, rememberedFactsKey } from '../../renderer/src/data/remembered-facts.js';

/** The staff window reloaded while the agent is down: what its service worker answers, and what it remembers. */
const origin = 'http://127.0.0.1:4781';
const get = (path: string, mode = 'no-cors') => ({ method: 'GET', mode, url: `${origin}${path}` });

describe('the service worker answers only the window shell, never the API', () => {
  it('API calls, writes and other origins pass through uncached', () => {
    expect(routeOf(get('/api/status'), origin)).toBe('pass');
    expect(routeOf(get('/api/events'), origin)).toBe('pass');
    expect(routeOf(get('/api/status', 'navigate'), origin)).toBe('pass');
    expect(routeOf({ ...get('/'), method: 'POST', mode: 'navigate' }, origin)).toBe('pass');
    expect(routeOf(get('/assets/index-abc.js'), 'http://127.0.0.1:9999')).toBe('pass');
    expect(routeOf(get('/sw.js'), origin)).toBe('pass');
  });

  it('a reload is a navigation (network first, the kept page if it fails); hashed files come from the cache', () => {
    expect(routeOf(get('/', 'navigate'), origin)).toBe('navigate');
    expect(routeOf(get('/index.html?x=1', 'navigate'), origin)).toBe('navigate');
    expect(routeOf(get('/assets/index-abc.js'), origin)).toBe('asset');
  });

  it('finds the hashed files the built index.html loads', () => {
    const html = '<script type="module" crossorigin src="./assets/index-BJ1Usdx6.js"></script>\n<link rel="stylesheet" crossorigin href="./assets/index-B53Riu9c.css">\n<link rel="icon" href="data:," />';
    expect(shellAssets(html)).toEqual(['./assets/index-BJ1Usdx6.js', './assets/index-B53Riu9c.css']);
  });

  it('is registered only over http(s) in the built window: not from file:// (the desktop app\'s first page) nor the dev server', () => {
    expect(canUseServiceWorker({ protocol: 'http:', hasServiceWorker: true, production: true })).toBe(true);
    expect(canUseServiceWorker({ protocol: 'file:', hasServiceWorker: true, production: true })).toBe(false);
    expect(canUseServiceWorker({ protocol: 'http:', hasServiceWorker: false, production: true })).toBe(false);
    expect(canUseServiceWorker({ protocol: 'http:', hasServiceWorker: true, production: false })).toBe(false);
  });
});

describe('the store facts kept for a reload while the agent is down', () => {
  const memory = (): { getItem(k: string): string | null; setItem(k: string, v: string): void; map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  };
  const facts = { storeId: 'store-001', timeZone: 'Europe/London', currency: 'GBP', supportContact: 'IT 0113 496 0000', kiosks: [], paymentMethods: [] };

  it('come back with when they were fetched', () => {
    const storage = memory();
    expect(recalledFacts(storage)).toBeNull();
    rememberFacts(storage, facts, 1_700_000_000_000);
    expect(recalledFacts(storage)).toEqual({ savedAt: 1_700_000_000_000, facts });
  });

  it('of another shape, or not JSON, are ignored', () => {
    const storage = memory();
    storage.setItem(rememberedFactsKey, '{"savedAt":1,"facts":{"storeId":1}}');
    expect(recalledFacts(storage)).toBeNull();
    storage.setItem(rememberedFactsKey, 'not json');
    expect(recalledFacts(storage)).toBeNull();
  });

  it('a full storage does not break the window', () => {
    expect(() => rememberFacts({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } }, facts, 1)).not.toThrow();
  });
});

describe('the agent serves the service worker at its root', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-ui-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('as JavaScript, asked again on every load, without the admin token', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    const app = await buildAdminServer({ token: 't'.repeat(32), uiDir: dir, routes: [] });
    try {
      const res = await app.inject({ method: 'GET', url: '/sw.js', headers: { host: '127.0.0.1' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const page = await app.inject({ method: 'GET', url: '/', headers: { host: '127.0.0.1' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    } finally {
      await app.close();
    }
  });
});
