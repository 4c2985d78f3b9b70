import { afterEach, describe, expect, it } from 'vitest';
import { postGraphql } from '../../sim/cloudshelf/client.js';
import { UPSERT_PRODUCTS } from '../../sim/cloudshelf/documents.js';
import { CloudshelfSandbox, type CloudshelfFaults } from '../../sim/cloudshelf/sandbox.js';

const PRODUCT = { id: 'gid://external/Item/mug', displayName: 'Mug' };

let sb: CloudshelfSandbox;

async function start(options: Parameters<typeof CloudshelfSandbox.start>[0] = {}) {
  sb = await CloudshelfSandbox.start(options);
  return sb;
}

function upsert() {
  return postGraphql<{ upsertProducts: { userErrors: unknown[] } }>(sb.url, sb.apiKey, UPSERT_PRODUCTS, { input: [PRODUCT] });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

afterEach(async () => {
  await sb.stop();
});

describe('faults', () => {
  it('delays requests by latencyMs and still answers them; control routes are not delayed', async () => {
    await start();
    sb.setFaults({ latencyMs: 300 });
    const slow = await timed(upsert);
    expect(slow.ms).toBeGreaterThanOrEqual(290);
    expect(slow.value.status).toBe(200);
    expect(sb.state.products.has(PRODUCT.id)).toBe(true);

    const control = await timed(() => fetch(`${sb.baseUrl}/__sandbox/state`));
    expect(control.value.status).toBe(200);
    expect(control.ms).toBeLessThan(250);
  });

  it.each([499, 502, 503, 504] as const)('answers HTTP %i without executing when errorRate is 1', async (status) => {
    await start();
    sb.setFaults({ errorRate: 1, errorStatus: status });
    const result = await upsert();
    expect(result.status).toBe(status);
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^${status} `));
    expect(sb.state.products.size).toBe(0);
    expect(sb.requestLog()).toEqual([{ operationNames: ['upsertProducts'], operationName: 'UpsertProducts', status, at: expect.any(Number) }]);
  });

  it('defaults to 503, applies errorRate per request, and injects faults before checking auth', async () => {
    const draws = [0.2, 0.7, 0.49];
    await start({ random: () => draws.shift() ?? 1 });
    sb.setFaults({ errorRate: 0.5 });
    expect((await upsert()).status).toBe(503);
    expect((await upsert()).status).toBe(200);
    expect((await postGraphql(sb.url, 'wrong-key', '{ orders { totalCount } }')).status).toBe(503);
    expect(sb.requestLog().map((e) => e.status)).toEqual([503, 200, 503]);
  });

  it('destroys the socket during an outage, after the latency, and recovers when healed over HTTP', async () => {
    await start();
    sb.setFaults({ outage: true, latencyMs: 150 });
    const dropped = await timed(() => upsert().then(() => 'answered', (error: unknown) => error));
    expect(dropped.value).toBeInstanceOf(TypeError); // undici: "fetch failed", socket closed
    expect(dropped.ms).toBeGreaterThanOrEqual(140);
    expect(sb.state.products.size).toBe(0);
    expect(sb.requestLog().at(-1)?.status).toBe('dropped');

    // The control routes keep working during the outage.
    const state = await fetch(`${sb.baseUrl}/__sandbox/state`);
    expect(state.status).toBe(200);
    const healed = await fetch(`${sb.baseUrl}/__sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outage: false, latencyMs: 0 }),
    });
    expect(healed.status).toBe(200);
    expect((await healed.json()) as CloudshelfFaults).toEqual({ errorRate: 0, errorStatus: 503, latencyMs: 0, outage: false });

    expect((await upsert()).status).toBe(200);
    expect(sb.state.products.has(PRODUCT.id)).toBe(true);
  });

  it('sets faults over HTTP and refuses invalid ones', async () => {
    await start();
    const put = (body: unknown) => fetch(`${sb.baseUrl}/__sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const set = await put({ errorRate: 1, errorStatus: 502 });
    expect(set.status).toBe(200);
    expect((await upsert()).status).toBe(502);
    expect(sb.currentFaults()).toMatchObject({ errorRate: 1, errorStatus: 502 });

    expect((await put({ errorStatus: 500 })).status).toBe(400);
    expect((await put({ errorRate: 2 })).status).toBe(400);
    expect((await put({ outrage: true })).status).toBe(400);
    expect(() => sb.setFaults({ latencyMs: -1 })).toThrow(/Invalid Cloudshelf sandbox faults/);
    expect(sb.currentFaults()).toMatchObject({ errorRate: 1, errorStatus: 502, latencyMs: 0 });

    const faults = (await (await fetch(`${sb.baseUrl}/__sandbox/faults`)).json()) as CloudshelfFaults;
    expect(faults.errorStatus).toBe(502);
    const log = (await (await fetch(`${sb.baseUrl}/__sandbox/requests`)).json()) as { status: number }[];
    expect(log.map((e) => e.status)).toEqual([502]);
  });
});
