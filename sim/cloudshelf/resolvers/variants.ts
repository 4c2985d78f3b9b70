import type { MetaimageRecord, ProductRecord, VariantRecord } from '../state.js';
import {
  BATCH_LIMITS,
  batchLimitError,
  checkPrice,
  resolveReference,
  resolveUpsertTarget,
  userError,
  type UserError,
} from '../user-errors.js';
import { commit, keyValues, metadataRecords, patch, type KeyValuePairInput, type MetadataInput, type ResolverContext } from './common.js';

export interface ProductVariantInput {
  id?: string | null;
  sku?: string | null;
  barcode?: string | null;
  displayName?: string | null;
  currentPrice?: number | null;
  originalPrice?: number | null;
  isInStock?: boolean | null;
  availableToPurchase?: boolean | null;
  inventoryPolicy?: string | null;
  position?: number | null;
  attributes?: KeyValuePairInput[] | null;
  metadata?: MetadataInput[] | null;
  metaimages?: { url: string; preferredImage: boolean }[] | null;
}

export interface UpsertVariantsInput {
  productId: string;
  variants: ProductVariantInput[];
}

export function upsertProductVariants(
  ctx: ResolverContext,
  inputs: readonly UpsertVariantsInput[],
): { productVariants: VariantRecord[]; userErrors: UserError[] } {
  const total = inputs.reduce((sum, group) => sum + group.variants.length, 0);
  if (total > BATCH_LIMITS.variants) {
    return { productVariants: [], userErrors: [batchLimitError('upsertProductVariants', 'variants', BATCH_LIMITS.variants, total)] };
  }
  const productVariants: VariantRecord[] = [];
  const userErrors: UserError[] = [];
  inputs.forEach((group, groupIndex) => {
    const path = `inputs[${groupIndex}]`;
    const product = resolveReference(group.productId, `${path}.productId`, 'product', (id) => ctx.state.findProduct(id));
    if ('error' in product) {
      userErrors.push({ ...product.error, message: `${product.error.message}; its ${group.variants.length} variant(s) were not applied` });
      return;
    }
    group.variants.forEach((input, index) => {
      const result = upsertOne(ctx, product.record, input, `${path}.variants[${index}]`);
      if ('error' in result) userErrors.push(result.error);
      else productVariants.push(result.record);
    });
  });
  return { productVariants, userErrors };
}

function upsertOne(
  ctx: ResolverContext,
  product: ProductRecord,
  input: ProductVariantInput,
  path: string,
): { record: VariantRecord } | { error: UserError } {
  const { state } = ctx;
  const target = resolveUpsertTarget(input.id, path, 'product variant', (id) => state.findVariant(id));
  if (target.kind === 'error') return { error: target.error };
  const prev = target.kind === 'update' ? target.record : undefined;

  if (prev && prev.productId !== product.platformProvidedId) {
    // Strict on purpose: whether Cloudshelf moves a variant between products is not documented.
    return { error: userError('ENTITY_INVALID_FIELD', `${path}.id`, `variant ${prev.platformProvidedId} belongs to product ${prev.productId}, not ${product.platformProvidedId}`) };
  }
  if (!prev && (input.currentPrice === undefined || input.currentPrice === null)) {
    return { error: userError('ENTITY_CREATION_MISSING_FIELD', `${path}.currentPrice`, 'is required when creating a variant') };
  }
  const priceError = checkPrice(input.currentPrice, `${path}.currentPrice`) ?? checkPrice(input.originalPrice, `${path}.originalPrice`);
  if (priceError) return { error: priceError };
  if (input.displayName !== undefined && input.displayName !== null && input.displayName.trim() === '') {
    return { error: userError('ENTITY_INVALID_FIELD', `${path}.displayName`, 'must not be empty (send null for no name)') };
  }
  if (input.position !== undefined && input.position !== null && input.position < 0) {
    return { error: userError('ENTITY_INVALID_FIELD', `${path}.position`, `must not be negative, got ${input.position}`) };
  }
  for (const [i, image] of (input.metaimages ?? []).entries()) {
    if (!URL.canParse(image.url)) return { error: userError('ENTITY_INVALID_FIELD', `${path}.metaimages[${i}].url`, `"${image.url}" is not a URL`) };
  }

  const at = ctx.now();
  const ids = prev ?? state.allocate('ProductVariant');
  const key = target.kind === 'update' ? target.record.platformProvidedId : target.key;
  const currentPrice = input.currentPrice ?? prev?.currentPrice ?? 0;
  const next: VariantRecord = {
    seq: ids.seq,
    id: ids.id,
    platformProvidedId: key,
    productId: product.platformProvidedId,
    sku: patch(input.sku, prev?.sku ?? null),
    barcode: patch(input.barcode, prev?.barcode ?? null),
    displayName: patch(input.displayName, prev?.displayName ?? null),
    currentPrice,
    // "If the product variant is not discounted, this should equal the original price."
    originalPrice: input.originalPrice ?? prev?.originalPrice ?? currentPrice,
    isInStock: input.isInStock ?? prev?.isInStock ?? false,
    availableToPurchase: input.availableToPurchase ?? prev?.availableToPurchase ?? true,
    inventoryPolicy: patch(input.inventoryPolicy, prev?.inventoryPolicy ?? null),
    position: patch(input.position, prev?.position ?? null),
    attributes: input.attributes ? keyValues(input.attributes) : prev?.attributes ?? [],
    metaimages: input.metaimages ? metaimageRecords(ctx, input.metaimages, at) : prev?.metaimages ?? [],
    metadata: input.metadata ? metadataRecords(ctx, input.metadata, at) : prev?.metadata ?? [],
    createdAt: prev?.createdAt ?? at,
    updatedAt: prev?.updatedAt ?? at,
  };
  return { record: commit(state.variants, key, prev, next, at) };
}

function metaimageRecords(ctx: ResolverContext, inputs: readonly { url: string; preferredImage: boolean }[], at: number): MetaimageRecord[] {
  return inputs.map((m) => ({ id: ctx.state.newId('Metaimage'), url: m.url, preferredImage: m.preferredImage, createdAt: at, updatedAt: at }));
}
