import { afterEach, describe, expect, it } from 'vitest';
import {
  COLLECTED_LINE_STATUS, grantSignature, StoklySandbox, type StoklySandboxOptions,
} from '../../sim/stokly/sandbox.js';
import { generateShop } from '../../sim/stokly/seed.js';
import type { InventoryRecord, Item, SaleOrder, SaleOrderLine } from '../../sim/stokly/types.js';

const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const STORE = 'LOC-STORE-001';
const shop = generateShop({ itemCount: 60, seed: 2 });
const sellable = shop.items.filter((i) => i.format === 0 && i.status === 0);
const [itemA, itemB] = sellable as [Item, Item];

const running: StoklySandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** A sandbox on port 0 with a clock the test moves by hand. */
async function start(options: StoklySandboxOptions = {}): Promise<{ sandbox: StoklySandbox; clock: { ms: number } }> {
  const clock = { ms: T0 };
  const sandbox = await StoklySandbox.start({ seed: shop, rateLimit: null, now: () => clock.ms, ...options });
  running.push(sandbox);
  return { sandbox, clock };
}

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

async function call<T = { message: string }>(
  sandbox: StoklySandbox, method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, body });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

interface GrantBody { data: { authenticationResult: { accessToken: string; expiry: string } } }
interface ListBody<T> { data: T[]; metadata: { count: number } }
interface OneBody<T> { data: T }
interface Created { data: { id: string } }

function grantBody(sandbox: StoklySandbox, signature?: string): Record<string, string> {
  const { accountKey, clientId, secretKey } = sandbox.credentials;
  return { accountkey: accountKey, clientId, signature: signature ?? grantSignature(secretKey, clientId) };
}

async function token(sandbox: StoklySandbox): Promise<string> {
  const res = await call<GrantBody>(sandbox, 'POST', '/v1/grant', { body: grantBody(sandbox) });
  expect(res.status).toBe(200);
  return res.body.data.authenticationResult.accessToken;
}

const q = (filter: string): string => `filter=${encodeURIComponent(filter)}`;

function orderBody(overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stage: 'order',
    createdAt: '2026-11-26T10:15:00.000Z',
    currency: 'GBP',
    sourceType: 'epos',
    sourceId: 'CH-KIOSK',
    sourceReferenceId: 'store-7/s-123',
    customerReference: 'kiosk-3',
    tags: ['kiosk'],
    customer: { customerId: 'cust-1' },
    items: [{
      type: 'item', referenceId: itemA.itemId, quantity: 2,
      displayPrice: 12.5, displayTax: 2.08, displayDiscount: 0,
      displayLinePrice: 25, displayLineTax: 4.17, displayLineDiscount: 0, displayLineTotal: 25,
      fulfilmentType: 'none', ...line,
    }],
    payments: [{ method: 4, amount: 25 }],
    ...overrides,
  };
}

describe('grant', () => {
  it('issues a JWT-shaped token with an expiry ttl seconds ahead for the right HMAC signature', async () => {
    const { sandbox } = await start({ tokenTtlSeconds: 900, secretKey: 's3cret', clientId: 'client-9', accountKey: 'acme' });
    const res = await call<GrantBody>(sandbox, 'POST', '/v1/grant', {
      body: { accountkey: 'acme', clientId: 'client-9', signature: grantSignature('s3cret', 'client-9') },
    });
    expect(res.status).toBe(200);
    const { accessToken, expiry } = res.body.data.authenticationResult;
    expect(accessToken.split('.')).toHaveLength(3);
    expect(expiry).toBe(new Date(T0 + 900_000).toISOString());
    // The signature is plain HMAC-SHA256(secret, clientId) in lowercase hex.
    expect(grantSignature('key', 'The quick brown fox jumps over the lazy dog'))
      .toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it.each([
    ['a wrong signature', (b: Record<string, string>) => ({ ...b, signature: grantSignature('wrong-secret', b.clientId ?? '') })],
    ['an upper-case signature', (b: Record<string, string>) => ({ ...b, signature: (b.signature ?? '').toUpperCase() })],
    ['a wrong account', (b: Record<string, string>) => ({ ...b, accountkey: 'other' })],
    ['a wrong client id', (b: Record<string, string>) => ({ ...b, clientId: 'other' })],
  ])('refuses %s with 401 and a message', async (_label, mutate) => {
    const { sandbox } = await start();
    const res = await call(sandbox, 'POST', '/v1/grant', { body: mutate(grantBody(sandbox)) });
    expect(res.status).toBe(401);
    expect(res.body.message).toEqual(expect.any(String));
    expect(res.body).not.toHaveProperty('data');
  });

  it('refuses a body that spells accountkey differently with 422 naming the field', async () => {
    const { sandbox } = await start();
    const { accountkey, ...rest } = grantBody(sandbox);
    const res = await call(sandbox, 'POST', '/v1/grant', { body: { ...rest, accountKey: accountkey } });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('accountkey');
  });
});

describe('bearer tokens', () => {
  it('answers 401 Unauthorized without a token, with an unknown token, and with another sandbox\'s token', async () => {
    const { sandbox } = await start();
    const { sandbox: other } = await start();
    const foreign = await token(other);
    for (const t of [undefined, 'not-a-token', foreign]) {
      const res = await call(sandbox, 'GET', '/v0/items', t === undefined ? {} : { token: t });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Unauthorized' });
    }
    expect((await call(sandbox, 'GET', '/v0/items', { token: await token(sandbox) })).status).toBe(200);
  });

  it('answers 401 jwt expired once the ttl has passed', async () => {
    const { sandbox, clock } = await start({ tokenTtlSeconds: 60 });
    const t = await token(sandbox);
    clock.ms += 59_999;
    expect((await call(sandbox, 'GET', '/v0/channels', { token: t })).status).toBe(200);
    clock.ms += 1;
    const res = await call(sandbox, 'GET', '/v0/channels', { token: t });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'jwt expired' });
  });

  it('expireAllTokens and POST /__sandbox/expire-tokens expire issued tokens; a new grant works', async () => {
    const { sandbox } = await start();
    const first = await token(sandbox);
    sandbox.expireAllTokens();
    expect((await call(sandbox, 'GET', '/v0/channels', { token: first })).body).toEqual({ message: 'jwt expired' });
    const second = await token(sandbox);
    expect((await call(sandbox, 'GET', '/v0/channels', { token: second })).status).toBe(200);
    const ctl = await fetch(`${sandbox.url}/__sandbox/expire-tokens`, { method: 'POST' });
    expect(ctl.status).toBe(200);
    const res = await call(sandbox, 'GET', '/v0/channels', { token: second });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'jwt expired' });
  });
});

describe('envelopes, paging and sorting', () => {
  it('lists with the total matching count, pages from 0, and a short last page', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const total = shop.items.length;
    const page0 = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items?page=0&size=25', { token: t });
    const page2 = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items?page=2&size=25', { token: t });
    expect(page0.status).toBe(200);
    expect(page0.body.metadata.count).toBe(total);
    expect(page0.body.data).toHaveLength(25);
    expect(page0.body.data[0]?.itemId).toBe(shop.items[0]?.itemId);
    expect(page2.body.data).toHaveLength(total - 50);
    expect(page2.body.metadata.count).toBe(total);
    const past = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items?page=9&size=25', { token: t });
    expect(past.body).toEqual({ data: [], metadata: { count: total } });
    const byDefault = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items', { token: t });
    expect(byDefault.body.data).toHaveLength(Math.min(100, total));
  });

  it('refuses size over 1000 and malformed paging with 400', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    expect((await call(sandbox, 'GET', '/v0/items?size=1000', { token: t })).status).toBe(200);
    for (const query of ['size=1001', 'size=0', 'size=ten', 'page=-1', 'sortDirection=UP', 'page=1&page=2']) {
      const res = await call(sandbox, 'GET', `/v0/items?${query}`, { token: t });
      expect(res.status, query).toBe(400);
      expect(res.body.message, query).toEqual(expect.any(String));
    }
  });

  it('sorts by a field in either direction, numbers numerically, ties by id', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const asc = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items?size=1000&sortField=sku&sortDirection=ASC', { token: t });
    const skus = shop.items.map((i) => i.sku).sort();
    expect(asc.body.data.map((i) => i.sku)).toEqual(skus);
    const desc = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items?size=1000&sortField=sku&sortDirection=DESC', { token: t });
    expect(desc.body.data.map((i) => i.sku)).toEqual([...skus].reverse());

    const byPrice = await call<ListBody<Item>>(sandbox, 'GET', '/v0/items?size=1000&sortField=salePrice.amount', { token: t });
    const expected = [...shop.items].sort((a, b) => a.salePrice.amount - b.salePrice.amount || (a.itemId < b.itemId ? -1 : 1));
    expect(byPrice.body.data.map((i) => i.itemId)).toEqual(expected.map((i) => i.itemId));
  });

  it('re-sorts after records change, whether through helpers or edited directly', async () => {
    const { sandbox, clock } = await start();
    const t = await token(sandbox);
    const url = '/v0/items?size=1000&sortField=timeUpdated&sortDirection=DESC';
    const before = await call<ListBody<Item>>(sandbox, 'GET', url, { token: t });
    expect(before.body.data[0]?.itemId).not.toBe(itemB.itemId);
    clock.ms += 1000;
    sandbox.state.updateItem(itemB.itemId, { name: 'Changed' });
    expect((await call<ListBody<Item>>(sandbox, 'GET', url, { token: t })).body.data[0]?.itemId).toBe(itemB.itemId);
    const direct = sandbox.state.item(itemA.itemId);
    if (direct) direct.timeUpdated = new Date(T0 + 5000).toISOString();
    expect((await call<ListBody<Item>>(sandbox, 'GET', url, { token: t })).body.data[0]?.itemId).toBe(itemA.itemId);
  });

  it('returns one record as {data} and an unknown one as 404 {message}', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const one = await call<OneBody<Item>>(sandbox, 'GET', `/v0/items/${itemA.itemId}`, { token: t });
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(itemA);
    const missing = await call(sandbox, 'GET', '/v0/items/00000000-0000-4000-8000-000000000000', { token: t });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('not found');
    const noRoute = await call(sandbox, 'GET', '/v0/nothing-here', { token: t });
    expect(noRoute.status).toBe(404);
  });
});

describe('filters over HTTP', () => {
  it('finds items changed since a time, excluding deleted ones (incremental pull)', async () => {
    const { sandbox, clock } = await start();
    const t = await token(sandbox);
    clock.ms = T0 + 5_000;
    sandbox.state.updateItem(itemA.itemId, { name: 'Renamed tote' });
    sandbox.state.deleteItem(itemB.itemId);
    const since = new Date(T0).toISOString();
    const changed = await call<ListBody<Item>>(sandbox, 'GET',
      `/v0/items?${q(`[timeUpdated]>>{${since}}`)}&sortField=timeUpdated&sortDirection=ASC`, { token: t });
    expect(changed.body.data.map((i) => i.itemId).sort()).toEqual([itemA.itemId, itemB.itemId].sort());
    expect(changed.body.metadata.count).toBe(2);
    const live = await call<ListBody<Item>>(sandbox, 'GET', `/v0/items?${q(`[status]!={1}&&[timeUpdated]>>{${since}}`)}`, { token: t });
    expect(live.body.data.map((i) => i.name)).toEqual(['Renamed tote']);
  });

  it('looks up a barcode, children of a parent, and stock of a location', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const barcode = itemB.barcodes[0] ?? '';
    const found = await call<ListBody<{ itemId: string; barcode: string }>>(sandbox, 'GET', `/v0/item-barcodes?${q(`[barcode]=={${barcode}}`)}`, { token: t });
    expect(found.body.data).toEqual([expect.objectContaining({ itemId: itemB.itemId, barcode })]);

    const parent = shop.items.find((i) => i.format === 2);
    const children = await call<ListBody<Item>>(sandbox, 'GET', `/v0/items/${parent?.itemId}/children`, { token: t });
    const expectedChildren = shop.items.filter((i) => i.parentId === parent?.itemId);
    expect(children.body.metadata.count).toBe(expectedChildren.length);
    expect(children.body.data.every((c) => c.parentId === parent?.itemId)).toBe(true);

    const stock = await call<ListBody<InventoryRecord>>(sandbox, 'GET', `/v1/inventory-records?size=1000&${q(`[locationId]=={${STORE}}`)}`, { token: t });
    expect(stock.body.metadata.count).toBe(shop.inventoryRecords.filter((r) => r.locationId === STORE).length);
    expect(stock.body.data.every((r) => r.locationId === STORE && r.binId === 'UNASSIGNED')).toBe(true);
  });

  it('answers 400 Invalid filter for a malformed filter and for an unencoded &&', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const bad = await call(sandbox, 'GET', `/v0/items?${q('[status]<>{1}')}`, { token: t });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Invalid filter: /);
    const split = await call(sandbox, 'GET', '/v0/items?filter=[status]=={0}&&[format]=={2}', { token: t });
    expect(split.status).toBe(400);
    expect(split.body.message).toMatch(/^Invalid filter: /);
  });
});

describe('sale orders', () => {
  it('creates an order (201 with its id), stores fields and lines, and reads it back', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const created = await call<Created>(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody() });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const stored = sandbox.state.saleOrders.get(id);
    expect(stored).toMatchObject({
      saleOrderId: id, niceId: 1, stage: 'order', sourceReferenceId: 'store-7/s-123', sourceId: 'CH-KIOSK',
      currency: 'GBP', customerReference: 'kiosk-3', tags: ['kiosk'], timeCreated: new Date(T0).toISOString(),
    });
    expect(stored?.payments).toEqual([expect.objectContaining({ method: 4, amount: 25 })]);

    const one = await call<OneBody<SaleOrder>>(sandbox, 'GET', `/v2/saleorders/${id}`, { token: t });
    expect(one.body.data).toMatchObject({ saleOrderId: id, niceId: 1, createdAt: '2026-11-26T10:15:00.000Z' });
    expect(one.body.data).not.toHaveProperty('lines');

    const lines = await call<ListBody<SaleOrderLine>>(sandbox, 'GET', `/v2/saleorders/${id}/items`, { token: t });
    expect(lines.body.metadata.count).toBe(1);
    expect(lines.body.data[0]).toMatchObject({
      referenceId: itemA.itemId, itemSku: itemA.sku, quantity: 2, status: 'open', fulfilmentType: 'none',
      displayLineTotal: 25, displayLineTax: 4.17,
    });
    expect(lines.body.data[0]?.lineId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows duplicate sourceReferenceIds (no idempotency) and finds them by filter', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const first = await call<Created>(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody() });
    const second = await call<Created>(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody() });
    await call<Created>(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody({ sourceReferenceId: 'store-7/s-124' }) });
    expect(second.status).toBe(201);
    expect(second.body.data.id).not.toBe(first.body.data.id);
    expect(sandbox.state.ordersByReference('store-7/s-123')).toHaveLength(2);
    const found = await call<ListBody<SaleOrder>>(sandbox, 'GET', `/v2/saleorders?${q('[sourceReferenceId]=={store-7/s-123}')}&sortField=niceId&sortDirection=DESC`, { token: t });
    expect(found.body.metadata.count).toBe(2);
    expect(found.body.data.map((o) => o.niceId)).toEqual([2, 1]);
    const either = await call<ListBody<SaleOrder>>(sandbox, 'GET', `/v2/saleorders?${q('[sourceReferenceId]=*{store-7/s-124,nope}||[niceId]=={1}')}`, { token: t });
    expect(either.body.data.map((o) => o.niceId)).toEqual([1, 3]);
  });

  it.each([
    ['an unknown item', orderBody({}, { referenceId: '00000000-0000-4000-8000-000000000000' }), 'Item 00000000-0000-4000-8000-000000000000 not found'],
    ['an unknown channel', orderBody({ sourceId: 'CH-NOPE' }), 'Channel CH-NOPE not found'],
    ['a zero quantity', orderBody({}, { quantity: 0 }), 'items.0.quantity'],
    ['a fractional quantity', orderBody({}, { quantity: 1.5 }), 'items.0.quantity'],
    ['three decimals in GBP', orderBody({}, { displayLineTax: 4.175 }), 'items.0.displayLineTax'],
    ['three decimals in a payment', orderBody({ payments: [{ method: 4, amount: 25.001 }] }), 'payments.0.amount'],
    ['a string amount', orderBody({}, { displayPrice: '12.50' }), 'items.0.displayPrice'],
    ['an unknown fulfilment type', orderBody({}, { fulfilmentType: 'ship' }), 'items.0.fulfilmentType'],
    ['a missing sourceReferenceId', orderBody({ sourceReferenceId: undefined }), 'sourceReferenceId'],
    ['a bad createdAt', orderBody({ createdAt: '26/11/2026' }), 'createdAt'],
    ['an unknown currency', orderBody({ currency: 'XXY' }), 'currency'],
    ['an unknown top-level key', orderBody({ notes: 'hi' }), 'notes'],
    ['no lines', orderBody({ items: [] }), 'items'],
    ['a stage other than order', orderBody({ stage: 'quote' }), 'stage'],
  ])('refuses %s with 422 naming the problem and stores nothing', async (_label, body, expected) => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const res = await call(sandbox, 'POST', '/v2/saleorders', { token: t, body });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain(expected);
    expect(sandbox.state.saleOrders.size).toBe(0);
  });

  it('refuses a deleted item and a variable parent with 422', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.state.deleteItem(itemB.itemId);
    const deleted = await call(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody({}, { referenceId: itemB.itemId }) });
    expect(deleted.status).toBe(422);
    expect(deleted.body.message).toBe(`Item ${itemB.itemId} not found`);
    const parent = shop.items.find((i) => i.format === 2);
    const parentRes = await call(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody({}, { referenceId: parent?.itemId }) });
    expect(parentRes.status).toBe(422);
  });

  it('answers malformed JSON with 400 {message}', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    const res = await call(sandbox, 'POST', '/v2/saleorders', { token: t, rawBody: '{"stage": "order",' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.any(String));
  });

  it('PATCH changes the stage and payments and answers 202; unknown order is 404', async () => {
    const { sandbox, clock } = await start();
    const t = await token(sandbox);
    const { body } = await call<Created>(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody() });
    clock.ms += 1000;
    const patched = await call<Created>(sandbox, 'PATCH', `/v2/saleorders/${body.data.id}`, {
      token: t, body: { stage: 'removed', payments: [{ method: 7, amount: 20 }, { method: 4, amount: 5 }] },
    });
    expect(patched.status).toBe(202);
    const order = sandbox.state.saleOrders.get(body.data.id);
    expect(order?.stage).toBe('removed');
    expect(order?.payments.map((p) => [p.method, p.amount])).toEqual([[7, 20], [4, 5]]);
    expect(order?.timeUpdated).toBe(new Date(T0 + 1000).toISOString());
    const removed = await call<ListBody<SaleOrder>>(sandbox, 'GET', `/v2/saleorders?${q('[stage]=={removed}')}`, { token: t });
    expect(removed.body.metadata.count).toBe(1);
    expect((await call(sandbox, 'PATCH', `/v2/saleorders/${body.data.id}`, { token: t, body: { stage: 'lost' } })).status).toBe(422);
    expect((await call(sandbox, 'PATCH', '/v2/saleorders/nope', { token: t, body: { stage: 'removed' } })).status).toBe(404);
  });
});

describe('collect-items and adjustments', () => {
  async function orderWithTwoLines(sandbox: StoklySandbox, t: string): Promise<{ id: string; lines: SaleOrderLine[] }> {
    const body = orderBody();
    const line = (body.items as Array<Record<string, unknown>>)[0];
    body.items = [line, { ...line, referenceId: itemB.itemId, quantity: 1, displayLinePrice: 12.5, displayLineTax: 2.08, displayLineTotal: 12.5 }];
    body.payments = [{ method: 4, amount: 37.5 }];
    const created = await call<Created>(sandbox, 'POST', '/v2/saleorders', { token: t, body });
    expect(created.status).toBe(201);
    const lines = await call<ListBody<SaleOrderLine>>(sandbox, 'GET', `/v2/saleorders/${created.body.data.id}/items`, { token: t });
    return { id: created.body.data.id, lines: lines.body.data };
  }

  it('records collection, marks fully collected lines, and takes the stock off the store UNASSIGNED row', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.state.setOnHand(itemA.itemId, STORE, 10);
    sandbox.state.setOnHand(itemB.itemId, STORE, 4);
    const { id, lines } = await orderWithTwoLines(sandbox, t);
    const [lineA, lineB] = lines as [SaleOrderLine, SaleOrderLine];
    // Creating the order alone does not move stock.
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(10);

    const res = await call<Created>(sandbox, 'POST', `/v2/saleorders/${id}/collect-items`, {
      token: t, body: { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 1 }, { lineId: lineB.lineId, quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { id } });
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(9);
    expect(sandbox.state.inventoryRecord(itemB.itemId, STORE)?.onHand).toBe(3);

    const after = await call<ListBody<SaleOrderLine>>(sandbox, 'GET', `/v2/saleorders/${id}/items`, { token: t });
    const status = Object.fromEntries(after.body.data.map((l) => [l.lineId, l.status]));
    expect(status[lineA.lineId]).toBe('open'); // 1 of 2
    expect(status[lineB.lineId]).toBe(COLLECTED_LINE_STATUS);
    expect(COLLECTED_LINE_STATUS).toBe('collected');

    await call(sandbox, 'POST', `/v2/saleorders/${id}/collect-items`, { token: t, body: { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 1 }] } });
    expect(sandbox.state.saleOrders.get(id)?.lines[0]?.status).toBe(COLLECTED_LINE_STATUS);
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(8);
  });

  it('refuses over-collection, unknown lines and unknown locations with 422 and changes nothing', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.state.setOnHand(itemA.itemId, STORE, 10);
    const { id, lines } = await orderWithTwoLines(sandbox, t);
    const lineA = lines[0] as SaleOrderLine;
    const attempts = [
      { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 3 }] },
      // Two entries for one line count together: 2 + 1 > 2.
      { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 2 }, { lineId: lineA.lineId, quantity: 1 }] },
      { locationId: STORE, items: [{ lineId: 'no-such-line', quantity: 1 }] },
      { locationId: 'LOC-NOPE', items: [{ lineId: lineA.lineId, quantity: 1 }] },
      { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 0 }] },
    ];
    for (const body of attempts) {
      const res = await call(sandbox, 'POST', `/v2/saleorders/${id}/collect-items`, { token: t, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(10);
    expect(sandbox.state.saleOrders.get(id)?.lines[0]?.collectedQuantity).toBe(0);

    await call(sandbox, 'POST', `/v2/saleorders/${id}/collect-items`, { token: t, body: { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 2 }] } });
    const again = await call(sandbox, 'POST', `/v2/saleorders/${id}/collect-items`, { token: t, body: { locationId: STORE, items: [{ lineId: lineA.lineId, quantity: 1 }] } });
    expect(again.status).toBe(422);
    expect(again.body.message).toContain('only 0 left');
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(8);
  });

  it('applies signed deltas to a bin, creating the record if missing, all or nothing', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.state.setOnHand(itemA.itemId, STORE, 5);
    const bin = `${STORE}-B02`;
    expect(sandbox.state.inventoryRecord(itemB.itemId, STORE, bin)).toBeUndefined();
    const res = await call<Created>(sandbox, 'POST', '/v1/adjustments', {
      token: t,
      body: { locationId: STORE, binId: 'UNASSIGNED', reason: 'stock count', items: [{ itemId: itemA.itemId, quantity: -2 }] },
    });
    expect(res.status).toBe(201);
    expect(sandbox.state.adjustments.get(res.body.data.id)?.reason).toBe('stock count');
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(3);
    await call(sandbox, 'POST', '/v1/adjustments', {
      token: t, body: { locationId: STORE, binId: bin, reason: 'delivery', items: [{ itemId: itemB.itemId, quantity: 6 }] },
    });
    expect(sandbox.state.inventoryRecord(itemB.itemId, STORE, bin)).toMatchObject({ onHand: 6, binName: 'Stockroom', itemSku: itemB.sku });

    const bad = [
      { locationId: STORE, binId: 'UNASSIGNED', reason: 'x', items: [{ itemId: itemA.itemId, quantity: 1 }, { itemId: 'nope', quantity: 1 }] },
      { locationId: 'LOC-NOPE', binId: 'UNASSIGNED', reason: 'x', items: [{ itemId: itemA.itemId, quantity: 1 }] },
      { locationId: STORE, binId: 'BIN-NOPE', reason: 'x', items: [{ itemId: itemA.itemId, quantity: 1 }] },
      { locationId: STORE, binId: 'UNASSIGNED', reason: 'x', items: [{ itemId: itemA.itemId, quantity: 0.5 }] },
    ];
    for (const body of bad) {
      expect((await call(sandbox, 'POST', '/v1/adjustments', { token: t, body })).status, JSON.stringify(body)).toBe(422);
    }
    expect(sandbox.state.inventoryRecord(itemA.itemId, STORE)?.onHand).toBe(3);
  });
});

describe('rate limiting', () => {
  it('counts down x-ratelimit-remaining, then 429 with Retry-After, then a fresh window', async () => {
    const { sandbox, clock } = await start({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const t = await token(sandbox); // the grant counts too
    expect((await call(sandbox, 'GET', '/v0/channels', { token: t })).headers.get('x-ratelimit-remaining')).toBe('1');
    clock.ms += 15_500;
    // A 401 is still a request against the account's limit.
    const unauthorised = await call(sandbox, 'GET', '/v0/channels');
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = await call(sandbox, 'GET', '/v0/channels', { token: t });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'Too many requests' });
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    clock.ms += 44_499;
    expect((await call(sandbox, 'GET', '/v0/channels', { token: t })).headers.get('retry-after')).toBe('1');
    // Control routes are exempt.
    expect((await fetch(`${sandbox.url}/__sandbox/stats`)).status).toBe(200);
    clock.ms += 1;
    const fresh = await call(sandbox, 'GET', '/v0/channels', { token: t });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('defaults to 600 a minute', async () => {
    const { sandbox } = await start({ rateLimit: undefined });
    const t = await token(sandbox);
    expect((await call(sandbox, 'GET', '/v0/channels', { token: t })).headers.get('x-ratelimit-remaining')).toBe('598');
  });
});

describe('faults', () => {
  it('errorRate 1 answers 503 before anything happens; control routes still work', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.setFaults({ errorRate: 1 });
    const res = await call(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody() });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ message: 'Service unavailable (injected)' });
    expect(sandbox.state.saleOrders.size).toBe(0);
    expect((await call(sandbox, 'GET', '/v0/items')).status).toBe(503); // before auth too
    const faults = await fetch(`${sandbox.url}/__sandbox/faults`);
    expect(await faults.json()).toEqual({ data: { errorRate: 1, latencyMs: 0, outage: false, dropAfterCommitRate: 0 } });
    sandbox.setFaults({ errorRate: 0 });
    expect((await call(sandbox, 'GET', '/v0/items', { token: t })).status).toBe(200);
  });

  it('a fractional errorRate fails the requests its dice say', async () => {
    const dice = [0.1, 0.9, 0.29, 0.3];
    const { sandbox } = await start({ random: () => dice.shift() ?? 1 });
    const t = await token(sandbox);
    sandbox.setFaults({ errorRate: 0.3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sandbox, 'GET', '/v0/channels', { token: t })).status);
    expect(statuses).toEqual([503, 200, 503, 200]);
  });

  it('latencyMs delays the answer', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await call(sandbox, 'GET', '/v0/channels', { token: t })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('outage drops every API connection unanswered, while control routes answer', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage: true }) });
    expect(sandbox.faults().outage).toBe(true);
    await expect(fetch(`${sandbox.url}/v0/channels`, { headers: { authorization: `Bearer ${t}` } })).rejects.toThrow();
    await expect(fetch(`${sandbox.url}/v2/saleorders`, {
      method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify(orderBody()),
    })).rejects.toThrow();
    expect(sandbox.state.saleOrders.size).toBe(0);
    const stats = await (await fetch(`${sandbox.url}/__sandbox/stats`)).json() as OneBody<{ requestsDropped: number }>;
    expect(stats.data.requestsDropped).toBe(2);
    expect(sandbox.requestLog().slice(-2).map((e) => e.status)).toEqual(['dropped', 'dropped']);
    sandbox.setFaults({ outage: false });
    expect((await call(sandbox, 'GET', '/v0/channels', { token: t })).status).toBe(200);
  });

  it('dropAfterCommitRate 1 commits the order but loses the answer; reads are unaffected', async () => {
    const { sandbox } = await start();
    const t = await token(sandbox);
    sandbox.setFaults({ dropAfterCommitRate: 1 });
    await expect(fetch(`${sandbox.url}/v2/saleorders`, {
      method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify(orderBody()),
    })).rejects.toThrow();
    expect(sandbox.state.ordersByReference('store-7/s-123')).toHaveLength(1);
    // The lookup an agent makes after an unknown outcome works and finds it.
    const found = await call<ListBody<SaleOrder>>(sandbox, 'GET', `/v2/saleorders?${q('[sourceReferenceId]=={store-7/s-123}')}`, { token: t });
    expect(found.body.metadata.count).toBe(1);
    // A refused (422) write changes nothing, so it is answered normally.
    expect((await call(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody({ sourceId: 'nope' }) })).status).toBe(422);
    expect(sandbox.requestLog().find((e) => e.method === 'POST' && e.path === '/v2/saleorders')?.status).toBe('dropped');
  });

  it('refuses out-of-range faults over HTTP with 422 and in-process with an error', async () => {
    const { sandbox } = await start();
    const res = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 2 }) });
    expect(res.status).toBe(422);
    expect(() => sandbox.setFaults({ latencyMs: -1 })).toThrow();
    expect(sandbox.faults()).toEqual({ errorRate: 0, latencyMs: 0, outage: false, dropAfterCommitRate: 0 });
  });
});

describe('control routes', () => {
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('adds and patches items, sets stock, and lists orders with lines, without auth', async () => {
    const { sandbox, clock } = await start();
    const added = await fetch(`${sandbox.url}/__sandbox/items`, json('POST', { sku: 'NEW-1', name: 'New thing', barcodes: ['5000000000017'] }));
    expect(added.status).toBe(201);
    const item = ((await added.json()) as OneBody<Item>).data;
    expect(item).toMatchObject({ sku: 'NEW-1', status: 0, format: 0, timeUpdated: new Date(T0).toISOString() });
    expect(sandbox.state.item(item.itemId)?.name).toBe('New thing');

    clock.ms += 60_000;
    const patched = await fetch(`${sandbox.url}/__sandbox/items/${item.itemId}`, json('PATCH', { salePrice: { amount: 9.5, currency: 'GBP' } }));
    expect(patched.status).toBe(200);
    expect(sandbox.state.item(item.itemId)).toMatchObject({ salePrice: { amount: 9.5 }, timeUpdated: new Date(T0 + 60_000).toISOString() });
    expect((await fetch(`${sandbox.url}/__sandbox/items/nope`, json('PATCH', { name: 'x' }))).status).toBe(404);

    const stock = await fetch(`${sandbox.url}/__sandbox/stock`, json('PUT', { itemId: item.itemId, locationId: STORE, onHand: 7 }));
    expect(stock.status).toBe(200);
    expect(sandbox.state.inventoryRecord(item.itemId, STORE)?.onHand).toBe(7);
    expect((await fetch(`${sandbox.url}/__sandbox/stock`, json('PUT', { itemId: item.itemId, locationId: 'nope', onHand: 7 }))).status).toBe(422);

    const t = await token(sandbox);
    await call(sandbox, 'POST', '/v2/saleorders', { token: t, body: orderBody() });
    const orders = (await (await fetch(`${sandbox.url}/__sandbox/sale-orders`)).json()) as ListBody<SaleOrder>;
    expect(orders.data).toHaveLength(1);
    expect(orders.data[0]?.lines[0]?.referenceId).toBe(itemA.itemId);
    expect(orders.data[0]?.payments[0]?.amount).toBe(25);

    const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as OneBody<{ counts: Record<string, number>; requestsServed: number }>;
    expect(stats.data.counts.saleOrders).toBe(1);
    expect(stats.data.counts.items).toBe(shop.items.length + 1);
    expect(stats.data.requestsServed).toBe(2); // the grant and the order; control routes are not counted
    expect(sandbox.requestLog().map((e) => [e.method, e.path, e.status])).toEqual([['POST', '/v1/grant', 200], ['POST', '/v2/saleorders', 201]]);
  });
});
