import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ProductInput, StockLevelInput } from './inputs.js';
import { retiredVariant, type DesiredCatalogue, type DesiredVariant } from './mapping.js';
import type { PushedEntity } from '../db/cloudshelf-push-state-repo.js';

/** One entity whose content differs from what Cloudshelf last accepted. */
export interface Change<T> {
  externalId: string;
  /** For people: the SKU the entity stands for, when it has one. */
  sku: string | null;
  hash: string;
  payload: T;
}

export interface PushPlan {
  products: Change<ProductInput>[];
  variants: Change<DesiredVariant>[];
  stockLevels: Change<StockLevelInput>[];
}

export interface PushedState {
  products: ReadonlyMap<string, PushedEntity>;
  variants: ReadonlyMap<string, PushedEntity>;
  stockLevels: ReadonlyMap<string, PushedEntity>;
}

/** JSON with keys sorted, so the hash depends on content only. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function contentHash(payload: unknown): string {
  return createHash('sha256').update(canonical(payload)).digest('hex');
}

const storedVariant = z.object({
  productId: z.string(),
  input: z.object({
    id: z.string(),
    sku: z.string(),
    barcode: z.string().nullable(),
    displayName: z.string().nullable(),
    currentPrice: z.number(),
    originalPrice: z.number(),
    isInStock: z.boolean(),
    availableToPurchase: z.boolean(),
    inventoryPolicy: z.string(),
  }),
});

const storedStockLevel = z.object({ locationId: z.string(), productVariantId: z.string(), quantity: z.number().int() });

const storedProduct = z.object({ id: z.string(), displayName: z.string() });

/** The stored payload of an entity, or null when the row is unreadable or of another shape. */
function parseStored<T>(schema: z.ZodType<T>, entity: PushedEntity): T | null {
  let json: unknown;
  try {
    json = JSON.parse(entity.payload);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export const parseStoredVariant = (entity: PushedEntity): DesiredVariant | null => parseStored(storedVariant, entity);
export const parseStoredProduct = (entity: PushedEntity): ProductInput | null => parseStored(storedProduct, entity);
const parseStoredStockLevel = (entity: PushedEntity): StockLevelInput | null => parseStored(storedStockLevel, entity);

function changed<T>(externalId: string, sku: string | null, payload: T, pushed: PushedEntity | undefined, hashed: unknown = payload): Change<T> | null {
  const hash = contentHash(hashed);
  return pushed?.hash === hash ? null : { externalId, sku, hash, payload };
}

/**
 * A variant's hash leaves out isInStock: Cloudshelf derives it from the variant's stock levels
 * once it has some, so a stock change is one stock level, not a variant as well. The flag still
 * goes (current) whenever the variant is sent for another reason.
 */
function variantHashContent(variant: DesiredVariant): unknown {
  const { isInStock: _derivedFromStockLevels, ...owned } = variant.input;
  return { productId: variant.productId, input: owned };
}

/**
 * What to send: every desired entity whose hash differs from the last accepted one. Variants and
 * stock levels Cloudshelf holds but Stok.ly no longer lists are made unsellable (there is no
 * delete in the API), so nothing stays on sale by being forgotten.
 */
export function planPush(desired: DesiredCatalogue, pushed: PushedState): PushPlan {
  const plan: PushPlan = { products: [], variants: [], stockLevels: [] };
  const skuOf = new Map<string, string>();
  // A product has no SKU of its own; its first variant's tells a person which one it is.
  const firstSku = new Map<string, string>();
  for (const v of desired.variants) if (!firstSku.has(v.productId)) firstSku.set(v.productId, v.input.sku);

  for (const product of desired.products) {
    const change = changed(product.id, firstSku.get(product.id) ?? null, product, pushed.products.get(product.id));
    if (change) plan.products.push(change);
  }

  const variants = new Map(desired.variants.map((v) => [v.input.id, v]));
  for (const [id, entity] of pushed.variants) {
    const last = variants.has(id) ? null : parseStoredVariant(entity);
    if (last) variants.set(id, retiredVariant(last));
  }
  for (const [id, variant] of variants) {
    skuOf.set(id, variant.input.sku);
    const change = changed(id, variant.input.sku, variant, pushed.variants.get(id), variantHashContent(variant));
    if (change) plan.variants.push(change);
  }

  const levels = new Map(desired.stockLevels.map((s) => [s.productVariantId, s]));
  for (const [id, entity] of pushed.stockLevels) {
    const last = levels.has(id) ? null : parseStoredStockLevel(entity);
    if (last) levels.set(id, { ...last, quantity: 0 });
  }
  for (const [id, level] of levels) {
    const change = changed(id, skuOf.get(id) ?? null, level, pushed.stockLevels.get(id));
    if (change) plan.stockLevels.push(change);
  }
  return plan;
}
