import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postGraphql } from '../../sim/cloudshelf/client.js';
import { ORDER, ORDERS, UPSERT_ORDERS, UPSERT_PRODUCT_VARIANTS, UPSERT_PRODUCTS } from '../../sim/cloudshelf/documents.js';
import { CloudshelfSandbox, type CloudshelfSnapshot } from '../../sim/cloudshelf/sandbox.js';

interface OrderNode {
  id: string;
  status: string;
  thirdPartyId: string | null;
  discountCode: string | null;
  createdAt: string;
  updatedAt: string;
  session: { id: string } | null;
  lines: {
    id: string;
    productVariantId: string;
    platformProvidedProductVariantId: string | null;
    productId: string;
    platformProvidedProductId: string | null;
    productName: string;
    productVariantName: string;
    quantity: number;
    price: number;
    currencyCode: string;
    customAttributes: { key: string; value: string }[];
  }[];
}
interface OrdersPage {
  orders: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: OrderNode }[];
  };
}
interface UpsertOrdersPayload {
  upsertOrders: { orders: { id: string; status: string; thirdPartyId: string | null; updatedAt: string }[]; userErrors: { code: string; message: string }[] };
}

const MUG = 'gid://external/StoklyItem/mug';
const MUG_BLUE = 'gid://external/StoklyVariant/mug-blue';
const T0 = Date.parse('2026-03-01T09:00:00Z');

let clock = T0;
let sb: CloudshelfSandbox;

function gql<T>(query: string, variables?: Record<string, unknown>) {
  return postGraphql<T>(sb.url, sb.apiKey, query, variables);
}

const minutes = (n: number) => T0 + n * 60_000;

beforeEach(async () => {
  clock = T0;
  sb = await CloudshelfSandbox.start({ now: () => clock });
  await gql(UPSERT_PRODUCTS, { input: [{ id: MUG, displayName: 'Enamel Mug' }] });
  await gql(UPSERT_PRODUCT_VARIANTS, { inputs: [{ productId: MUG, variants: [{ id: MUG_BLUE, displayName: 'Blue', sku: 'MUG-BLUE', currentPrice: 12.5 }] }] });
});

afterEach(async () => {
  await sb.stop();
});

describe('orders from the kiosks', () => {
  it('reads an order back with its lines, catalogue names and both kinds of variant id', async () => {
    const id = sb.addOrder({
      sessionId: 'gid://cloudshelf/Session/77',
      createdAt: '2026-03-01T10:15:00Z',
      lines: [
        { productVariantId: MUG_BLUE, quantity: 2, price: 12.5, currencyCode: 'GBP', customAttributes: [{ key: 'device', value: 'kiosk-3' }] },
        { productVariantId: 'gid://external/StoklyVariant/unknown', quantity: 1, price: 3, productName: 'Gift wrap' },
      ],
    });
    expect(id).toMatch(/^gid:\/\/cloudshelf\/Order\//);

    const result = await gql<{ order: OrderNode | null }>(ORDER, { id });
    const order = result.data?.order;
    expect(order).toMatchObject({
      id,
      status: 'PAID',
      thirdPartyId: null,
      session: { id: 'gid://cloudshelf/Session/77' },
      createdAt: '2026-03-01T10:15:00.000Z',
      updatedAt: '2026-03-01T10:15:00.000Z',
    });
    const variantId = sb.state.variants.get(MUG_BLUE)?.id;
    expect(order?.lines[0]).toMatchObject({
      productVariantId: variantId,
      platformProvidedProductVariantId: MUG_BLUE,
      productId: sb.state.products.get(MUG)?.id,
      platformProvidedProductId: MUG,
      productName: 'Enamel Mug',
      productVariantName: 'Blue',
      quantity: 2,
      price: 12.5,
      currencyCode: 'GBP',
      customAttributes: [{ key: 'device', value: 'kiosk-3' }],
    });
    // A variant Cloudshelf does not know keeps the id it was sold under.
    expect(order?.lines[1]).toMatchObject({
      productVariantId: 'gid://external/StoklyVariant/unknown',
      platformProvidedProductVariantId: 'gid://external/StoklyVariant/unknown',
      productName: 'Gift wrap',
    });
    expect((await gql<{ order: OrderNode | null }>(ORDER, { id: 'gid://cloudshelf/Order/404' })).data?.order).toBeNull();
  });

  it('pages newest first with first/after, cursors and totalCount', async () => {
    // Inserted out of order, as a kiosk delivering its offline backlog would.
    const created = [3, 1, 5, 2, 4].map((m) => ({ m, id: sb.addOrder({ createdAt: minutes(m), lines: [{ productVariantId: MUG_BLUE, quantity: 1, price: 12.5 }] }) }));
    const newestFirst = [...created].sort((a, b) => b.m - a.m).map((c) => c.id);

    const seen: string[] = [];
    let after: string | null = null;
    const pages: OrdersPage['orders'][] = [];
    do {
      const result: { data: OrdersPage | null | undefined } = await gql<OrdersPage>(ORDERS, { first: 2, after, sortBy: { createdAt: 'DESC' } });
      const page = result.data?.orders;
      if (!page) throw new Error('no orders page');
      pages.push(page);
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);

    expect(seen).toEqual(newestFirst);
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.totalCount)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);

    const oldestFirst = await gql<OrdersPage>(ORDERS, { first: 5, sortBy: { createdAt: 'ASC' } });
    expect(oldestFirst.data?.orders.edges.map((e) => e.node.id)).toEqual([...newestFirst].reverse());
  });

  it('sorts by updatedAt, so an order changed later comes first newest-first', async () => {
    const first = sb.addOrder({ createdAt: minutes(1), lines: [] });
    const second = sb.addOrder({ createdAt: minutes(2), lines: [] });
    clock = minutes(10);
    await gql(UPSERT_ORDERS, { input: [{ id: first, status: 'REFUNDED' }] });
    const byUpdated = await gql<OrdersPage>(ORDERS, { first: 10, sortBy: { updatedAt: 'DESC' } });
    expect(byUpdated.data?.orders.edges.map((e) => e.node.id)).toEqual([first, second]);
    const byCreated = await gql<OrdersPage>(ORDERS, { first: 10, sortBy: { createdAt: 'DESC' } });
    expect(byCreated.data?.orders.edges.map((e) => e.node.id)).toEqual([second, first]);
  });
});

describe('upsertOrders', () => {
  it('sets thirdPartyId and status on an existing order, idempotently', async () => {
    const id = sb.addOrder({ status: 'PLACED', createdAt: minutes(0), lines: [{ productVariantId: MUG_BLUE, quantity: 1, price: 12.5 }] });
    clock = minutes(5);
    const result = await gql<UpsertOrdersPayload>(UPSERT_ORDERS, { input: [{ id, status: 'PAID', thirdPartyId: 'stokly:SO-1001' }] });
    expect(result.status).toBe(200);
    expect(result.data?.upsertOrders).toEqual({
      orders: [{ id, status: 'PAID', thirdPartyId: 'stokly:SO-1001', updatedAt: '2026-03-01T09:05:00.000Z' }],
      userErrors: [],
    });
    const read = await gql<{ order: OrderNode }>(ORDER, { id });
    expect(read.data?.order).toMatchObject({ status: 'PAID', thirdPartyId: 'stokly:SO-1001', updatedAt: '2026-03-01T09:05:00.000Z' });
    expect(read.data?.order.lines).toHaveLength(1);

    clock = minutes(9);
    const again = await gql<UpsertOrdersPayload>(UPSERT_ORDERS, { input: [{ id, status: 'PAID', thirdPartyId: 'stokly:SO-1001' }] });
    expect(again.data?.upsertOrders.orders[0]?.updatedAt).toBe('2026-03-01T09:05:00.000Z');
  });

  it('finds an order by thirdPartyId and renames it with newThirdPartyId, as Cloudshelf connectors do', async () => {
    const id = sb.addOrder({ thirdPartyId: 'kiosk-basket-9', lines: [] });
    const result = await gql<UpsertOrdersPayload>(UPSERT_ORDERS, { input: [{ thirdPartyId: 'kiosk-basket-9', newThirdPartyId: 'stokly:SO-2', status: 'PAID' }] });
    expect(result.data?.upsertOrders.userErrors).toEqual([]);
    expect(sb.state.orders.get(id)?.thirdPartyId).toBe('stokly:SO-2');
  });

  it('replaces the lines when lines are sent', async () => {
    const id = sb.addOrder({ lines: [{ productVariantId: MUG_BLUE, quantity: 1, price: 12.5 }] });
    await gql(UPSERT_ORDERS, { input: [{ id, lines: [{ productVariantID: MUG_BLUE, quantity: 3, price: 10, currencyCode: 'EUR' }] }] });
    expect(sb.state.orders.get(id)?.lines).toEqual([
      expect.objectContaining({ platformProvidedProductVariantId: MUG_BLUE, quantity: 3, price: 10, currencyCode: 'EUR' }),
    ]);
  });
});

describe('adding orders', () => {
  it('accepts POST /__sandbox/orders and shows orders in GET /__sandbox/state', async () => {
    const response = await fetch(`${sb.baseUrl}/__sandbox/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'PLACED', lines: [{ productVariantId: MUG_BLUE, quantity: 1, price: 12.5 }] }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(sb.state.orders.get(id)?.status).toBe('PLACED');

    const state = (await (await fetch(`${sb.baseUrl}/__sandbox/state`)).json()) as CloudshelfSnapshot;
    expect(state.orders).toEqual([expect.objectContaining({ id, status: 'PLACED', lines: [expect.objectContaining({ platformProvidedProductVariantId: MUG_BLUE, quantity: 1 })] })]);

    const invalid = await fetch(`${sb.baseUrl}/__sandbox/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ productVariantId: MUG_BLUE, quantity: 0, price: 1 }] }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/quantity/);
    expect(sb.state.orders.size).toBe(1);
  });

  it('validates addOrder input', () => {
    const line = { productVariantId: MUG_BLUE, quantity: 1, price: 1 };
    expect(() => sb.addOrder({ lines: [{ ...line, currencyCode: 'XXX' }] })).toThrow(/CurrencyCode/);
    expect(() => sb.addOrder({ lines: [{ ...line, price: -1 }] })).toThrow(/price/);
    const id = sb.addOrder({ id: 'gid://cloudshelf/Order/abc', lines: [line] });
    expect(id).toBe('gid://cloudshelf/Order/abc');
    expect(() => sb.addOrder({ id, lines: [line] })).toThrow(/already exists/);
    expect(() => sb.addOrder({ id: 'order-1', lines: [line] })).toThrow(/GlobalId/);
  });
});
