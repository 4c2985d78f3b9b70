import { parseGid } from '../gid.js';
import { buildOrderLine } from '../order-lines.js';
import { paginate, type Connection, type ConnectionArgs } from '../pagination.js';
import type { OrderLineRecord, OrderRecord, OrderStatus } from '../state.js';
import { resolveReference, userError, type UserError } from '../user-errors.js';
import type { OrderView } from '../views.js';
import { commit, keyValues, patch, type KeyValuePairInput, type ResolverContext } from './common.js';

export interface OrderLineInput {
  id?: string | null;
  productID?: string | null;
  productVariantID?: string | null;
  quantity?: number | null;
  price?: number | null;
  currencyCode?: string | null;
  customAttributes?: KeyValuePairInput[] | null;
}

export interface OrderInput {
  id?: string | null;
  /** Without `id`, finds the order by its current third-party id (as Cloudshelf's connectors do). */
  thirdPartyId?: string | null;
  newThirdPartyId?: string | null;
  status?: OrderStatus | null;
  discountCode?: string | null;
  sessionId?: string | null;
  fromPOS?: boolean | null;
  lines?: OrderLineInput[] | null;
}

/**
 * Updates orders that exist (they are created by the kiosks, or `addOrder` in the sandbox). An
 * order is found by `id`, or else by `thirdPartyId`. Its third-party id becomes `newThirdPartyId`
 * if sent, else (when found by `id`) `thirdPartyId`. `lines`, if sent, replace the order's lines.
 * Unknown orders get ENTITY_NOT_FOUND: the sandbox does not create orders this way.
 */
export function upsertOrders(ctx: ResolverContext, inputs: readonly OrderInput[]): { orders: OrderRecord[]; userErrors: UserError[] } {
  const orders: OrderRecord[] = [];
  const userErrors: UserError[] = [];
  inputs.forEach((input, index) => {
    const result = updateOne(ctx, input, `input[${index}]`);
    if ('error' in result) userErrors.push(result.error);
    else orders.push(result.record);
  });
  return { orders, userErrors };
}

function findOrder(ctx: ResolverContext, input: OrderInput, path: string): { record: OrderRecord } | { error: UserError } {
  if (input.id !== undefined && input.id !== null) {
    if (!parseGid(input.id)) return { error: userError('ENTITY_INVALID_FIELD', `${path}.id`, `"${input.id}" is not a valid GlobalId`) };
    const order = ctx.state.findOrder(input.id);
    return order ? { record: order } : { error: userError('ENTITY_NOT_FOUND', `${path}.id`, `no order with id ${input.id}`) };
  }
  if (input.thirdPartyId !== undefined && input.thirdPartyId !== null) {
    const matches = [...ctx.state.orders.values()].filter((o) => o.thirdPartyId === input.thirdPartyId);
    const [only] = matches;
    if (!only) return { error: userError('ENTITY_NOT_FOUND', `${path}.thirdPartyId`, `no order with thirdPartyId "${input.thirdPartyId}"`) };
    if (matches.length > 1) return { error: userError('INVALID_ARGUMENT', `${path}.thirdPartyId`, `${matches.length} orders have thirdPartyId "${input.thirdPartyId}"; send id`) };
    return { record: only };
  }
  return { error: userError('ENTITY_CREATION_MISSING_FIELD', `${path}.id`, 'id or thirdPartyId is required to find the order') };
}

function updateOne(ctx: ResolverContext, input: OrderInput, path: string): { record: OrderRecord } | { error: UserError } {
  const found = findOrder(ctx, input, path);
  if ('error' in found) return found;
  const prev = found.record;
  if (input.status === null) return { error: userError('ENTITY_INVALID_FIELD', `${path}.status`, 'must not be null') };

  const at = ctx.now();
  let lines = prev.lines;
  if (input.lines) {
    const built = buildLines(ctx, input.lines, prev.lines[0]?.currencyCode ?? 'GBP', `${path}.lines`, at);
    if ('error' in built) return built;
    lines = built.lines;
  }
  const thirdPartyId = input.newThirdPartyId !== undefined
    ? input.newThirdPartyId
    : input.id !== undefined && input.id !== null ? patch(input.thirdPartyId, prev.thirdPartyId) : prev.thirdPartyId;
  const next: OrderRecord = {
    ...prev,
    status: input.status ?? prev.status,
    thirdPartyId,
    discountCode: patch(input.discountCode, prev.discountCode),
    sessionId: patch(input.sessionId, prev.sessionId),
    fromPOS: patch(input.fromPOS, prev.fromPOS),
    lines,
  };
  return { record: commit(ctx.state.orders, prev.id, prev, next, at) };
}

function buildLines(
  ctx: ResolverContext,
  inputs: readonly OrderLineInput[],
  defaultCurrency: string,
  path: string,
  at: number,
): { lines: OrderLineRecord[] } | { error: UserError } {
  const lines: OrderLineRecord[] = [];
  for (const [index, line] of inputs.entries()) {
    const linePath = `${path}[${index}]`;
    if (!line.productVariantID) return { error: userError('ENTITY_CREATION_MISSING_FIELD', `${linePath}.productVariantID`, 'is required') };
    const variant = resolveReference(line.productVariantID, `${linePath}.productVariantID`, 'product variant', (id) => ctx.state.findVariant(id));
    if ('error' in variant) return variant;
    if (line.productID !== undefined && line.productID !== null && !parseGid(line.productID)) {
      return { error: userError('ENTITY_INVALID_FIELD', `${linePath}.productID`, `"${line.productID}" is not a valid GlobalId`) };
    }
    if (line.quantity === undefined || line.quantity === null || line.quantity < 1) {
      return { error: userError('ENTITY_INVALID_FIELD', `${linePath}.quantity`, `must be 1 or more, got ${String(line.quantity)}`) };
    }
    if (line.price === undefined || line.price === null || line.price < 0) {
      return { error: userError('ENTITY_INVALID_FIELD', `${linePath}.price`, `must be 0 or more, got ${String(line.price)}`) };
    }
    lines.push(
      buildOrderLine(ctx.state, {
        productVariantId: variant.record.platformProvidedId,
        quantity: line.quantity,
        price: line.price,
        currencyCode: line.currencyCode ?? defaultCurrency,
        customAttributes: keyValues(line.customAttributes ?? []),
      }, at),
    );
  }
  return { lines };
}

export function ordersQuery(ctx: ResolverContext, args: ConnectionArgs): Connection<OrderView> {
  return paginate([...ctx.state.orders.values()], args, ctx.views.order);
}

export function orderQuery(ctx: ResolverContext, id: string): OrderView | null {
  const order = ctx.state.findOrder(id);
  return order ? ctx.views.order(order) : null;
}
