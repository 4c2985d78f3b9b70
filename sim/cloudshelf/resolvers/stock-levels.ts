import { stockLevelKey, type StockLevelRecord } from '../state.js';
import { BATCH_LIMITS, batchLimitError, resolveReference, userError, type UserError } from '../user-errors.js';
import { commit, type ResolverContext } from './common.js';

export interface StockLevelInput {
  locationId: string;
  productVariantId: string;
  quantity: number;
}

/**
 * One stock level per (location, variant); `isInStock` is derived when read (quantity > the
 * organisation's safety stock), so changing the safety stock changes it at once.
 */
export function upsertStockLevels(ctx: ResolverContext, inputs: readonly StockLevelInput[]): { stockLevels: StockLevelRecord[]; userErrors: UserError[] } {
  if (inputs.length > BATCH_LIMITS.stockLevels) {
    return { stockLevels: [], userErrors: [batchLimitError('upsertStockLevels', 'stock levels', BATCH_LIMITS.stockLevels, inputs.length)] };
  }
  const stockLevels: StockLevelRecord[] = [];
  const userErrors: UserError[] = [];
  inputs.forEach((input, index) => {
    const result = upsertOne(ctx, input, `input[${index}]`);
    if ('error' in result) userErrors.push(result.error);
    else stockLevels.push(result.record);
  });
  return { stockLevels, userErrors };
}

function upsertOne(ctx: ResolverContext, input: StockLevelInput, path: string): { record: StockLevelRecord } | { error: UserError } {
  const { state } = ctx;
  const location = resolveReference(input.locationId, `${path}.locationId`, 'location', (id) => state.findLocation(id));
  if ('error' in location) return location;
  const variant = resolveReference(input.productVariantId, `${path}.productVariantId`, 'product variant', (id) => state.findVariant(id));
  if ('error' in variant) return variant;
  // Strict on purpose: Cloudshelf does not say whether it accepts negative stock; send 0 instead.
  if (input.quantity < 0) {
    return { error: userError('ENTITY_INVALID_FIELD', `${path}.quantity`, `must not be negative, got ${input.quantity}`) };
  }

  const at = ctx.now();
  const key = stockLevelKey(location.record.platformProvidedId, variant.record.platformProvidedId);
  const prev = state.stockLevels.get(key);
  const ids = prev ?? state.allocate('StockLevel');
  const next: StockLevelRecord = {
    seq: ids.seq,
    id: ids.id,
    locationId: location.record.platformProvidedId,
    productVariantId: variant.record.platformProvidedId,
    quantity: input.quantity,
    createdAt: prev?.createdAt ?? at,
    updatedAt: prev?.updatedAt ?? at,
  };
  return { record: commit(state.stockLevels, key, prev, next, at) };
}
