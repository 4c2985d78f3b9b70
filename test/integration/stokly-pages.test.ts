import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock.js';
import { StoklyClient } from '../../electron/core/stokly/client.js';
import { itemSchema } from '../../electron/core/stokly/schemas.js';
import { StoklySandbox } from '../../sim/stokly/sandbox.js';
import { generateShop } from '../../sim/stokly/seed.js';

let sandbox: StoklySandbox | null = null;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = null;
});

async function start(items: number): Promise<StoklyClient> {
  sandbox = await StoklySandbox.start({ rateLimit: null, seed: generateShop({ itemCount: items, seed: 3 }) });
  const { accountKey, clientId, secretKey } = sandbox.credentials;
  return new StoklyClient({ baseUrl: sandbox.url, accountKey, clientId, secretKey, requestTimeoutMs: 5_000, maxRequestsPerMinute: 6_000, rateLimitPauseSeconds: 1, clock: systemClock });
}

const itemPages = (): string[] => (sandbox?.requestLog() ?? []).filter((r) => r.path === '/v0/items').map((r) => r.url);
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 150));

describe('StoklyClient.pages', () => {
  it('gives every page in order, once, and asks for the next while the caller stores the current', async () => {
    const client = await start(2_500);
    const sizes: number[] = [];
    const seen = new Set<string>();
    const requestedWhileStoring: number[] = [];
    for await (const page of client.pages('/v0/items', itemSchema, { size: 1_000, query: { sortField: 'itemId', sortDirection: 'ASC' } })) {
      await settle(); // the caller storing its page
      requestedWhileStoring.push(itemPages().length);
      sizes.push(page.length);
      for (const item of page) seen.add(item.itemId);
    }
    expect(sizes).toEqual([1_000, 1_000, 500]);
    expect(seen.size).toBe(2_500);
    // Page 1 was asked for while page 0 was being stored, page 2 while page 1 was; after the short page, nothing more.
    expect(requestedWhileStoring).toEqual([2, 3, 3]);
    expect(itemPages().map((u) => /page=(\d+)/.exec(u)?.[1])).toEqual(['0', '1', '2']);
  });

  it('a caller that stops early leaves no failure behind from the page fetched ahead', async () => {
    const client = await start(3_000);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for await (const page of client.pages('/v0/items', itemSchema, { size: 1_000 })) {
        expect(page).toHaveLength(1_000);
        sandbox?.setFaults({ outage: true }); // the page already asked for fails
        break;
      }
      await settle();
      await settle();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
