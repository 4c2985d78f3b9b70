import { describe, expect, it } from 'vitest';
import { AdminApiError, createAdminClient, type FetchLike } from '../../renderer/src/api/admin-client.js';
import { browserConnection, interpretBridgeState, tokenStorageKey, type TokenStorage } from '../../renderer/src/api/connection.js';

class MemoryStorage implements TokenStorage {
  values = new Map<string, string>();
  getItem(key: string): string | null { return this.values.get(key) ?? null; }
  setItem(key: string, value: string): void { this.values.set(key, value); }
  removeItem(key: string): void { this.values.delete(key); }
}

const origin = 'http://127.0.0.1:4781';
const location = (hash: string) => ({ origin, pathname: '/', search: '?view=1', hash });

describe('renderer connection: browser mode (headless agent)', () => {
  it('takes the token from #token=, keeps it for the tab and removes it from the address bar', () => {
    const storage = new MemoryStorage();
    const replaced: string[] = [];
    const connection = browserConnection(location('#token=abc123'), storage, (url) => replaced.push(url));
    expect(connection).toEqual({ adminUrl: origin, adminToken: 'abc123' });
    expect(storage.getItem(tokenStorageKey)).toBe('abc123');
    expect(replaced).toEqual(['/?view=1']);
  });

  it('after a reload uses the stored token and leaves the URL alone', () => {
    const storage = new MemoryStorage();
    storage.setItem(tokenStorageKey, 'abc123');
    const replaced: string[] = [];
    expect(browserConnection(location(''), storage, (url) => replaced.push(url))).toEqual({ adminUrl: origin, adminToken: 'abc123' });
    expect(replaced).toEqual([]);
  });

  it('without a token there is no connection', () => {
    expect(browserConnection(location('#other=1'), new MemoryStorage(), () => undefined)).toBeNull();
    expect(browserConnection(location('#token='), new MemoryStorage(), () => undefined)).toBeNull();
  });
});

describe('renderer connection: Electron mode', () => {
  const ready = { state: 'ready', adminUrl: origin, adminToken: 'tok' };

  it('moves the bundled file:// page to the admin origin (the API has no CORS)', () => {
    expect(interpretBridgeState(ready, 'null')).toEqual({ kind: 'navigate', url: `${origin}/` });
    expect(interpretBridgeState(ready, 'file://')).toEqual({ kind: 'navigate', url: `${origin}/` });
  });

  it('connects when the page is on the admin origin', () => {
    expect(interpretBridgeState(ready, origin)).toEqual({ kind: 'connected', connection: { adminUrl: origin, adminToken: 'tok' } });
  });

  it('waits while the core starts or is down, showing why', () => {
    expect(interpretBridgeState({ state: 'starting' }, 'null')).toMatchObject({ kind: 'waiting' });
    expect(interpretBridgeState({ state: 'failed', message: 'bad config', retryAt: null }, 'null')).toEqual({ kind: 'waiting', message: 'bad config', retryAt: null });
  });

  it('refuses an answer that does not match the bridge contract', () => {
    for (const raw of [null, {}, { state: 'ready', adminUrl: 'not a url', adminToken: 't' }, { state: 'ready', adminUrl: origin }]) {
      expect(interpretBridgeState(raw, origin).kind, JSON.stringify(raw)).toBe('invalid');
    }
  });
});

const status = {
  storeId: 'store-1', version: '0.1.0',
  health: { status: 'ok', version: '0.1.0', online: true, reasons: [], backlog: { pending: 0, exceptions: 0, oldestPendingAgeSeconds: 0 }, lastStockSyncAt: null, lastCatalogSyncAt: null },
  counts: { pending: 0, sending: 0, done: 3, exception: 0, voided: 0 },
  waitingForSale: 0,
  stokly: { online: true, lastContactAt: null, pausedUntil: null },
  kioskApi: { url: 'http://127.0.0.1:4780' },
  sync: {
    stock: { lastSuccessAt: null, lastError: null, lastErrorAt: null },
    catalog: { lastSuccessAt: null, lastError: null, lastErrorAt: null },
    cloudshelf: null,
  },
  flags: {},
  exceptions: { open: 0, cloudshelfIssues: 0 },
  now: '2026-11-26T10:00:00.000Z',
};

function fakeFetch(answer: (url: string) => { status: number; body: unknown } | Error) {
  const calls: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
  const impl: FetchLike = async (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers });
    const a = answer(url);
    if (a instanceof Error) throw a;
    return { ok: a.status >= 200 && a.status < 300, status: a.status, json: async () => a.body };
  };
  return { impl, calls };
}

describe('renderer admin client', () => {
  const connection = { adminUrl: origin, adminToken: 'tok' };

  it('sends the bearer token and returns the validated status', async () => {
    const { impl, calls } = fakeFetch(() => ({ status: 200, body: status }));
    expect((await createAdminClient(connection, impl).status()).storeId).toBe('store-1');
    expect(calls[0]).toMatchObject({ url: `${origin}/api/status`, method: 'GET' });
    expect(calls[0]?.headers.authorization).toBe('Bearer tok');
  });

  it('rejects an answer that breaks the contract instead of showing undefined', async () => {
    const { impl } = fakeFetch(() => ({ status: 200, body: { ...status, counts: undefined } }));
    await expect(createAdminClient(connection, impl).status()).rejects.toThrow(/Unexpected answer/);
  });

  it('asks for the outbox with the filter, limit and page offset', async () => {
    const { impl, calls } = fakeFetch(() => ({ status: 200, body: { items: [], total: 0 } }));
    const client = createAdminClient(connection, impl);
    await client.outbox('exception', 25);
    await client.outbox('all', 10);
    expect((await client.outbox('all', 25, 25)).total).toBe(0);
    expect(calls.map((c) => c.url)).toEqual([`${origin}/api/outbox?limit=25&status=exception`, `${origin}/api/outbox?limit=10`, `${origin}/api/outbox?limit=25&offset=25`]);
  });

  it('retries with a bodiless POST (no JSON content type, which the API would refuse)', async () => {
    const { impl, calls } = fakeFetch(() => ({ status: 200, body: null }));
    await expect(createAdminClient(connection, impl).retry(42)).resolves.toBeNull();
    expect(calls[0]).toMatchObject({ url: `${origin}/api/outbox/42/retry`, method: 'POST' });
    expect(Object.keys(calls[0]?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('content-type');
  });

  it("shows the API's own error message, and a refused token as 401", async () => {
    const conflict = fakeFetch(() => ({ status: 409, body: { error: { code: 'not_retryable', message: 'Outbox row 42 is done.' } } }));
    await expect(createAdminClient(connection, conflict.impl).retry(42)).rejects.toMatchObject({ status: 409, message: 'Outbox row 42 is done.' });
    const refused = fakeFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'x' } } }));
    const error = await createAdminClient(connection, refused.impl).status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).status).toBe(401);
  });

  it('a network failure says the agent cannot be reached', async () => {
    const { impl } = fakeFetch(() => new TypeError('fetch failed'));
    await expect(createAdminClient(connection, impl).status()).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/Cannot reach the agent/) });
  });
});
