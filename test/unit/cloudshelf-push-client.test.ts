import { parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CloudshelfClient, defaultCloudshelfRetry } from '../../electron/core/cloudshelf/client.js';
import * as documents from '../../electron/core/cloudshelf/documents.js';
import {
  CloudshelfGraphqlError,
  CloudshelfHttpError,
  CloudshelfNetworkError,
  CloudshelfResponseError,
} from '../../electron/core/cloudshelf/errors.js';
import { silenceLogging } from '../../electron/core/logging/logger.js';
import { retryPolicy, type RetryPolicy } from '../../electron/core/retry-policy.js';
import { cloudshelfSchema } from '../../sim/cloudshelf/schema.js';

type Answer = { status: number; body: unknown; headers?: Record<string, string> } | 'network';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: { query: string; variables: Record<string, unknown> };
}

/** A fetch that plays back `answers` in order and records what was sent. */
function fakeFetch(answers: Answer[]): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const f: typeof fetch = async (input, init) => {
    sent.push({
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: JSON.parse(String(init?.body)) as Sent['body'],
    });
    const answer = answers.shift() ?? 'network';
    if (answer === 'network') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers ?? {} });
  };
  return { fetch: f, sent };
}

function client(answers: Answer[]) {
  const fake = fakeFetch(answers);
  // The failures before each retry, and the Retry-After the client passed on (null: none).
  const delays: number[] = [];
  const retryAfters: Array<number | null> = [];
  const real = retryPolicy({ baseMs: 1, capMs: 10_000 });
  const retry: RetryPolicy = {
    options: real.options,
    delay: (failures) => {
      delays.push(failures);
      return 0;
    },
    delayHonouring: (failures, retryAfterMs) => {
      delays.push(failures);
      retryAfters.push(retryAfterMs);
      return 0;
    },
  };
  const c = new CloudshelfClient({ apiUrl: 'http://cloudshelf.test/graphql', apiKey: 'k3y', fetch: fake.fetch, retry });
  return { client: c, sent: fake.sent, delays, retryAfters };
}

const productsOk = (userErrors: unknown[] = []) => ({
  status: 200,
  body: { data: { upsertProducts: { products: [{ id: 'gid://cloudshelf/Product/1', platformProvidedId: 'gid://external/StoklyProduct/1' }], userErrors } } },
});

beforeAll(() => silenceLogging());

describe('Cloudshelf client', () => {
  it('posts {query, variables} with the token header and returns the caller gids Cloudshelf confirmed', async () => {
    const { client: c, sent } = client([productsOk()]);
    const out = await c.upsertProducts([{ id: 'gid://external/StoklyProduct/1', displayName: 'Mug' }]);
    expect(out).toEqual({ accepted: ['gid://external/StoklyProduct/1'], userErrors: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('http://cloudshelf.test/graphql');
    expect(sent[0]?.headers.authorization).toBe('token k3y');
    expect(sent[0]?.headers['content-type']).toBe('application/json');
    expect(sent[0]?.body.query).toBe(documents.UPSERT_PRODUCTS);
    expect(sent[0]?.body.variables).toEqual({ input: [{ id: 'gid://external/StoklyProduct/1', displayName: 'Mug' }] });
  });

  it('returns userErrors to the caller', async () => {
    const errors = [{ code: 'ENTITY_INVALID_FIELD', message: 'input[0].displayName: must not be empty' }];
    const { client: c } = client([productsOk(errors)]);
    expect((await c.upsertProducts([])).userErrors).toEqual(errors);
  });

  it.each([499, 502, 503, 504])('retries HTTP %i and succeeds', async (status) => {
    const { client: c, sent, delays } = client([{ status, body: 'busy' }, { status, body: 'busy' }, productsOk()]);
    expect((await c.upsertProducts([])).accepted).toHaveLength(1);
    expect(sent).toHaveLength(3);
    expect(delays).toEqual([0, 1]); // after the first and the second failure
  });

  it('waits out a 429 for its Retry-After (seconds or an HTTP date)', async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    const { client: c, sent, retryAfters } = client([
      { status: 429, body: 'slow down', headers: { 'retry-after': '2' } },
      { status: 429, body: 'slow down', headers: { 'retry-after': at } },
      productsOk(),
    ]);
    expect((await c.upsertProducts([])).accepted).toHaveLength(1);
    expect(sent).toHaveLength(3);
    expect(retryAfters[0]).toBe(2_000);
    expect(retryAfters[1]).toBeGreaterThan(0);
    expect(retryAfters[1]).toBeLessThanOrEqual(3_000);
  });

  it('does not wait inside one call for a Retry-After over a minute: the call fails, the schedule tries later', async () => {
    const { client: c, sent } = client([{ status: 503, body: 'maintenance', headers: { 'retry-after': '3600' } }, productsOk()]);
    const err = await c.upsertProducts([]).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503, attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it('gives up after 5 attempts with the status, the operation and what Cloudshelf said', async () => {
    const busy = { status: 503, body: { errors: [{ message: 'Service Unavailable' }] } };
    const { client: c, sent } = client([busy, busy, busy, busy, busy, productsOk()]);
    const err = await c.upsertProducts([]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudshelfHttpError);
    expect(err).toMatchObject({ status: 503, operation: 'upsertProducts', cloudshelfMessage: 'Service Unavailable', attempts: 5 });
    expect(sent).toHaveLength(5);
  });

  it('retries network failures, then reports them as such', async () => {
    const { client: c, sent } = client(['network', 'network', 'network', 'network', 'network']);
    const err = await c.upsertProducts([]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudshelfNetworkError);
    expect(err).toMatchObject({ operation: 'upsertProducts', detail: 'ECONNRESET', attempts: 5 });
    expect(sent).toHaveLength(5);

    const again = client(['network', productsOk()]);
    expect((await again.client.upsertProducts([])).accepted).toHaveLength(1);
  });

  it('does not retry other statuses (a bad key is not going to get better)', async () => {
    const { client: c, sent } = client([{ status: 401, body: { errors: [{ message: 'Unauthorized' }] } }, productsOk()]);
    await expect(c.upsertProducts([])).rejects.toMatchObject({ name: 'CloudshelfHttpError', status: 401, cloudshelfMessage: 'Unauthorized' });
    expect(sent).toHaveLength(1);
  });

  it('turns GraphQL errors[] into a CloudshelfGraphqlError naming the operation', async () => {
    const { client: c, sent } = client([{ status: 200, body: { errors: [{ message: 'Cannot query field "x"' }], data: null } }]);
    const err = await c.location('gid://cloudshelf/Location/1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudshelfGraphqlError);
    expect(err).toMatchObject({ operation: 'location', messages: ['Cannot query field "x"'] });
    expect(sent).toHaveLength(1);
  });

  it('refuses an answer of the wrong shape instead of passing undefined on', async () => {
    const wrong = client([{ status: 200, body: { data: { upsertProducts: { products: [{ id: 5 }], userErrors: [] } } } }]);
    await expect(wrong.client.upsertProducts([])).rejects.toBeInstanceOf(CloudshelfResponseError);
    const notJson = client([{ status: 200, body: '<html>' }]);
    await expect(notJson.client.upsertProducts([])).rejects.toBeInstanceOf(CloudshelfResponseError);
  });

  it('reads product pages and stock-level confirmations by the caller gids', async () => {
    const { client: c } = client([
      { status: 200, body: { data: { products: { pageInfo: { hasNextPage: true, endCursor: 'c1' }, edges: [{ node: { id: 'gid://cloudshelf/Product/1', platformProvidedId: null, displayName: 'X', productVariants: [] } }] } } } },
      { status: 200, body: { data: { upsertStockLevels: { stockLevels: [{ id: 's', location: { id: 'l', platformProvidedId: 'L' }, productVariant: { id: 'v', platformProvidedId: 'V' } }], userErrors: [] } } } },
    ]);
    expect(await c.productsPage(10, null)).toMatchObject({ hasNextPage: true, endCursor: 'c1', products: [{ displayName: 'X' }] });
    expect((await c.upsertStockLevels([])).accepted).toEqual(['V']);
  });

  it('waits 1.5–5 s between attempts by default', () => {
    const lowest = retryPolicy(defaultCloudshelfRetry, () => 0);
    const highest = retryPolicy(defaultCloudshelfRetry, () => 0.999999);
    for (const failures of [0, 1, 2, 3, 10]) {
      expect(lowest.delay(failures)).toBe(1_500);
      expect(highest.delay(failures)).toBeGreaterThan(4_990);
      expect(highest.delay(failures)).toBeLessThanOrEqual(5_000);
    }
  });
});

describe('Cloudshelf documents', () => {
  it.each(Object.entries(documents))('%s is valid against the schema excerpt', (_name, source) => {
    expect(validate(cloudshelfSchema(), parse(source)).map((e) => e.message)).toEqual([]);
  });
});
