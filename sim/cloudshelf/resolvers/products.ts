import type { ProductRecord } from '../state.js';
import { paginate, type ConnectionArgs, type Connection } from '../pagination.js';
import {
  BATCH_LIMITS,
  batchLimitError,
  checkName,
  parseDateTime,
  resolveUpsertTarget,
  userError,
  type UserError,
} from '../user-errors.js';
import type { ProductView } from '../views.js';
import { commit, metadataRecords, patch, type MetadataInput, type ResolverContext } from './common.js';

export interface ProductInput {
  id?: string | null;
  displayName?: string | null;
  handle?: string | null;
  description?: string | null;
  productType?: string | null;
  vendor?: string | null;
  tags?: string[] | null;
  metadata?: MetadataInput[] | null;
  remoteUpdatedAt?: unknown;
}

export interface ProductsQueryArgs extends ConnectionArgs {
  textSearch?: string | null;
  productGroupIds?: string[] | null;
}

/** Per the schema: the display name in lower case, non-alphanumerics removed, spaces → hyphens. */
export function handleOf(displayName: string): string {
  return displayName
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

export function upsertProducts(ctx: ResolverContext, inputs: readonly ProductInput[]): { products: ProductRecord[]; userErrors: UserError[] } {
  if (inputs.length > BATCH_LIMITS.products) {
    return { products: [], userErrors: [batchLimitError('upsertProducts', 'products', BATCH_LIMITS.products, inputs.length)] };
  }
  const products: ProductRecord[] = [];
  const userErrors: UserError[] = [];
  inputs.forEach((input, index) => {
    const result = upsertOne(ctx, input, `input[${index}]`);
    if ('error' in result) userErrors.push(result.error);
    else products.push(result.record);
  });
  return { products, userErrors };
}

function upsertOne(ctx: ResolverContext, input: ProductInput, path: string): { record: ProductRecord } | { error: UserError } {
  const { state } = ctx;
  const target = resolveUpsertTarget(input.id, path, 'product', (id) => state.findProduct(id));
  if (target.kind === 'error') return { error: target.error };
  const prev = target.kind === 'update' ? target.record : undefined;

  const nameError = checkName(input.displayName, prev === undefined, `${path}.displayName`);
  if (nameError) return { error: nameError };
  if (input.handle === null || (input.handle !== undefined && input.handle.trim() === '')) {
    return { error: userError('ENTITY_INVALID_FIELD', `${path}.handle`, 'must not be empty') };
  }
  let remoteUpdatedAt = prev?.remoteUpdatedAt ?? null;
  if (input.remoteUpdatedAt !== undefined) {
    remoteUpdatedAt = input.remoteUpdatedAt === null ? null : parseDateTime(input.remoteUpdatedAt);
    if (input.remoteUpdatedAt !== null && remoteUpdatedAt === null) {
      return { error: userError('ENTITY_INVALID_FIELD', `${path}.remoteUpdatedAt`, 'must be an ISO 8601 date-time') };
    }
  }

  const at = ctx.now();
  const ids = prev ?? state.allocate('Product');
  const displayName = input.displayName ?? prev?.displayName ?? '';
  const key = target.kind === 'update' ? target.record.platformProvidedId : target.key;
  const next: ProductRecord = {
    seq: ids.seq,
    id: ids.id,
    platformProvidedId: key,
    displayName,
    // The handle is derived from the original display name and kept unless one is sent.
    handle: input.handle ?? prev?.handle ?? handleOf(displayName),
    description: patch(input.description, prev?.description ?? null),
    productType: patch(input.productType, prev?.productType ?? null),
    vendor: patch(input.vendor, prev?.vendor ?? null),
    tags: input.tags ?? prev?.tags ?? [],
    metadata: input.metadata ? metadataRecords(ctx, input.metadata, at) : prev?.metadata ?? [],
    remoteUpdatedAt,
    createdAt: prev?.createdAt ?? at,
    updatedAt: prev?.updatedAt ?? at,
  };
  return { record: commit(state.products, key, prev, next, at) };
}

export function productsQuery(ctx: ResolverContext, args: ProductsQueryArgs): Connection<ProductView> {
  let products = [...ctx.state.products.values()];
  // The sandbox has no product groups, so filtering by any group matches nothing.
  if (args.productGroupIds && args.productGroupIds.length > 0) products = [];
  const search = args.textSearch?.trim().toLowerCase();
  if (search) {
    products = products.filter((p) =>
      [p.displayName, p.handle, p.vendor ?? '', ...ctx.state.variantsOfProduct(p.platformProvidedId).map((v) => v.sku ?? '')]
        .some((text) => text.toLowerCase().includes(search)),
    );
  }
  return paginate(products, args, ctx.views.product);
}

export function productQuery(ctx: ResolverContext, id: string): ProductView | null {
  const product = ctx.state.findProduct(id);
  return product ? ctx.views.product(product) : null;
}
